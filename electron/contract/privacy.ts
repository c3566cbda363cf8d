/**
 * Privacy: the record of processing, the consent ledger, restriction, pending purges, the audit
 * log. The names here (purposes, channels, data categories) are the vocabulary; what they mean —
 * lawful basis, fields, retention — is the policy, `electron/services/privacy/policy.ts`, which
 * the core reads. Nothing else spells a purpose.
 */
import { z } from 'zod';
import { channels, emptyInput, idSchema, instantSchema, localeSchema } from './common.js';

/** Why Carnet processes personal data. `analytics` is aggregate only, never about one person. */
export const purposeIds = ['service', 'personalisation', 'outreach', 'relationship_mapping', 'analytics'] as const;
export const purposeSchema = z.enum(purposeIds);
export type Purpose = z.infer<typeof purposeSchema>;

/** The channels outreach consent is given for, one by one. */
export const outreachChannelIds = ['email', 'phone', 'sms', 'whatsapp', 'wechat', 'post'] as const;
export const outreachChannelSchema = z.enum(outreachChannelIds);
export type OutreachChannel = z.infer<typeof outreachChannelSchema>;

/** What kind of personal data a field holds; every stored field belongs to one (or is technical). */
export const dataCategoryIds = [
  'identity',
  'contact',
  'preferences',
  'moments',
  'relations',
  'purchases',
  'notes',
  'gifts',
  'appointments',
  'after_sales',
] as const;
export const dataCategorySchema = z.enum(dataCategoryIds);
export type DataCategory = z.infer<typeof dataCategorySchema>;

export const lawfulBasisIds = ['contract', 'consent', 'legitimate_interest'] as const;
export const lawfulBasisSchema = z.enum(lawfulBasisIds);
export type LawfulBasis = z.infer<typeof lawfulBasisSchema>;

/** How the advisor received a consent or its withdrawal. `imported` comes only from an import. */
export const consentSourceIds = ['in_person', 'signed_form', 'digital'] as const;
export const consentSourceSchema = z.enum([...consentSourceIds, 'imported']);
export const consentActionSchema = z.enum(['grant', 'withdraw']);

/**
 * The current state of one purpose (one outreach channel) for a client: `none` = never asked.
 * `lawful` says whether the purpose may be pursued now: consent needs `granted`; legitimate
 * interest holds unless the client objected (`withdrawn`); contract always holds.
 */
export const consentStateSchema = z.enum(['granted', 'withdrawn', 'none']);
export type ConsentState = z.infer<typeof consentStateSchema>;

/** GDPR art. 18(1) grounds, and the client's plain request. A reason, never free text. */
export const restrictionReasonIds = [
  'accuracy_contested',
  'unlawful_processing',
  'legal_claims',
  'objection_pending',
  'client_request',
] as const;
export const restrictionReasonSchema = z.enum(restrictionReasonIds);

/** Shortest and longest grace period before data of a withdrawn purpose is purged. */
export const PURGE_GRACE_MIN_DAYS = 0;
export const PURGE_GRACE_MAX_DAYS = 365;
export const PURGE_GRACE_DEFAULT_DAYS = 30;

export const consentSummarySchema = z.object({
  purpose: purposeSchema,
  channel: outreachChannelSchema.nullable(),
  state: consentStateSchema,
});
export type ConsentSummary = z.infer<typeof consentSummarySchema>;

export const currentConsentSchema = consentSummarySchema.extend({
  basis: lawfulBasisSchema,
  lawful: z.boolean(),
  /** When the current state took effect; null when never asked. */
  since: instantSchema.nullable(),
  noticeVersion: z.string().nullable(),
  source: consentSourceSchema.nullable(),
});
export type CurrentConsent = z.infer<typeof currentConsentSchema>;

export const consentEntrySchema = z.object({
  id: idSchema,
  purpose: purposeSchema,
  channel: outreachChannelSchema.nullable(),
  action: consentActionSchema,
  source: consentSourceSchema,
  evidence: z.string().nullable(),
  noticeVersion: z.string(),
  effectiveAt: instantSchema,
  recordedAt: instantSchema,
});
export type ConsentEntry = z.infer<typeof consentEntrySchema>;

export const clientConsentsSchema = z.object({
  clientId: idSchema,
  status: z.enum(['active', 'restricted']),
  /** Every purpose, and every outreach channel, in policy order. */
  current: z.array(currentConsentSchema),
  /** The ledger, newest first (by effective time, then recording time). Append-only. */
  history: z.array(consentEntrySchema),
});
export type ClientConsents = z.infer<typeof clientConsentsSchema>;

export const recordSectionSchema = z.object({
  id: z.string(),
  title: z.string(),
  paragraphs: z.array(z.string()),
});
export type RecordSection = z.infer<typeof recordSectionSchema>;

export const pendingPurgeSchema = z.object({
  clientId: idSchema,
  category: dataCategorySchema,
  purpose: purposeSchema,
  dueAt: instantSchema,
});
export type PendingPurge = z.infer<typeof pendingPurgeSchema>;

export const auditEntrySchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  action: z.string(),
  targetIds: z.array(z.string()),
  outcome: z.enum(['ok', 'error']),
});
export type AuditListEntry = z.infer<typeof auditEntrySchema>;

const noticeVersion = z
  .string()
  .max(40)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'not a notice version');

export const privacyContract = channels({
  'privacy.recordOfProcessing': {
    input: z.object({ locale: localeSchema }).strict(),
    output: z.object({
      locale: localeSchema,
      generatedAt: instantSchema,
      sections: z.array(recordSectionSchema),
    }),
  },
  'privacy.consents.get': {
    input: z.object({ clientId: idSchema }).strict(),
    output: clientConsentsSchema,
  },
  'privacy.consents.record': {
    input: z
      .object({
        clientId: idSchema,
        purpose: purposeSchema,
        /** Required for outreach, refused for every other purpose. */
        channel: outreachChannelSchema.optional(),
        action: consentActionSchema,
        source: z.enum(consentSourceIds),
        /** e.g. "Signed form ref. F-2026-0012". Kept with the client's record, erased with it. */
        evidence: z.string().trim().max(500).optional(),
        noticeVersion,
        /** Defaults to now; never in the future, never before the latest change of the same consent. */
        effectiveAt: instantSchema.optional(),
      })
      .strict(),
    output: clientConsentsSchema.extend({ recordedId: idSchema }),
  },
  'privacy.pendingPurges': {
    input: emptyInput,
    output: z.object({ graceDays: z.number().int(), items: z.array(pendingPurgeSchema) }),
  },
  'privacy.restrict': {
    input: z
      .object({
        clientId: idSchema,
        restricted: z.boolean(),
        reason: restrictionReasonSchema.optional(),
      })
      .strict(),
    output: z.object({
      clientId: idSchema,
      status: z.enum(['active', 'restricted']),
      /** False when the client was already in the asked state: nothing was written. */
      changed: z.boolean(),
    }),
  },
  'privacy.settings.get': {
    input: emptyInput,
    output: z.object({ purgeGraceDays: z.number().int() }),
  },
  'privacy.settings.set': {
    input: z
      .object({ purgeGraceDays: z.number().int().min(PURGE_GRACE_MIN_DAYS).max(PURGE_GRACE_MAX_DAYS) })
      .strict(),
    output: z.object({ purgeGraceDays: z.number().int() }),
  },
  'privacy.audit.verify': {
    input: emptyInput,
    output: z.object({
      valid: z.boolean(),
      entries: z.number().int(),
      firstBrokenSeq: z.number().int().nullable(),
    }),
  },
  'privacy.audit.list': {
    input: z
      .object({
        limit: z.number().int().min(1).max(500).default(100),
        beforeSeq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
      })
      .strict(),
    output: z.object({
      entries: z.array(auditEntrySchema),
      /** Pass as `beforeSeq` for the next (older) page; null at the start of the log. */
      nextBeforeSeq: z.number().int().nullable(),
    }),
  },
});
