/**
 * Shared pieces of the client book: the advisor's "today", the checks that are not the write
 * gate (removals, ownership), and the mappers from rows to the contract's views.
 */
import {
  CarnetError,
  latestDayOnEarth,
  type AfterSalesView,
  type AppointmentView,
  type ContactPoint,
  type InteractionView,
  type MomentView,
  type Preference,
  type PreferenceDomain,
  type PurchaseView,
} from '../../contract/index.js';
import type { Db } from '../../../db/store.js';
import type { Database } from '../../../db/schema.js';
import { findPerson, linkedClients } from '../privacy/people.js';
import { CATEGORIES } from '../privacy/policy.js';

// ——— time

/** The advisor's time zone (the profile's), Europe/Paris when none is recorded. */
export { advisorToday, advisorZone, dayIn } from '../day.js';

/** `YYYY-MM-DD` plus some days. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00.000Z`) - Date.parse(`${from}T00:00:00.000Z`)) / 86_400_000);
}

/** `YYYY-MM-DD` plus some months (the day clamped to the month's end). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** Refuses an instant later than now (with a minute of clock skew): INVALID_INPUT at `field`. */
export function notFuture(instant: string, now: Date, field: string): void {
  if (Date.parse(instant) > now.getTime() + 60_000) {
    throw new CarnetError('INVALID_INPUT', `The request is not valid at “${field}” (in the future).`);
  }
}

/**
 * Refuses a calendar day (`YYYY-MM-DD`) that has not yet come anywhere on Earth at `now`:
 * INVALID_INPUT at `field`. A day without a year (`MM-DD`) and an absent value pass. The
 * contract checks the same against the wall clock; this check follows the session's clock.
 */
export function notFutureDay(day: string | null | undefined, now: Date, field: string): void {
  if (day && day.length === 10 && day > latestDayOnEarth(now.getTime())) {
    throw new CarnetError('INVALID_INPUT', `The request is not valid at “${field}” (in the future).`);
  }
}

// ——— checks that are not the write gate

export interface ClientRow {
  id: string;
  status: 'active' | 'restricted';
  first_name: string;
  last_name: string;
}

/** A client who exists and is not erased; NOT_FOUND, or NOT_A_CLIENT for a person around one. */
export async function requireClientRow(db: Db, id: string): Promise<ClientRow> {
  const row = await db.selectFrom('person').select(['id', 'kind', 'status', 'first_name', 'last_name']).where('id', '=', id).executeTakeFirst();
  if (!row || row.status === 'erased') throw new CarnetError('NOT_FOUND', 'There is no such client.');
  if (row.kind !== 'client') throw new CarnetError('NOT_A_CLIENT', 'This person is not a client.');
  return { id: row.id, status: row.status, first_name: row.first_name, last_name: row.last_name };
}

/**
 * Before removing something kept about a person (a preference, a moment, a contact point):
 * removing needs no consent — it is minimisation — but a restricted client's record is kept
 * as it is. NOT_FOUND for an unknown or erased person; RESTRICTED for a restricted client, or
 * for someone around clients who are all restricted.
 */
export async function assertMayRemove(db: Db, personId: string): Promise<void> {
  const person = await findPerson(db, personId);
  if (!person) throw new CarnetError('NOT_FOUND', 'There is no such person.');
  if (person.kind === 'client') {
    if (person.status === 'restricted') throw new CarnetError('RESTRICTED', 'This client’s processing is restricted: their record is read-only.');
    return;
  }
  const linked = await linkedClients(db, personId);
  if (linked.length > 0 && linked.every((c) => c.status === 'restricted')) {
    throw new CarnetError('RESTRICTED', 'The client this person is linked to is restricted: their circle is read-only.');
  }
}

/** Whether a person is linked to a client by a relation, either way. */
export async function isLinked(db: Db, personId: string, clientId: string): Promise<boolean> {
  const row = await db
    .selectFrom('relation')
    .select('id')
    .where((eb) =>
      eb.or([
        eb.and([eb('from_person_id', '=', personId), eb('to_person_id', '=', clientId)]),
        eb.and([eb('from_person_id', '=', clientId), eb('to_person_id', '=', personId)]),
      ]),
    )
    .executeTakeFirst();
  return row !== undefined;
}

// ——— preferences: stored domain ↔ the contract's domains

/** The label that says which size a `size` row is. */
export const SIZE_LABELS: Readonly<Record<'rtw_size' | 'shoe_size' | 'ring_size', string>> = {
  rtw_size: 'ready-to-wear',
  shoe_size: 'shoe',
  ring_size: 'ring',
};

/** The usual label of a domain when the advisor gives none (as the demo maison writes them). */
export const DEFAULT_LABELS: Readonly<Record<Exclude<PreferenceDomain, 'rtw_size' | 'shoe_size' | 'ring_size'>, string>> = {
  size: 'size',
  material: 'material',
  colour: 'favourite',
  category: 'collects',
  designer: 'line',
  fragrance: 'family',
  dislike: 'dislikes',
  service: 'service style',
  language: 'correspondence',
};

const STORED_DOMAINS = new Set(['size', 'material', 'colour', 'category', 'designer', 'fragrance', 'dislike', 'service', 'language']);

/** How a preference of the contract is stored: its domain column and its label. */
export function storedPreference(domain: PreferenceDomain, label: string | null | undefined): { domain: string; label: string } {
  if (domain === 'rtw_size' || domain === 'shoe_size' || domain === 'ring_size') return { domain: 'size', label: SIZE_LABELS[domain] };
  return { domain, label: label && label !== '' ? label : DEFAULT_LABELS[domain] };
}

/** The contract's domain of a stored preference. */
export function domainOf(domain: string, label: string): PreferenceDomain | 'other' {
  if (domain === 'size') {
    const l = label.trim().toLowerCase();
    if (l === 'ready-to-wear' || l === 'ready to wear' || l === 'rtw') return 'rtw_size';
    if (l === 'shoe' || l === 'shoes') return 'shoe_size';
    if (l === 'ring' || l === 'signet ring') return 'ring_size';
    return 'size';
  }
  return STORED_DOMAINS.has(domain) ? (domain as PreferenceDomain) : 'other';
}

/** The order preferences are read in: sizes first, then tastes, then manners. */
export const DOMAIN_ORDER: readonly (PreferenceDomain | 'other')[] = [
  'rtw_size',
  'shoe_size',
  'ring_size',
  'size',
  'colour',
  'material',
  'category',
  'designer',
  'fragrance',
  'dislike',
  'service',
  'language',
  'other',
];

const REVIEW_MONTHS = CATEGORIES.preferences.retention.months;

type PreferenceRow = Pick<Database['preference'], 'id' | 'person_id' | 'domain' | 'label' | 'value' | 'provenance' | 'review_at' | 'created_at'>;

export const preferenceColumns = ['id', 'person_id', 'domain', 'label', 'value', 'provenance', 'review_at', 'created_at'] as const;

function dayOf(value: string | null): string | null {
  if (value === null) return null;
  const day = value.slice(0, 10);
  return /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : null;
}

export function toPreference(row: PreferenceRow, today: string): Preference {
  const reviewAt = dayOf(row.review_at);
  const reviewDueAt = reviewAt === null ? null : addMonths(reviewAt, REVIEW_MONTHS);
  return {
    id: row.id,
    personId: row.person_id,
    domain: domainOf(row.domain, row.label),
    label: row.label,
    value: row.value,
    provenance: row.provenance,
    reviewAt,
    reviewDueAt,
    reviewDue: reviewDueAt === null || reviewDueAt <= today,
    createdAt: row.created_at,
  };
}

export function byDomain(a: Preference, b: Preference): number {
  return DOMAIN_ORDER.indexOf(a.domain) - DOMAIN_ORDER.indexOf(b.domain) || a.label.localeCompare(b.label) || a.id.localeCompare(b.id);
}

export const SIZE_DOMAINS: ReadonlySet<string> = new Set(['rtw_size', 'shoe_size', 'ring_size', 'size']);

// ——— other views

export const contactColumns = ['id', 'person_id', 'channel', 'value', 'is_preferred', 'provenance', 'review_at'] as const;

export function toContact(row: Pick<Database['contact_point'], 'id' | 'channel' | 'value' | 'is_preferred' | 'provenance' | 'review_at'>): ContactPoint {
  return { id: row.id, channel: row.channel, value: row.value, preferred: row.is_preferred === 1, provenance: row.provenance, reviewAt: dayOf(row.review_at) };
}

export async function contactsOf(db: Db, personId: string): Promise<ContactPoint[]> {
  const rows = await db.selectFrom('contact_point').select(contactColumns).where('person_id', '=', personId).orderBy('is_preferred', 'desc').orderBy('channel').orderBy('id').execute();
  return rows.map(toContact);
}

export const interactionColumns = ['id', 'person_id', 'occurred_at', 'kind', 'direction', 'channel', 'note', 'discreet'] as const;

export function toInteraction(row: Pick<Database['interaction'], (typeof interactionColumns)[number]>): InteractionView {
  return {
    id: row.id,
    clientId: row.person_id,
    occurredAt: row.occurred_at,
    kind: row.kind,
    direction: row.direction,
    channel: row.channel,
    note: row.note,
    discreet: row.discreet === 1,
  };
}

export const appointmentColumns = ['id', 'person_id', 'starts_at', 'ends_at', 'place', 'purpose', 'status', 'note'] as const;

export function toAppointment(row: Pick<Database['appointment'], (typeof appointmentColumns)[number]>): AppointmentView {
  return {
    id: row.id,
    clientId: row.person_id,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    place: row.place,
    purpose: row.purpose,
    status: row.status,
    note: row.note,
  };
}

export const afterSalesColumns = ['id', 'person_id', 'opened_at', 'kind', 'item', 'status', 'closed_at', 'note'] as const;

export function toAfterSales(row: Pick<Database['after_sales_case'], (typeof afterSalesColumns)[number]>): AfterSalesView {
  return {
    id: row.id,
    clientId: row.person_id,
    openedAt: row.opened_at,
    kind: row.kind,
    item: row.item,
    status: row.status,
    closedAt: row.closed_at,
    note: row.note,
  };
}

export const momentColumns = ['id', 'person_id', 'kind', 'date', 'recurring', 'label', 'note', 'provenance'] as const;

export function toMoment(row: Pick<Database['moment'], (typeof momentColumns)[number]>): MomentView {
  return {
    id: row.id,
    personId: row.person_id,
    kind: row.kind as MomentView['kind'],
    date: row.date,
    recurring: row.recurring === 1,
    label: row.label,
    note: row.note,
    provenance: row.provenance,
  };
}

export const purchaseColumns = ['id', 'person_id', 'purchased_at', 'category', 'item', 'amount_minor', 'currency', 'channel', 'recipient_person_id'] as const;

export interface PeopleIndex {
  /** Names and relation labels of people around the client, when relations may be shown. */
  get(id: string): { firstName: string; lastName: string; relationLabel: string | null } | undefined;
}

export function toPurchase(
  row: Pick<Database['purchase'], (typeof purchaseColumns)[number]>,
  people: PeopleIndex | null,
): PurchaseView {
  let recipient: PurchaseView['recipient'] = null;
  if (row.recipient_person_id !== null && row.recipient_person_id !== row.person_id && people) {
    const who = people.get(row.recipient_person_id);
    recipient = who
      ? { id: row.recipient_person_id, self: false, firstName: who.firstName, lastName: who.lastName, relationLabel: who.relationLabel }
      : { id: row.recipient_person_id, self: false, firstName: null, lastName: null, relationLabel: null };
  }
  return {
    id: row.id,
    clientId: row.person_id,
    purchasedAt: row.purchased_at,
    category: row.category as PurchaseView['category'],
    item: row.item,
    amountMinor: row.amount_minor,
    currency: row.currency,
    channel: row.channel,
    recipient,
  };
}
