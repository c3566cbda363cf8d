import { useEffect, useRef } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { isCarnetError, onLocked, type LockReason } from '../api/client';
import { queryClient } from './queryClient';
import { forgetSession } from './session';

/**
 * Listens for the session being locked from outside the page (idle, sleep, a refused call):
 * forgets every cached answer and returns to the profile chooser.
 */
export function RootLayout() {
  const navigate = useNavigate();
  const pending = useRef(false);

  useEffect(() => {
    function handleLocked(reason: LockReason): void {
      if (pending.current) return;
      pending.current = true;
      // Out of the event that told us, so the cache is not cleared while it is dispatching.
      window.setTimeout(() => {
        pending.current = false;
        forgetSession();
        void navigate('/', { replace: true, state: { locked: reason } });
      }, 0);
    }
    const offBridge = onLocked(handleLocked);
    const offCache = queryClient.getQueryCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'error' && isCarnetError(event.action.error, 'LOCKED')) {
        handleLocked('other');
      }
    });
    return () => {
      offBridge();
      offCache();
    };
  }, [navigate]);

  // After a change of page, a keyboard or screen-reader user starts from the new page's main
  // content — unless the page placed the focus itself (a passphrase field, a remembered row).
  const { pathname } = useLocation();
  const firstPage = useRef(true);
  useEffect(() => {
    if (firstPage.current) {
      firstPage.current = false;
      return;
    }
    const timer = window.setTimeout(() => {
      const active = document.activeElement;
      if (!active || active === document.body) document.getElementById('content')?.focus({ preventScroll: true });
    }, 0);
    return () => window.clearTimeout(timer);
  }, [pathname]);

  return <Outlet />;
}
