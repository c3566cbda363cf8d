/**
 * The privacy channels, bound to the unlocked store: each takes the router's context and the
 * validated input, records the client ids it touched (for the audit entry, never the data), and
 * returns what the contract promises.
 */
import type { ChannelOutput } from '../../contract/index.js';
import type { RequestContext } from '../router.js';
import { listAudit, verifyAudit } from './audit.js';
import { getConsents, recordConsent, type RecordConsentInput } from './consent.js';
import { pendingPurges } from './projection.js';
import { buildRecordOfProcessing } from './record.js';
import { restrictClient, type RestrictInput } from './restriction.js';
import { getPurgeGraceDays, setPurgeGraceDays } from './settings.js';

/**
 * Wall-clock time. The session's injected clock is private to SessionService; once it exposes
 * `now()`, use it here so that tests can fix time end to end (audit entries already use it).
 */
const now = (): Date => new Date();

export async function recordOfProcessing(ctx: RequestContext, input: { locale: 'en' | 'fr' }): Promise<ChannelOutput<'privacy.recordOfProcessing'>> {
  const { db } = ctx.session.requireStore();
  const at = now();
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
  return recordConsent(ctx.session.requireStore().db, input, now());
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
  return restrictClient(ctx.session.requireStore().db, input, now());
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
