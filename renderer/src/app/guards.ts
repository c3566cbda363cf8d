/**
 * Route loaders that keep the two halves of the app apart: the welcome screens only while no
 * profile is open, the client book only while one is. Both ask the core, never a local flag.
 */
import { redirect, type ShouldRevalidateFunctionArgs } from 'react-router';
import { statusQuery } from '../api/queries';
import { queryClient } from './queryClient';

export async function lockedOnly(): Promise<null> {
  const status = await queryClient.fetchQuery(statusQuery);
  if (status.state === 'unlocked') throw redirect('/clients');
  return null;
}

export async function unlockedOnly(): Promise<null> {
  const status = await queryClient.fetchQuery(statusQuery);
  if (status.state !== 'unlocked') throw redirect('/');
  return null;
}

/** Typing in a search field changes the URL's query string; that is no reason to ask again. */
export function onlyOnPathChange({ currentUrl, nextUrl }: ShouldRevalidateFunctionArgs): boolean {
  return currentUrl.pathname !== nextUrl.pathname;
}
