/** Every channel of the contract, bound to its service. One line per channel, no logic here. */
import type { Handlers } from './router.js';
import { getClient, listClients } from './clientbook/clients.js';
import * as privacy from './privacy/service.js';

export const handlers: Handlers = {
  'session.status': (_input, { session }) => session.status(),
  'session.listProfiles': (_input, { session }) => ({ profiles: session.listProfiles() }),
  'session.createProfile': (input, { session }) => session.createProfile(input),
  'session.unlock': (input, { session }) => session.unlock(input.profileId, input.passphrase),
  'session.openDemo': (_input, { session }) => session.openDemo(),
  'session.lock': async (_input, { session }) => {
    await session.lock();
    return { locked: true as const };
  },
  'session.changePassphrase': async (input, { session }) => {
    await session.changePassphrase(input.current, input.next);
    return { changed: true as const };
  },
  'session.deleteProfile': async (input, { session }) => {
    await session.deleteProfile(input.profileId, input.confirmDisplayName);
    return { deleted: true as const };
  },
  'session.setAutoLock': (input, { session }) => ({ autoLockMinutes: session.setAutoLockMinutes(input.minutes) }),
  'clients.list': (input, { session }) => listClients(session.requireStore().db, input),
  'clients.get': async (input, { session, touch }) => {
    touch(input.id);
    return getClient(session.requireStore().db, input.id);
  },
  'privacy.recordOfProcessing': (input, ctx) => privacy.recordOfProcessing(ctx, input),
  'privacy.consents.get': (input, ctx) => privacy.consentsGet(ctx, input),
  'privacy.consents.record': (input, ctx) => privacy.consentsRecord(ctx, input),
  'privacy.pendingPurges': (_input, ctx) => privacy.purgesPending(ctx),
  'privacy.restrict': (input, ctx) => privacy.restrict(ctx, input),
  'privacy.settings.get': (_input, ctx) => privacy.settingsGet(ctx),
  'privacy.settings.set': (input, ctx) => privacy.settingsSet(ctx, input),
  'privacy.audit.verify': (_input, ctx) => privacy.auditVerify(ctx),
  'privacy.audit.list': (input, ctx) => privacy.auditList(ctx, input),
};
