/**
 * The kysely `Database` interface of an advisor's store (schema v2: v1 plus `restriction`; 0003
 * adds `tombstone`, `privacy_request` and `retention_review`; 0004 adds `person.archived_at`).
 *
 * Conventions (ARCHITECTURE.md): ids are text ULIDs generated in the core; instants are ISO-8601
 * UTC strings; birthdays and anniversaries are `MM-DD` or `YYYY-MM-DD`; money is integer minor
 * units plus an ISO-4217 currency; booleans are 0/1 integers.
 */
import type { Generated } from 'kysely';

export type Provenance = 'declared' | 'observed' | 'imported';
export type PersonKind = 'client' | 'related';
export type PersonStatus = 'active' | 'restricted' | 'erased';
export type Channel = 'email' | 'phone' | 'sms' | 'whatsapp' | 'wechat' | 'post';

export interface AdvisorTable {
  id: string;
  display_name: string;
  maison: string;
  boutique: string;
  locale: string;
  time_zone: string;
  created_at: string;
}

export interface SettingTable {
  key: string;
  value: string;
}

export interface PersonTable {
  seq: Generated<number>;
  id: string;
  kind: PersonKind;
  status: PersonStatus;
  honorific: string | null;
  first_name: string;
  last_name: string;
  /** Lower-cased, accent-free "last first" for sorting and duplicate detection. */
  sort_key: string;
  birth_date: string | null;
  language: string | null;
  city: string | null;
  country: string | null;
  time_zone: string | null;
  /** Relationship tier as the maison names it (e.g. "Prestige"), free text kept short. */
  tier: string | null;
  client_since: string | null;
  /** Denormalised by trigger from `interaction`: the last real touch. */
  last_contact_at: string | null;
  advisor_id: string | null;
  provenance: Provenance;
  review_at: string | null;
  created_at: string;
  updated_at: string;
  /** 0004: when the advisor archived this client (soft, reversible); null otherwise. */
  archived_at: Generated<string | null>;
}

export interface ContactPointTable {
  id: string;
  person_id: string;
  channel: Channel;
  value: string;
  is_preferred: number;
  provenance: Provenance;
  review_at: string | null;
  created_at: string;
}

export interface PreferenceTable {
  seq: Generated<number>;
  id: string;
  person_id: string;
  /** e.g. size, material, colour, category, designer, fragrance, dislike, service, language */
  domain: string;
  label: string;
  value: string;
  provenance: Provenance;
  review_at: string | null;
  created_at: string;
}

export interface PurchaseTable {
  id: string;
  person_id: string;
  purchased_at: string;
  category: string;
  item: string;
  amount_minor: number;
  currency: string;
  channel: string;
  /** When the client bought for someone else. */
  recipient_person_id: string | null;
  created_at: string;
}

export interface InteractionTable {
  seq: Generated<number>;
  id: string;
  person_id: string;
  occurred_at: string;
  kind: 'visit' | 'call' | 'message' | 'appointment' | 'event' | 'gift' | 'after_sales';
  direction: 'inbound' | 'outbound';
  channel: string | null;
  note: string | null;
  /** A discreet note: remembered, never raised. */
  discreet: number;
  created_at: string;
}

export interface AppointmentTable {
  id: string;
  person_id: string;
  starts_at: string;
  ends_at: string | null;
  place: 'boutique' | 'private_salon' | 'hotel' | 'home';
  purpose: string | null;
  status: 'planned' | 'done' | 'cancelled';
  note: string | null;
  created_at: string;
}

export interface AfterSalesCaseTable {
  id: string;
  person_id: string;
  opened_at: string;
  kind: 'repair' | 'resize' | 'engraving' | 'cleaning';
  item: string;
  status: 'open' | 'in_progress' | 'ready' | 'closed';
  closed_at: string | null;
  note: string | null;
  created_at: string;
}

export interface MomentTable {
  id: string;
  person_id: string;
  kind: string;
  /** `MM-DD` (recurring) or `YYYY-MM-DD`. */
  date: string;
  recurring: number;
  label: string | null;
  note: string | null;
  provenance: Provenance;
  created_at: string;
}

export interface RelationTable {
  id: string;
  from_person_id: string;
  to_person_id: string;
  kind: 'family' | 'friend' | 'work' | 'assistant' | 'referral' | 'influence';
  /** e.g. "spouse", "daughter", "referred by". */
  label: string | null;
  since: string | null;
  until: string | null;
  created_at: string;
}

export interface GiftTable {
  id: string;
  /** The client on whose behalf, or to whom, the maison gave. */
  client_id: string;
  recipient_person_id: string;
  given_at: string;
  occasion: string;
  item: string;
  note: string | null;
  created_at: string;
}

export interface ConsentTable {
  id: string;
  person_id: string;
  purpose: string;
  channel: string | null;
  action: 'grant' | 'withdraw';
  source: 'in_person' | 'signed_form' | 'digital' | 'imported';
  evidence: string | null;
  notice_version: string;
  effective_at: string;
  recorded_at: string;
}

/**
 * Restriction history (schema v2): each time a client's processing was restricted or the
 * restriction lifted, and why (a GDPR art. 18 ground, never free text). Append-only; the
 * current state is `person.status`.
 */
export interface RestrictionTable {
  id: string;
  person_id: string;
  action: 'restrict' | 'lift';
  reason: string | null;
  recorded_at: string;
}

/**
 * What is left of an erased client (0003): their pseudonymous id, when, and why. No personal
 * data; append-only; no person may be written again under this id.
 */
export interface TombstoneTable {
  id: string;
  erased_at: string;
  /** 'erasure': at the client's request (GDPR art. 17); 'retention': at the end of the retention period. */
  reason: 'erasure' | 'retention';
}

export type PrivacyRight = 'access' | 'rectification' | 'erasure' | 'restriction' | 'objection' | 'portability';

/**
 * The register of subject-rights requests (0003). Ids, the right, dates and status; no link to
 * `person`, so it outlives an erasure. The note is cleared when the client is erased.
 */
export interface PrivacyRequestTable {
  id: string;
  client_id: string;
  right: PrivacyRight;
  received_at: string;
  /** One month after receipt (GDPR art. 12(3)). */
  due_at: string;
  status: 'open' | 'fulfilled' | 'refused';
  completed_at: string | null;
  note: string | null;
}

/**
 * The advisor's confirmations that data past its retention period is still needed (0003):
 * the data is not due again before `next_review_at`. Erased with its person.
 */
export interface RetentionReviewTable {
  id: string;
  person_id: string;
  category: string;
  reviewed_at: string;
  next_review_at: string;
}

export interface AuditLogTable {
  seq: Generated<number>;
  at: string;
  actor: string;
  action: string;
  /** JSON array of ids (clients, people) touched; never any personal data. */
  target_ids: string;
  outcome: 'ok' | 'error';
  prev_hash: string;
  hash: string;
}

export interface Database {
  advisor: AdvisorTable;
  setting: SettingTable;
  person: PersonTable;
  contact_point: ContactPointTable;
  preference: PreferenceTable;
  purchase: PurchaseTable;
  interaction: InteractionTable;
  appointment: AppointmentTable;
  after_sales_case: AfterSalesCaseTable;
  moment: MomentTable;
  relation: RelationTable;
  gift: GiftTable;
  consent: ConsentTable;
  restriction: RestrictionTable;
  tombstone: TombstoneTable;
  privacy_request: PrivacyRequestTable;
  retention_review: RetentionReviewTable;
  audit_log: AuditLogTable;
}
