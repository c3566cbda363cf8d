/**
 * Auto-lock: the session locks after the profile's idle delay, measured as system idle time
 * (`powerMonitor.getSystemIdleTime()`, polled every 15 s), and at once when the machine suspends
 * or its screen locks. After a lock it tells the window (`carnet:locked`), so the UI returns to
 * the unlock screen.
 *
 * The lock goes through the router (`session.lock`), not `session.lock()` directly: the router
 * serialises calls, so a lock never closes the store under a running request.
 *
 * No runtime `electron` import: `index.ts` passes `powerMonitor` in; the decision itself is
 * policy.shouldAutoLock, and test/unit/main/autolock.test.ts runs this against a real core.
 */
import type { PowerMonitor } from 'electron';
import type { LockReason, LockedEvent } from '../contract/channels.js';
import type { Router } from '../services/router.js';
import type { SessionService } from '../services/session/service.js';
import { IDLE_POLL_MS, shouldAutoLock } from './policy.js';

export type IdleMonitor = Pick<PowerMonitor, 'getSystemIdleTime' | 'on' | 'removeListener'>;

export interface AutoLockDeps {
  monitor: IdleMonitor;
  session: Pick<SessionService, 'onChange' | 'autoLockMinutes' | 'store'>;
  router: Pick<Router, 'dispatch'>;
  /** Tell the window; called only after the session really locked. */
  notify: (event: LockedEvent) => void;
  log: (message: string) => void;
  pollMs?: number;
}

export interface AutoLock {
  /** One idle check, as the timer runs it. */
  tick(): Promise<void>;
  /** Lock now for `reason`, if a profile is unlocked. Resolves true when it locked. */
  lockNow(reason: LockReason): Promise<boolean>;
  stop(): void;
}

export function startAutoLock(deps: AutoLockDeps): AutoLock {
  const { monitor, session, router } = deps;
  let minutes = session.autoLockMinutes();
  let pending: Promise<boolean> | null = null;

  /** Re-read on every unlock (each profile has its own delay) and on each check (it may change). */
  const readMinutes = (): number => {
    try {
      minutes = session.autoLockMinutes();
    } catch {
      deps.log('auto-lock: could not read the delay; keeping the last one');
    }
    return minutes;
  };

  const lockNow = (reason: LockReason): Promise<boolean> => {
    if (session.store === null) return Promise.resolve(false);
    if (pending) return pending;
    pending = (async () => {
      try {
        const result = await router.dispatch('session.lock', {});
        if (!result.ok) {
          deps.log(`auto-lock (${reason}) failed: ${result.error.code}`);
          return false;
        }
        deps.log(`locked: ${reason}`);
        deps.notify({ reason });
        return true;
      } finally {
        pending = null;
      }
    })();
    return pending;
  };

  const tick = async (): Promise<void> => {
    if (session.store === null) return;
    const state = { unlocked: true, idleSeconds: monitor.getSystemIdleTime(), autoLockMinutes: readMinutes() };
    if (shouldAutoLock(state)) await lockNow('idle');
  };

  const onSuspend = (): void => void lockNow('suspend');
  const onLockScreen = (): void => void lockNow('lock-screen');
  monitor.on('suspend', onSuspend);
  monitor.on('lock-screen', onLockScreen);
  const unsubscribe = session.onChange((state) => {
    if (state === 'unlocked') readMinutes();
  });
  const timer = setInterval(() => void tick(), deps.pollMs ?? IDLE_POLL_MS);

  return {
    tick,
    lockNow,
    stop() {
      clearInterval(timer);
      unsubscribe();
      monitor.removeListener('suspend', onSuspend);
      monitor.removeListener('lock-screen', onLockScreen);
    },
  };
}
