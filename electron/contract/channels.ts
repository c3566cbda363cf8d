/**
 * The contract's channel names as a plain list, and the bridge's IPC names — with no runtime
 * import. The preload bundles this file instead of `index.ts`, which would pull zod (≈170 kB)
 * into a script that only needs twenty strings.
 *
 * Every import here is `import type`, erased at build time. The list is checked against the
 * contract by the compiler both ways: a name the contract lacks fails the `satisfies` below, a
 * contract channel missing here fails `listIsComplete`. test/unit/preload/channels.test.ts
 * also compares it with `Object.keys(contract)` at run time.
 */
import type { CarnetApi, Channel } from './index.js';

export const channelList = [
  'session.status',
  'session.listProfiles',
  'session.createProfile',
  'session.unlock',
  'session.openDemo',
  'session.lock',
  'session.changePassphrase',
  'session.deleteProfile',
  'session.setAutoLock',
  'clients.list',
  'clients.get',
  'clients.listArchived',
  'clients.create',
  'clients.update',
  'clients.archive',
  'clients.unarchive',
  'clients.get360',
  'clients.timeline',
  'clients.brief',
  'people.add',
  'people.update',
  'people.remove',
  'contacts.set',
  'contacts.remove',
  'preferences.add',
  'preferences.update',
  'preferences.remove',
  'purchases.add',
  'interactions.add',
  'scan.text',
  'appointments.add',
  'appointments.update',
  'afterSales.add',
  'afterSales.update',
  'moments.add',
  'moments.update',
  'moments.remove',
  'gifts.add',
  'gifts.list',
  'search.query',
  'privacy.recordOfProcessing',
  'privacy.consents.get',
  'privacy.consents.record',
  'privacy.pendingPurges',
  'privacy.restrict',
  'privacy.settings.get',
  'privacy.settings.set',
  'privacy.audit.verify',
  'privacy.audit.list',
  'privacy.retention.due',
  'privacy.retention.review',
  'privacy.purge.run',
  'privacy.rights.access',
  'privacy.rights.portability',
  'privacy.rights.rectify',
  'privacy.rights.erase',
  'privacy.rights.object',
  'privacy.requests.open',
  'privacy.requests.list',
  'privacy.requests.complete',
  'privacy.overview',
  'io.exportBrief',
] as const satisfies readonly Channel[];

type Listed = (typeof channelList)[number];
/** A contract channel that is not in `channelList`; `never` when the list is complete. */
type MissingFromList = Exclude<Channel, Listed>;
/**
 * If this line fails to compile, the type named in the error is a contract channel missing from
 * `channelList` above: add it there.
 */
export const listIsComplete: [MissingFromList] extends [never] ? true : MissingFromList = true;

/** The one IPC channel the preload may invoke; `electron/main/ipc.ts` handles it. */
export const INVOKE_CHANNEL = 'carnet:invoke';
/** Sent by the main process after it locked the session by itself (idle, sleep, screen lock). */
export const LOCKED_EVENT = 'carnet:locked';

/** Why the main process locked the session without being asked to. */
export const lockReasons = ['idle', 'suspend', 'lock-screen'] as const;
export type LockReason = (typeof lockReasons)[number];

export interface LockedEvent {
  reason: LockReason;
}

/**
 * `window.carnet` as the Electron preload exposes it: the contract's `invoke`, plus one event so
 * the UI can return to the unlock screen when the main process locks the session by itself.
 * `onLocked` returns a function that removes the listener.
 */
export interface CarnetBridge extends CarnetApi {
  onLocked(callback: (event: LockedEvent) => void): () => void;
}
