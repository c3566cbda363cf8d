/**
 * Privacy: the record of processing, the consent ledger, restriction, pending purges, the audit
 * log; retention, purges, and the subject rights (access, portability, rectification, erasure,
 * objection) with their register of requests. The names here (purposes, channels, data categories) are the vocabulary; what they mean —
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

// ——— Retention

export const retentionRuleKindSchema = z.enum(['after_last_contact', 'after_record', 'review']);
/** A retention rule as the policy states it: its kind and its period in months. */
export const retentionRuleSchema = z.object({ kind: retentionRuleKindSchema, months: z.number().int() });
export type RetentionRuleSummary = z.infer<typeof retentionRuleSchema>;

/**
 * How long "keep" holds data past its retention period before it is due for review again:
 * a year, or — for a rule that is itself a review with the client — that rule's own period.
 */
export const RETENTION_KEEP_MONTHS = 12;

export const retentionDueItemSchema = z.object({
  /** The person the data is about: the client, or someone around them. */
  personId: idSchema,
  /** The client: the person themself, or — for someone around a client — the linked client last in contact. */
  clientId: idSchema,
  subject: z.enum(['client', 'related']),
  /** For someone around a client, always `identity`: the whole person (name, birthday, sizes, relation). */
  category: dataCategorySchema,
  rule: retentionRuleSchema,
  /** When the rule's period ended (or the last "keep" ran out). */
  dueAt: instantSchema,
  /** A restricted client's data is frozen: it may be kept, not purged, until the restriction is lifted. */
  restricted: z.boolean(),
});
export type RetentionDueItem = z.infer<typeof retentionDueItemSchema>;

// ——— Subject rights

export const privacyRightIds = ['access', 'rectification', 'erasure', 'restriction', 'objection', 'portability'] as const;
export const privacyRightSchema = z.enum(privacyRightIds);
export type PrivacyRightId = z.infer<typeof privacyRightSchema>;
export const requestStatusSchema = z.enum(['open', 'fulfilled', 'refused']);

/** One entry of the register of subject-rights requests. Ids, the right, dates, status. */
export const privacyRequestSchema = z.object({
  id: idSchema,
  /** Pseudonymous: the register outlives the client's erasure, as proof the request was honoured. */
  clientId: idSchema,
  right: privacyRightSchema,
  receivedAt: instantSchema,
  /** One month after receipt (GDPR art. 12(3)). */
  dueAt: instantSchema,
  status: requestStatusSchema,
  completedAt: instantSchema.nullable(),
  /** The advisor's note on the outcome; cleared when the client is erased. */
  note: z.string().nullable(),
  /** Still open after its due date. */
  overdue: z.boolean(),
  clientErased: z.boolean(),
});
export type PrivacyRequest = z.infer<typeof privacyRequestSchema>;

export const rectifiableFieldIds = ['honorific', 'firstName', 'lastName', 'birthDate', 'language', 'city', 'country'] as const;
export const rectifiableFieldSchema = z.enum(rectifiableFieldIds);
export type RectifiableField = z.infer<typeof rectifiableFieldSchema>;

/** The rectifiable fields of a client after a rectification (refetch `clients.get` for the rest). */
export const rectifiedClientSchema = z.object({
  clientId: idSchema,
  status: z.enum(['active', 'restricted']),
  updatedAt: instantSchema,
  honorific: z.string().nullable(),
  firstName: z.string(),
  lastName: z.string(),
  /** Null also when the current consents hide it (then `hidden` names it). */
  birthDate: z.string().nullable(),
  language: z.string().nullable(),
  city: z.string().nullable(),
  country: z.string().nullable(),
  hidden: z.array(rectifiableFieldSchema),
});

/** What is left of an erased client: no personal data. `id` is the erased client's id. */
export const tombstoneSchema = z.object({
  id: idSchema,
  erasedAt: instantSchema,
  reason: z.enum(['erasure', 'retention']),
});

const provenanceValue = z.enum(['declared', 'observed', 'imported']);
const text = z.string().nullable();

/**
 * The access dossier, `carnet.dossier/1` (GDPR art. 15): everything held about a client —
 * including what a withdrawal hides and has queued for purge — and the minimum held about the
 * people around them. Every field is described in docs/dossier-schema.md.
 */
export const DOSSIER_SCHEMA = 'carnet.dossier/1';

export const dossierCategorySchema = z.object({
  category: dataCategorySchema,
  purposes: z.array(purposeSchema),
  /** The retention rule, in words, in the dossier's language. */
  retention: z.string(),
  /** How many records of this category are held (a field on the client's own row counts 1). */
  held: z.number().int(),
  /** Whether Carnet's screens show it now. */
  shown: z.boolean(),
  hiddenBecause: z.enum(['consent_withdrawn', 'no_consent']).nullable(),
  withdrawnPurpose: purposeSchema.nullable(),
  withdrawnAt: instantSchema.nullable(),
  /** When the data hidden by a withdrawal will be deleted. */
  purgeDueAt: instantSchema.nullable(),
  /** When what is held is next due for review under its retention rule. */
  retentionDueAt: instantSchema.nullable(),
});

export const dossierSchema = z.object({
  schema: z.literal(DOSSIER_SCHEMA),
  generatedAt: instantSchema,
  locale: localeSchema,
  controller: z.object({ maison: z.string(), boutique: z.string(), advisor: z.string() }).nullable(),
  client: z.object({
    id: idSchema,
    status: z.enum(['active', 'restricted']),
    provenance: provenanceValue,
    createdAt: z.string(),
    updatedAt: z.string(),
    lastContactAt: text,
    honorific: text,
    firstName: z.string(),
    lastName: z.string(),
    birthDate: text,
    language: text,
    city: text,
    country: text,
    timeZone: text,
    tier: text,
    clientSince: text,
  }),
  categories: z.array(dossierCategorySchema),
  contactPoints: z.array(
    z.object({ id: idSchema, channel: z.string(), value: z.string(), preferred: z.boolean(), provenance: provenanceValue, reviewAt: text, createdAt: z.string() }),
  ),
  preferences: z.array(
    z.object({ id: idSchema, domain: z.string(), label: z.string(), value: z.string(), provenance: provenanceValue, reviewAt: text, createdAt: z.string() }),
  ),
  moments: z.array(
    z.object({ id: idSchema, kind: z.string(), date: z.string(), recurring: z.boolean(), label: text, note: text, provenance: provenanceValue, createdAt: z.string() }),
  ),
  purchases: z.array(
    z.object({
      id: idSchema,
      purchasedAt: z.string(),
      category: z.string(),
      item: z.string(),
      amountMinor: z.number().int(),
      currency: z.string(),
      channel: z.string(),
      recipientPersonId: idSchema.nullable(),
    }),
  ),
  interactions: z.array(
    z.object({ id: idSchema, occurredAt: z.string(), kind: z.string(), direction: z.string(), channel: text, note: text, discreet: z.boolean() }),
  ),
  appointments: z.array(
    z.object({ id: idSchema, startsAt: z.string(), endsAt: text, place: z.string(), purpose: text, status: z.string(), note: text }),
  ),
  afterSales: z.array(
    z.object({ id: idSchema, openedAt: z.string(), kind: z.string(), item: z.string(), status: z.string(), closedAt: text, note: text }),
  ),
  gifts: z.array(
    z.object({
      id: idSchema,
      givenAt: z.string(),
      occasion: z.string(),
      item: z.string(),
      note: text,
      /** Null: given to the client themself. */
      recipientPersonId: idSchema.nullable(),
      /** Given to the client on behalf of another client (who is not named). */
      onBehalfOfAnotherClient: z.boolean(),
    }),
  ),
  people: z.array(
    z.object({
      id: idSchema,
      isClient: z.boolean(),
      /** Null for another client of the maison: their identity is in their own dossier, not here. */
      firstName: text,
      lastName: text,
      relations: z.array(
        z.object({
          id: idSchema,
          kind: z.string(),
          label: text,
          since: text,
          until: text,
          /** `to_client`: "<person> is <label> of the client"; `from_client`: "the client is <label> of <person>". */
          direction: z.enum(['to_client', 'from_client']),
        }),
      ),
      /** For someone who is not a client: how much else is held about them (not what). Null for a client. */
      held: z.object({ birthDate: z.boolean(), moments: z.number().int(), preferences: z.number().int() }).nullable(),
    }),
  ),
  consents: z.object({ current: z.array(currentConsentSchema), history: z.array(consentEntrySchema) }),
  restrictions: z.array(z.object({ id: idSchema, action: z.enum(['restrict', 'lift']), reason: text, recordedAt: z.string() })),
  requests: z.array(privacyRequestSchema),
  retentionReviews: z.array(z.object({ category: z.string(), reviewedAt: z.string(), nextReviewAt: z.string() })),
});
export type Dossier = z.infer<typeof dossierSchema>;

/** The portability export, `carnet.portability/1` (GDPR art. 20): what the client provided. */
export const PORTABILITY_SCHEMA = 'carnet.portability/1';

export const portabilitySchema = z.object({
  schema: z.literal(PORTABILITY_SCHEMA),
  exportedAt: instantSchema,
  clientId: idSchema,
  /** Null when the client's identity was not declared by them (observed or imported). */
  identity: z
    .object({
      honorific: text,
      firstName: z.string(),
      lastName: z.string(),
      birthDate: text,
      language: text,
      city: text,
      country: text,
      timeZone: text,
    })
    .nullable(),
  contactPoints: z.array(z.object({ channel: z.string(), value: z.string(), preferred: z.boolean() })),
  preferences: z.array(z.object({ domain: z.string(), label: z.string(), value: z.string() })),
  moments: z.array(z.object({ kind: z.string(), date: z.string(), recurring: z.boolean(), label: text })),
  purchases: z.array(
    z.object({ purchasedAt: z.string(), category: z.string(), item: z.string(), amountMinor: z.number().int(), currency: z.string(), channel: z.string() }),
  ),
});
export type Portability = z.infer<typeof portabilitySchema>;

/** How many clients are in each state of one purpose (one outreach channel). */
export const coverageSlotSchema = z.object({
  purpose: purposeSchema,
  channel: outreachChannelSchema.nullable(),
  granted: z.number().int(),
  withdrawn: z.number().int(),
  never: z.number().int(),
});
export type CoverageSlot = z.infer<typeof coverageSlotSchema>;

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
  },  'privacy.retention.due': {
    input: emptyInput,
    /** Data past its retention rule, for the advisor to review; never purged without a decision. */
    output: z.object({ items: z.array(retentionDueItemSchema) }),
  },
  'privacy.retention.review': {
    input: z
      .object({
        clientId: idSchema,
        /** The person around the client the item is about; defaults to the client. */
        personId: idSchema.optional(),
        category: dataCategorySchema,
        decision: z.enum(['purge', 'keep']),
      })
      .strict(),
    output: z.object({
      purged: z.boolean(),
      /** When what is (still) held of this category is next due; null when nothing is left. */
      nextReviewAt: instantSchema.nullable(),
    }),
  },
  'privacy.purge.run': {
    input: emptyInput,
    output: z.object({
      /** What was physically deleted: withdrawn consents whose grace period is over. */
      purged: z.array(z.object({ clientId: idSchema, category: dataCategorySchema })),
      /** Due, but the client is restricted: frozen until the restriction is lifted. */
      waiting: z.array(z.object({ clientId: idSchema, category: dataCategorySchema })),
    }),
  },
  'privacy.rights.access': {
    input: z.object({ clientId: idSchema, locale: localeSchema.optional() }).strict(),
    output: z.object({ json: dossierSchema, html: z.string() }),
  },
  'privacy.rights.portability': {
    input: z.object({ clientId: idSchema }).strict(),
    output: z.object({ json: portabilitySchema }),
  },
  'privacy.rights.rectify': {
    input: z
      .object({
        clientId: idSchema,
        field: rectifiableFieldSchema,
        value: z.string().max(200).nullable(),
      })
      .strict(),
    output: rectifiedClientSchema,
  },
  'privacy.rights.erase': {
    input: z.object({ clientId: idSchema, confirm: z.literal(true) }).strict(),
    output: z.object({ tombstone: tombstoneSchema }),
  },
  'privacy.rights.object': {
    input: z
      .object({
        clientId: idSchema,
        source: z.enum(consentSourceIds),
        evidence: z.string().trim().max(500).optional(),
        /** Defaults to the notice version of each consent withdrawn. */
        noticeVersion: noticeVersion.optional(),
      })
      .strict(),
    output: clientConsentsSchema.extend({
      /** The outreach channels withdrawn now; empty when none was granted. */
      withdrawn: z.array(outreachChannelSchema),
    }),
  },
  'privacy.requests.open': {
    input: z.object({ clientId: idSchema, right: privacyRightSchema, receivedAt: instantSchema }).strict(),
    output: privacyRequestSchema,
  },
  'privacy.requests.list': {
    input: z.object({ status: requestStatusSchema.optional() }).strict(),
    output: z.object({ items: z.array(privacyRequestSchema) }),
  },
  'privacy.requests.complete': {
    input: z
      .object({
        requestId: idSchema,
        outcome: z.enum(['fulfilled', 'refused']),
        note: z.string().trim().max(500).optional(),
      })
      .strict(),
    output: privacyRequestSchema,
  },
  /**
   * Consent coverage across the book: per purpose (and outreach channel), how many clients have
   * granted it, withdrawn it or were never asked; how many are restricted; how many objected to
   * aggregate analytics. Counts only: no id, no name.
   */
  'privacy.overview': {
    input: emptyInput,
    output: z.object({
      clients: z.number().int(),
      coverage: z.array(coverageSlotSchema),
      restricted: z.number().int(),
      analyticsObjections: z.number().int(),
    }),
  },
});
