/** Every channel of the contract, bound to its service. One line per channel, no logic here. */
import type { Handlers } from './router.js';
import { getClient } from './clientbook/clients.js';
import { clientBook } from './clientbook/service.js';
import * as privacy from './privacy/service.js';
import { authoriseBriefExport } from './io/brief.js';

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
  'clients.list': (input, ctx) => clientBook.list(ctx, input),
  'clients.get': async (input, { session, touch }) => {
    touch(input.id);
    return getClient(session.requireStore().db, input.id, session.now());
  },
  'clients.listArchived': (input, ctx) => clientBook.listArchived(ctx, input),
  'clients.create': (input, ctx) => clientBook.create(ctx, input),
  'clients.update': (input, ctx) => clientBook.update(ctx, input),
  'clients.archive': (input, ctx) => clientBook.archive(ctx, input),
  'clients.unarchive': (input, ctx) => clientBook.unarchive(ctx, input),
  'clients.get360': (input, ctx) => clientBook.get360(ctx, input),
  'clients.timeline': (input, ctx) => clientBook.timeline(ctx, input),
  'clients.brief': (input, ctx) => clientBook.brief(ctx, input),
  'people.add': (input, ctx) => clientBook.addPerson(ctx, input),
  'people.update': (input, ctx) => clientBook.updatePerson(ctx, input),
  'people.remove': (input, ctx) => clientBook.removePerson(ctx, input),
  'contacts.set': (input, ctx) => clientBook.setContact(ctx, input),
  'contacts.remove': (input, ctx) => clientBook.removeContact(ctx, input),
  'preferences.add': (input, ctx) => clientBook.addPreference(ctx, input),
  'preferences.update': (input, ctx) => clientBook.updatePreference(ctx, input),
  'preferences.remove': (input, ctx) => clientBook.removePreference(ctx, input),
  'purchases.add': (input, ctx) => clientBook.addPurchase(ctx, input),
  'interactions.add': (input, ctx) => clientBook.addInteraction(ctx, input),
  'scan.text': (input, ctx) => clientBook.scanText(ctx, input),
  'appointments.add': (input, ctx) => clientBook.addAppointment(ctx, input),
  'appointments.update': (input, ctx) => clientBook.updateAppointment(ctx, input),
  'afterSales.add': (input, ctx) => clientBook.addAfterSales(ctx, input),
  'afterSales.update': (input, ctx) => clientBook.updateAfterSales(ctx, input),
  'moments.add': (input, ctx) => clientBook.addMoment(ctx, input),
  'moments.update': (input, ctx) => clientBook.updateMoment(ctx, input),
  'moments.remove': (input, ctx) => clientBook.removeMoment(ctx, input),
  'gifts.add': (input, ctx) => clientBook.addGift(ctx, input),
  'gifts.list': (input, ctx) => clientBook.listGifts(ctx, input),
  'search.query': (input, ctx) => clientBook.search(ctx, input),
  'privacy.recordOfProcessing': (input, ctx) => privacy.recordOfProcessing(ctx, input),
  'privacy.consents.get': (input, ctx) => privacy.consentsGet(ctx, input),
  'privacy.consents.record': (input, ctx) => privacy.consentsRecord(ctx, input),
  'privacy.pendingPurges': (_input, ctx) => privacy.purgesPending(ctx),
  'privacy.restrict': (input, ctx) => privacy.restrict(ctx, input),
  'privacy.settings.get': (_input, ctx) => privacy.settingsGet(ctx),
  'privacy.settings.set': (input, ctx) => privacy.settingsSet(ctx, input),
  'privacy.audit.verify': (_input, ctx) => privacy.auditVerify(ctx),
  'privacy.audit.list': (input, ctx) => privacy.auditList(ctx, input),
  'privacy.retention.due': (_input, ctx) => privacy.retentionDueList(ctx),
  'privacy.retention.review': (input, ctx) => privacy.retentionReview(ctx, input),
  'privacy.purge.run': (_input, ctx) => privacy.purgeRun(ctx),
  'privacy.rights.access': (input, ctx) => privacy.rightsAccess(ctx, input),
  'privacy.rights.portability': (input, ctx) => privacy.rightsPortability(ctx, input),
  'privacy.rights.rectify': (input, ctx) => privacy.rightsRectify(ctx, input),
  'privacy.rights.erase': (input, ctx) => privacy.rightsErase(ctx, input),
  'privacy.rights.object': (input, ctx) => privacy.rightsObject(ctx, input),
  'privacy.requests.open': (input, ctx) => privacy.requestsOpen(ctx, input),
  'privacy.requests.list': (input, ctx) => privacy.requestsList(ctx, input),
  'privacy.requests.complete': (input, ctx) => privacy.requestsComplete(ctx, input),
  'privacy.overview': (_input, ctx) => privacy.overview(ctx),
  'io.exportBrief': (input, { session, touch }) => {
    touch(input.clientId);
    return authoriseBriefExport(session.requireStore().db, input.clientId, input.to, session.now());
  },
};
