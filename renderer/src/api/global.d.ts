import type { CarnetApi } from '../../../electron/contract/index.js';

/** Why the main process locked the session by itself, when it says ('idle', 'suspend', 'lock-screen'). */
export interface LockedNotice {
  reason?: string;
}

/**
 * What the Electron preload (or, in a browser, the test harness bridge) exposes on `window`.
 * `invoke` never throws for a refused call: it settles with `{ ok: false, error }`.
 */
export interface CarnetWindowApi extends CarnetApi {
  /** Called when the session is locked from outside the page; returns the unsubscribe function. */
  onLocked(listener: (notice?: LockedNotice) => void): () => void;
}

declare global {
  interface Window {
    /** Absent only when the page is opened outside Carnet (no preload, no harness bridge). */
    readonly carnet?: CarnetWindowApi;
  }
}
