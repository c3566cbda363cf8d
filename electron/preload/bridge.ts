/**
 * What `window.carnet` is, built from the few `ipcRenderer` calls it needs. Kept apart from
 * `index.ts` (which only hands real Electron objects to it) so it is tested in plain Node:
 * test/unit/preload/bridge.test.ts.
 *
 * Imports only `../contract/channels.js`, which has no runtime dependency: the preload stays a
 * few kilobytes, with no schema library in it.
 */
import {
  channelList,
  INVOKE_CHANNEL,
  LOCKED_EVENT,
  lockReasons,
  type CarnetBridge,
  type LockedEvent,
  type LockReason,
} from '../contract/channels.js';
import type { InvokeResult } from '../contract/index.js';

/** The part of `ipcRenderer` the bridge uses. */
export interface BridgeIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

type Failure = InvokeResult<never>;

const allowed: ReadonlySet<string> = new Set(channelList);
const reasons: ReadonlySet<string> = new Set(lockReasons);

function failure(code: 'UNKNOWN_CHANNEL' | 'INTERNAL', message: string): Failure {
  return { ok: false, error: { code, message } };
}

function isLockReason(value: unknown): value is LockReason {
  return typeof value === 'string' && reasons.has(value);
}

export function createBridge(ipc: BridgeIpc): CarnetBridge {
  const invoke = (channel: unknown, input: unknown): Promise<unknown> => {
    if (typeof channel !== 'string' || !allowed.has(channel)) {
      return Promise.resolve(failure('UNKNOWN_CHANNEL', 'There is no such request.'));
    }
    // Never rejects: an input that cannot cross IPC (a function, a DOM node) or a main process
    // going away settles as a typed error, like every other refusal.
    return ipc
      .invoke(INVOKE_CHANNEL, channel, input)
      .catch(() => failure('INTERNAL', 'The request could not be delivered; nothing was changed.'));
  };

  const onLocked = (callback: (event: LockedEvent) => void): (() => void) => {
    if (typeof callback !== 'function') return () => undefined;
    // The page gets a fresh `{ reason }` and never Electron's event object (its `sender` is the
    // ipcRenderer itself).
    const listener = (_event: unknown, payload: unknown): void => {
      const reason = (payload as { reason?: unknown } | null)?.reason;
      if (isLockReason(reason)) callback({ reason });
    };
    ipc.on(LOCKED_EVENT, listener);
    return () => {
      ipc.removeListener(LOCKED_EVENT, listener);
    };
  };

  return { invoke: invoke as CarnetBridge['invoke'], onLocked };
}
