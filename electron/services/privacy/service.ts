/**
 * The privacy channels, bound to the unlocked store: each takes the router's context and the
 * validated input, records the client ids it touched (for the audit entry, never the data), and
 * returns what the contract promises.
 */
import type { ChannelOutput, PrivacyRightId, RectifiableField } from '../../contract/index.js';
import type { RequestContext } from '../router.js';
import { listAudit, verifyAudit } from './audit.js';
import { getConsents, recordConsent, type RecordConsentInput } from './consent.js';
import { buildDossier, buildPortability } from './dossier.js';
import { eraseClient } from './erasure.js';
import { privacyOverview } from './overview.js';
import { pendingPurges } from './projection.js';
import { runDuePurges } from './purge.js';
import { buildRecordOfProcessing } from './record.js';
import { completeRequest, listRequests, openRequest } from './requests.js';
import { restrictClient, type RestrictInput } from './restriction.js';
import { retentionDue, reviewRetention, type ReviewInput } from './retention.js';
import { objectToOutreach, rectify, type ObjectInput } from './rights.js';
import { getPurgeGraceDays, setPurgeGraceDays } from './settings.js';

/** The session's clock, the core's one source of "now", so that tests can fix time end to end. */
const now = (ctx: RequestContext): Date => ctx.session.now();

export async function recordOfProcessing(ctx: RequestContext, input: { locale: 'en' | 'fr' }): Promise<ChannelOutput<'privacy.recordOfProcessing'>> {
  const { db } = ctx.session.requireStore();
  const at = now(ctx);
  const sections = await buildRecordOfProcessing(db, input.locale, {
    now: at,
    autoLockMinutes: ctx.session.autoLockMinutes(),
    graceDays: await getPurgeGraceDays(db),
  });
  return { locale: input.locale, generatedAt: at.toISOString(), sections };
}

export async function consentsGet(ctx: RequestContext, input: { clientId: string }): Promise<ChannelOutput<'privacy.consents.get'>> {
  ctx.touch(input.clientId);
  return getConsents(ctx.session.requireStore().db, input.clientId);
}

export async function consentsRecord(ctx: RequestContext, input: RecordConsentInput): Promise<ChannelOutput<'privacy.consents.record'>> {
  ctx.touch(input.clientId);
  return recordConsent(ctx.session.requireStore().db, input, now(ctx));
}

export async function purgesPending(ctx: RequestContext): Promise<ChannelOutput<'privacy.pendingPurges'>> {
  const { db } = ctx.session.requireStore();
  const graceDays = await getPurgeGraceDays(db);
  const items = await pendingPurges(db, graceDays);
  ctx.touch(...items.map((i) => i.clientId));
  return { graceDays, items };
}

export async function restrict(ctx: RequestContext, input: RestrictInput): Promise<ChannelOutput<'privacy.restrict'>> {
  ctx.touch(input.clientId);
  return restrictClient(ctx.session.requireStore().db, input, now(ctx));
}

export async function settingsGet(ctx: RequestContext): Promise<ChannelOutput<'privacy.settings.get'>> {
  return { purgeGraceDays: await getPurgeGraceDays(ctx.session.requireStore().db) };
}

export async function settingsSet(ctx: RequestContext, input: { purgeGraceDays: number }): Promise<ChannelOutput<'privacy.settings.set'>> {
  return { purgeGraceDays: await setPurgeGraceDays(ctx.session.requireStore().db, input.purgeGraceDays) };
}

export function auditVerify(ctx: RequestContext): ChannelOutput<'privacy.audit.verify'> {
  return verifyAudit(ctx.session.requireStore().raw);
}

export function auditList(ctx: RequestContext, input: { limit: number; beforeSeq?: number | undefined }): ChannelOutput<'privacy.audit.list'> {
  return listAudit(ctx.session.requireStore().raw, input);
}

// ——— Retention and purges

export function retentionDueList(ctx: RequestContext): ChannelOutput<'privacy.retention.due'> {
  const items = retentionDue(ctx.session.requireStore().raw, now(ctx));
  ctx.touch(...items.map((i) => i.clientId));
  return { items };
}

export async function retentionReview(ctx: RequestContext, input: ReviewInput): Promise<ChannelOutput<'privacy.retention.review'>> {
  ctx.touch(input.clientId, ...(input.personId ? [input.personId] : []));
  const { touched, ...result } = await reviewRetention(ctx.session.requireStore(), input, now(ctx));
  ctx.touch(...touched);
  return result;
}

export async function purgeRun(ctx: RequestContext): Promise<ChannelOutput<'privacy.purge.run'>> {
  const { purged, waiting, removedPeople } = await runDuePurges(ctx.session.requireStore(), now(ctx));
  ctx.touch(...purged.map((p) => p.clientId), ...removedPeople);
  return { purged, waiting };
}

// ——— Subject rights

export async function rightsAccess(ctx: RequestContext, input: { clientId: string; locale?: 'en' | 'fr' | undefined }): Promise<ChannelOutput<'privacy.rights.access'>> {
  ctx.touch(input.clientId);
  return buildDossier(ctx.session.requireStore(), input.clientId, input.locale, now(ctx));
}

export async function rightsPortability(ctx: RequestContext, input: { clientId: string }): Promise<ChannelOutput<'privacy.rights.portability'>> {
  ctx.touch(input.clientId);
  return { json: await buildPortability(ctx.session.requireStore(), input.clientId, now(ctx)) };
}

export async function rightsRectify(
  ctx: RequestContext,
  input: { clientId: string; field: RectifiableField; value: string | null },
): Promise<ChannelOutput<'privacy.rights.rectify'>> {
  ctx.touch(input.clientId);
  return rectify(ctx.session.requireStore().db, input, now(ctx));
}

export async function rightsErase(ctx: RequestContext, input: { clientId: string }): Promise<ChannelOutput<'privacy.rights.erase'>> {
  ctx.touch(input.clientId);
  const { tombstone, removedPeople } = await eraseClient(ctx.session.requireStore(), input.clientId, now(ctx), 'erasure');
  ctx.touch(...removedPeople);
  return { tombstone };
}

export async function rightsObject(ctx: RequestContext, input: ObjectInput): Promise<ChannelOutput<'privacy.rights.object'>> {
  ctx.touch(input.clientId);
  return objectToOutreach(ctx.session.requireStore().db, input, now(ctx));
}

export async function requestsOpen(
  ctx: RequestContext,
  input: { clientId: string; right: PrivacyRightId; receivedAt: string },
): Promise<ChannelOutput<'privacy.requests.open'>> {
  ctx.touch(input.clientId);
  const request = await openRequest(ctx.session.requireStore().db, input, now(ctx));
  ctx.touch(request.id);
  return request;
}

export async function requestsList(
  ctx: RequestContext,
  input: { status?: 'open' | 'fulfilled' | 'refused' | undefined },
): Promise<ChannelOutput<'privacy.requests.list'>> {
  const items = await listRequests(ctx.session.requireStore().db, input, now(ctx));
  ctx.touch(...items.map((i) => i.clientId));
  return { items };
}

export async function requestsComplete(
  ctx: RequestContext,
  input: { requestId: string; outcome: 'fulfilled' | 'refused'; note?: string | undefined },
): Promise<ChannelOutput<'privacy.requests.complete'>> {
  ctx.touch(input.requestId);
  const request = await completeRequest(ctx.session.requireStore().db, input, now(ctx));
  ctx.touch(request.clientId);
  return request;
}

// ——— The book at a glance

/** Counts only: touches no client, so the audit entry names none. */
export async function overview(ctx: RequestContext): Promise<ChannelOutput<'privacy.overview'>> {
  return privacyOverview(ctx.session.requireStore().db);
}
