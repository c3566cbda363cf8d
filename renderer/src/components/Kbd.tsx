import type { ReactNode } from 'react';

export function Kbd({ children, label }: { children: ReactNode; label?: string }) {
  return (
    <kbd className="kbd" aria-label={label}>
      {children}
    </kbd>
  );
}

/** ⌘ on a Mac, Ctrl elsewhere. */
export function isMac(): boolean {
  return /Mac|iPhone|iPad/.test(navigator.platform) || navigator.userAgent.includes('Mac OS X');
}
