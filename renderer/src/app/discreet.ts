/**
 * Discreet mode: while the screen faces a client, names, amounts and notes are masked. It is a
 * data attribute on the root element (`<html data-discreet="on">`) and CSS that veils every
 * element marked `data-private`. It stays on until the advisor turns it off (kept for the
 * window's session, never in the book).
 */
import { useSyncExternalStore } from 'react';

const STORAGE_KEY = 'carnet.discreet';
const listeners = new Set<() => void>();

function read(): boolean {
  try {
    return window.sessionStorage.getItem(STORAGE_KEY) === 'on';
  } catch {
    return false;
  }
}

let on = typeof window === 'undefined' ? false : read();

function apply(): void {
  if (typeof document === 'undefined') return;
  if (on) document.documentElement.dataset.discreet = 'on';
  else delete document.documentElement.dataset.discreet;
}
apply();

export function isDiscreet(): boolean {
  return on;
}

export function setDiscreet(next: boolean): void {
  on = next;
  try {
    if (next) window.sessionStorage.setItem(STORAGE_KEY, 'on');
    else window.sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // A window without storage keeps the mode until it is reloaded.
  }
  apply();
  for (const listener of listeners) listener();
}

export function toggleDiscreet(): void {
  setDiscreet(!on);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useDiscreet(): boolean {
  return useSyncExternalStore(subscribe, isDiscreet, isDiscreet);
}
