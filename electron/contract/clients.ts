/** Clients: the client book. */
import { z } from 'zod';
import { channels, dateSchema, idSchema, instantSchema } from './common.js';
import { consentSummarySchema, dataCategorySchema } from './privacy.js';

export const clientListItemSchema = z.object({
  id: idSchema,
  honorific: z.string().nullable(),
  firstName: z.string(),
  lastName: z.string(),
  tier: z.string().nullable(),
  city: z.string().nullable(),
  clientSince: dateSchema.nullable(),
  lastContactAt: instantSchema.nullable(),
  status: z.enum(['active', 'restricted']),
});
export type ClientListItem = z.infer<typeof clientListItemSchema>;

/** How many preferences and moments a client's view carries at most; `categoryCounts` tells how many exist. */
export const CLIENT_PREFERENCES_MAX = 12;
export const CLIENT_MOMENTS_MAX = 12;

export const provenanceSchema = z.enum(['declared', 'observed', 'imported']);

/** A size or a taste, as the advisor keeps it: a domain (size, colour…), what it is about, and the value. */
export const clientPreferenceSchema = z.object({
  id: idSchema,
  /** size, colour, material, category, designer, fragrance, dislike, service, language… */
  domain: z.string(),
  label: z.string(),
  value: z.string(),
  provenance: provenanceSchema,
  /** When it is to be confirmed with the client again (retention by review). */
  reviewAt: dateSchema.nullable(),
});
export type ClientPreference = z.infer<typeof clientPreferenceSchema>;

/** A moment of the client's own life: a birthday, an anniversary, a journey… */
export const clientMomentSchema = z.object({
  id: idSchema,
  kind: z.string(),
  /** `MM-DD` or `YYYY-MM-DD`. */
  date: z.string().regex(/^(\d{4}-)?\d{2}-\d{2}$/),
  recurring: z.boolean(),
  label: z.string().nullable(),
  /** The advisor's note on it ("she would love the Kyoto trunk show"); null when none. */
  note: z.string().nullable(),
  /** The next time it comes round, in the advisor's time zone; null for a one-off moment in the past. */
  next: dateSchema.nullable(),
});
export type ClientMoment = z.infer<typeof clientMomentSchema>;

export const clientSummarySchema = clientListItemSchema.extend({
  country: z.string().nullable(),
  language: z.string().nullable(),
  preferredChannel: z.string().nullable(),
  counts: z.object({
    purchases: z.number().int(),
    interactions: z.number().int(),
    openAfterSales: z.number().int(),
    /**
     * The people this view may show: 0 when relationship mapping is not granted. Prefer
     * `categoryCounts.relations`, which says "hidden" (null) rather than 0.
     */
    people: z.number().int(),
  }),
  lastPurchaseAt: instantSchema.nullable(),
  /** Every purpose (and outreach channel) with its current consent state. */
  consents: z.array(consentSummarySchema),
  /** Personalisation consent granted: preferences, moments and gifts may be shown. */
  personalisation: z.boolean(),
  /** Relationship-mapping consent granted: the people around the client may be shown. */
  relationshipMapping: z.boolean(),
  /** The data categories this view may show now, from the current consents. */
  visibleCategories: z.array(dataCategorySchema),
  /** How much is held per category; null when the category is hidden (the count would leak). */
  categoryCounts: z.object({
    contact: z.number().int().nullable(),
    preferences: z.number().int().nullable(),
    moments: z.number().int().nullable(),
    relations: z.number().int().nullable(),
    purchases: z.number().int().nullable(),
    notes: z.number().int().nullable(),
    gifts: z.number().int().nullable(),
    appointments: z.number().int().nullable(),
    after_sales: z.number().int().nullable(),
  }),
  /**
   * The client's sizes and tastes, grouped by domain (at most CLIENT_PREFERENCES_MAX); null when
   * the current consents hide preferences — never an empty list standing in for hidden data.
   */
  preferences: z.array(clientPreferenceSchema).nullable(),
  /**
   * The client's own life moments, the next to come first, then past one-off moments, latest
   * first (at most CLIENT_MOMENTS_MAX); null when the current consents hide moments.
   */
  moments: z.array(clientMomentSchema).nullable(),
});
export type ClientSummary = z.infer<typeof clientSummarySchema>;

export const clientsContract = channels({
  'clients.list': {
    input: z
      .object({
        query: z.string().max(200).optional(),
        sort: z.enum(['name', 'lastContact']).default('name'),
        limit: z.number().int().min(1).max(200).default(50),
        offset: z.number().int().min(0).max(1_000_000).default(0),
      })
      .strict(),
    output: z.object({ total: z.number().int(), items: z.array(clientListItemSchema) }),
  },
  'clients.get': {
    input: z.object({ id: idSchema }).strict(),
    output: clientSummarySchema,
  },
});

// ═════════════════════════════════════════════════════════════════════════════════════════════
// The client book (issue 4): writing clients, the people around them, contact points,
// preferences, purchases, interactions (scanned), appointments, after-sales, moments, the gift
// ledger; search; the Client 360 and the appointment brief. Merged into the contract by index.ts
// as `clientBookContract`. Services: electron/services/clientbook/{write,people,contacts,
// preferences,records,gifts,search,client360,brief}.ts.
//
// Free text. Every text is sent as typed and cleaned in the core before it is stored: trimmed;
// control characters dropped (tab and line breaks kept in notes, turned into a space elsewhere;
// CR LF becomes LF); bidirectional embeddings, overrides and isolates (U+202A–U+202E,
// U+2066–U+2069), the BOM and the search-snippet markers (U+E000, U+E001) dropped; runs of spaces
// in one-line fields collapsed; NFC. Stripped, not refused: a pasted name keeps working. A text
// that is empty once cleaned is refused where it is required (INVALID_INPUT). Limits below are
// in UTF-16 code units of the text as sent. HTML and `<script>` are kept verbatim as text: the
// core never produces HTML, the renderer escapes.
//
// Scanned texts (notes, an appointment's purpose, a moment's label, a preference's label and
// value, the sizes and tastes given to `people.add`, a gift's note) go through the privacy
// scanner first: a finding not accepted answers
// NOTE_FINDINGS with `findings` (field, kind, category, offsets into the text as sent, severity
// — never the text). A `sensitive` finding may be accepted with a reason (`acceptFindings`,
// same field, kind and offsets); a `special` one (health, beliefs…) never.
// ═════════════════════════════════════════════════════════════════════════════════════════════

import { noteFindingSchema } from './errors.js';
import { consentSourceSchema, outreachChannelSchema, purposeSchema } from './privacy.js';

/** Longest accepted texts, in UTF-16 code units. */
export const TEXT_MAX = {
  name: 80,
  honorific: 20,
  tier: 40,
  city: 80,
  label: 60,
  value: 200,
  item: 200,
  occasion: 80,
  purpose: 200,
  reason: 200,
  contact: 254,
  address: 300,
  /** Notes: 10,000 characters. A larger input is INVALID_INPUT; one over 64 KiB, PAYLOAD_TOO_LARGE. */
  note: 10_000,
  query: 200,
} as const;

/** Private-use characters that frame a match in a search snippet; the renderer turns them into <mark>. */
export const SNIPPET_OPEN = '\uE000';
export const SNIPPET_CLOSE = '\uE001';
/** Put between snippet fragments that are not contiguous. */
export const SNIPPET_ELLIPSIS = '…';

function text(max: number) {
  return z.string().max(max);
}

const DATE_PARTS = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_DAY_PARTS = /^(\d{2})-(\d{2})$/;

function daysIn(month: number, year: number | null): number {
  if (month === 2) return year === null || (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** A real calendar day, `YYYY-MM-DD`, years 1000–9999: 30 February is not. */
export function isCalendarDate(value: string): boolean {
  const m = DATE_PARTS.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return y >= 1000 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysIn(mo, y);
}

/** A real day of the year, `MM-DD` (29 February included). */
export function isMonthDay(value: string): boolean {
  const m = MONTH_DAY_PARTS.exec(value);
  if (!m) return false;
  const [mo, d] = [Number(m[1]), Number(m[2])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysIn(mo, null);
}

/** The latest calendar day it may be anywhere on Earth now (UTC+14): "not in the future" allows it. */
export function latestDayOnEarth(now: number = Date.now()): string {
  return new Date(now + 14 * 3_600_000).toISOString().slice(0, 10);
}

/** An ISO instant that is a real time (`2026-02-30T…` is not). */
export function isRealInstant(value: string): boolean {
  const ms = Date.parse(value);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 19) === value.slice(0, 19);
}

export const calendarDateSchema = dateSchema.refine(isCalendarDate, 'not a calendar date');
export const monthDaySchema = z.string().regex(/^\d{2}-\d{2}$/).refine(isMonthDay, 'not a day of the year');
/** `MM-DD` or `YYYY-MM-DD`: a real day, never in the future. */
export const birthdaySchema = z
  .string()
  .regex(/^(\d{4}-)?\d{2}-\d{2}$/)
  .refine((v) => (v.length === 5 ? isMonthDay(v) : isCalendarDate(v)), 'not a calendar date')
  .refine((v) => v.length === 5 || v <= latestDayOnEarth(), 'in the future');
/** A moment's date: `MM-DD` (recurring) or `YYYY-MM-DD`, a real day. */
export const momentDateSchema = z
  .string()
  .regex(/^(\d{4}-)?\d{2}-\d{2}$/)
  .refine((v) => (v.length === 5 ? isMonthDay(v) : isCalendarDate(v)), 'not a calendar date');
export const realInstantSchema = instantSchema.refine(isRealInstant, 'not a real time');
/** A day that has come (never in the future): a last confirmation, a date of purchase. */
export const pastDateSchema = calendarDateSchema.refine((v) => v <= latestDayOnEarth(), 'in the future');

/**
 * The currencies Carnet accepts, with their ISO 4217 minor-unit digits (EUR 2: 1 250,00 € is
 * 125000; JPY 0; KWD 3). Amounts are integers in minor units.
 */
export const CURRENCY_MINOR_DIGITS = {
  AED: 2,
  AUD: 2,
  BHD: 3,
  BRL: 2,
  CAD: 2,
  CHF: 2,
  CNY: 2,
  CZK: 2,
  DKK: 2,
  EUR: 2,
  GBP: 2,
  HKD: 2,
  HUF: 2,
  IDR: 2,
  ILS: 2,
  INR: 2,
  JPY: 0,
  KRW: 0,
  KWD: 3,
  MOP: 2,
  MXN: 2,
  MYR: 2,
  NOK: 2,
  NZD: 2,
  OMR: 3,
  PLN: 2,
  QAR: 2,
  SAR: 2,
  SEK: 2,
  SGD: 2,
  THB: 2,
  TRY: 2,
  TWD: 2,
  USD: 2,
  ZAR: 2,
} as const;
export type Currency = keyof typeof CURRENCY_MINOR_DIGITS;
export const currencyIds = Object.keys(CURRENCY_MINOR_DIGITS) as [Currency, ...Currency[]];
export const currencySchema = z.enum(currencyIds);
/** Below 10^12 minor units (ten billion euros): larger is a typing error. */
export const MAX_AMOUNT_MINOR = 999_999_999_999;
export const amountMinorSchema = z.number().int().min(0).max(MAX_AMOUNT_MINOR);

/** How a fact came to be known, when the advisor records it (`imported` is for imports only). */
export const provenanceInputSchema = z.enum(['declared', 'observed']);

/** `contact_point.channel`: the same channels outreach consent is given for. */
export const contactChannelSchema = outreachChannelSchema;

/**
 * Preference domains. Sizes are kept under one stored domain, `size`, whose label says which:
 * `rtw_size` is the size labelled "ready-to-wear", `shoe_size` "shoe", `ring_size` "ring";
 * `size` is any other size, with the advisor's label ("wrist"). `other` appears only on reading,
 * for a domain an import brought that Carnet does not know.
 */
export const preferenceDomainIds = [
  'rtw_size',
  'shoe_size',
  'ring_size',
  'size',
  'material',
  'colour',
  'category',
  'designer',
  'fragrance',
  'dislike',
  'service',
  'language',
] as const;
export const preferenceDomainSchema = z.enum(preferenceDomainIds);
export type PreferenceDomain = z.infer<typeof preferenceDomainSchema>;
export const preferenceDomainOutSchema = z.enum([...preferenceDomainIds, 'other']).catch('other');
/** The domains of the people around a client: their sizes and these tastes, nothing else. */
export const tasteDomainIds = ['material', 'colour', 'category', 'designer', 'fragrance', 'dislike'] as const;
export const tasteDomainSchema = z.enum(tasteDomainIds);

export const relationKindIds = ['family', 'friend', 'work', 'assistant', 'referral', 'influence'] as const;
export const relationKindSchema = z.enum(relationKindIds);
/** How a person who is not a client may relate to one (referral and influence link clients). */
export const circleRelationKindSchema = z.enum(['family', 'friend', 'work', 'assistant']);

export const interactionKindIds = ['visit', 'call', 'message', 'appointment', 'event', 'gift', 'after_sales'] as const;
export const interactionKindSchema = z.enum(interactionKindIds);
export const interactionDirectionSchema = z.enum(['inbound', 'outbound']);
/** Where or how an interaction happened. */
export const interactionChannelIds = [
  'boutique',
  'private_salon',
  'hotel',
  'home',
  'event',
  'phone',
  'video',
  'email',
  'sms',
  'whatsapp',
  'wechat',
  'post',
  'courier',
] as const;
export const interactionChannelSchema = z.enum(interactionChannelIds);

export const appointmentPlaceSchema = z.enum(['boutique', 'private_salon', 'hotel', 'home']);
export const appointmentStatusSchema = z.enum(['planned', 'done', 'cancelled']);
export const afterSalesKindSchema = z.enum(['repair', 'resize', 'engraving', 'cleaning']);
export const afterSalesStatusSchema = z.enum(['open', 'in_progress', 'ready', 'closed']);

/** Life moments, as the demo maison and the moments engine name them. */
export const momentKindIds = [
  'birthday',
  'wedding_anniversary',
  'wedding',
  'child_milestone',
  'new_home',
  'new_role',
  'travel',
  'bereavement',
  'purchase_anniversary',
  'custom',
] as const;
export const momentKindSchema = z.enum(momentKindIds);
export const momentKindOutSchema = z.enum(momentKindIds).catch('custom');

export const purchaseCategoryIds = ['leather_goods', 'ready_to_wear', 'jewellery', 'watches', 'fragrance', 'home', 'accessories', 'other'] as const;
export const purchaseCategorySchema = z.enum(purchaseCategoryIds);
export const purchaseChannelIds = ['boutique', 'private_salon', 'trunk_show', 'remote'] as const;
export const purchaseChannelSchema = z.enum(purchaseChannelIds);

// ——— scanner findings (the error payload of NOTE_FINDINGS lives in errors.ts)

/** A finding the advisor keeps anyway: only `sensitive` kinds, with a reason (not stored). */
export const acceptedFindingSchema = z
  .object({
    /** Which text: `note` unless named (see each channel's scanned fields). */
    field: z.string().max(40).optional(),
    kind: z.enum(['payment_card', 'iban', 'national_id', 'passport', 'email', 'phone']),
    start: z.number().int().min(0).max(1_000_000),
    end: z.number().int().min(0).max(1_000_000),
    reason: text(TEXT_MAX.reason).min(1),
  })
  .strict();
const acceptFindings = z.array(acceptedFindingSchema).max(50).optional();

// ——— views

const nameSchema = z.object({ id: idSchema, firstName: z.string(), lastName: z.string() });

export const contactPointSchema = z.object({
  id: idSchema,
  channel: contactChannelSchema,
  value: z.string(),
  preferred: z.boolean(),
  provenance: provenanceSchema.catch('imported'),
  reviewAt: dateSchema.nullable(),
});
export type ContactPoint = z.infer<typeof contactPointSchema>;

export const preferenceSchema = z.object({
  id: idSchema,
  personId: idSchema,
  domain: preferenceDomainOutSchema,
  label: z.string(),
  value: z.string(),
  provenance: provenanceSchema.catch('imported'),
  /** The day it was last confirmed with the client (retention counts from it); null if never. */
  reviewAt: dateSchema.nullable(),
  /** When it is to be confirmed again (reviewAt + the policy's review period); null if never confirmed. */
  reviewDueAt: dateSchema.nullable(),
  /** No confirmation on record, or its review date has come. */
  reviewDue: z.boolean(),
  createdAt: instantSchema,
});
export type Preference = z.infer<typeof preferenceSchema>;

/** How a person relates to the client: `label` reads "person is <label> of client" when `personIsFrom`. */
export const relationViewSchema = z.object({
  id: idSchema,
  kind: relationKindSchema.catch('friend'),
  label: z.string().nullable(),
  since: z.string().nullable(),
  until: z.string().nullable(),
  /** true: "<person> is <label> of <client>" (a daughter); false: "<client> is <label> of <person>" (referred by). */
  personIsFrom: z.boolean(),
});

/** Someone around a client: a person who is not a client (minimum data) or another client (name only). */
export const circleMemberSchema = z.object({
  personId: idSchema,
  isClient: z.boolean(),
  firstName: z.string(),
  lastName: z.string(),
  relation: relationViewSchema,
  /** `MM-DD` or `YYYY-MM-DD`; null when unknown or not shown. Never shown for another client. */
  birthday: z.string().nullable(),
  sizes: z.array(preferenceSchema),
  tastes: z.array(preferenceSchema),
});
export type CircleMember = z.infer<typeof circleMemberSchema>;

export const personViewSchema = z.object({
  id: idSchema,
  clientId: idSchema,
  firstName: z.string(),
  lastName: z.string(),
  relation: relationViewSchema,
  birthday: z.string().nullable(),
  sizes: z.array(preferenceSchema),
  tastes: z.array(preferenceSchema),
});
export type PersonView = z.infer<typeof personViewSchema>;

const recipientSchema = z.object({
  id: idSchema,
  /** The client themself. */
  self: z.boolean(),
  /** Null when the view may not show who it is (relationship mapping not granted). */
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  relationLabel: z.string().nullable(),
});

export const purchaseViewSchema = z.object({
  id: idSchema,
  clientId: idSchema,
  purchasedAt: instantSchema,
  category: purchaseCategorySchema.catch('other'),
  item: z.string(),
  amountMinor: z.number().int(),
  currency: z.string(),
  channel: z.string(),
  /** For whom it was bought; null when for the client, or when the view may not show it. */
  recipient: recipientSchema.nullable(),
});
export type PurchaseView = z.infer<typeof purchaseViewSchema>;

export const interactionViewSchema = z.object({
  id: idSchema,
  clientId: idSchema,
  occurredAt: instantSchema,
  kind: interactionKindSchema,
  direction: interactionDirectionSchema,
  channel: z.string().nullable(),
  note: z.string().nullable(),
  /** Remembered, never raised. */
  discreet: z.boolean(),
});
export type InteractionView = z.infer<typeof interactionViewSchema>;

export const appointmentViewSchema = z.object({
  id: idSchema,
  clientId: idSchema,
  startsAt: instantSchema,
  endsAt: instantSchema.nullable(),
  place: appointmentPlaceSchema,
  purpose: z.string().nullable(),
  status: appointmentStatusSchema,
  note: z.string().nullable(),
});
export type AppointmentView = z.infer<typeof appointmentViewSchema>;

export const afterSalesViewSchema = z.object({
  id: idSchema,
  clientId: idSchema,
  openedAt: instantSchema,
  kind: afterSalesKindSchema,
  item: z.string(),
  status: afterSalesStatusSchema,
  closedAt: instantSchema.nullable(),
  note: z.string().nullable(),
});
export type AfterSalesView = z.infer<typeof afterSalesViewSchema>;

export const momentViewSchema = z.object({
  id: idSchema,
  personId: idSchema,
  kind: momentKindOutSchema,
  date: z.string(),
  recurring: z.boolean(),
  label: z.string().nullable(),
  note: z.string().nullable(),
  provenance: provenanceSchema.catch('imported'),
});
export type MomentView = z.infer<typeof momentViewSchema>;

export const giftViewSchema = z.object({
  id: idSchema,
  clientId: idSchema,
  recipient: recipientSchema,
  givenAt: instantSchema,
  occasion: z.string(),
  item: z.string(),
  note: z.string().nullable(),
});
export type GiftView = z.infer<typeof giftViewSchema>;

/** A moment coming round, for the client or someone around them, in the advisor's time zone. */
export const upcomingMomentSchema = z.object({
  /** Null for a birthday known only from the client's birth date. */
  momentId: idSchema.nullable(),
  personId: idSchema,
  /** Null when it is the client's own moment. */
  person: z.object({ firstName: z.string(), lastName: z.string(), relationLabel: z.string().nullable() }).nullable(),
  kind: momentKindOutSchema,
  /** The day it comes round, `YYYY-MM-DD`. */
  on: dateSchema,
  /** 0 = today. */
  inDays: z.number().int().min(0),
  /** Years since the original date (an age, an anniversary) when its year is known. */
  years: z.number().int().nullable(),
  label: z.string().nullable(),
  note: z.string().nullable(),
});
export type UpcomingMoment = z.infer<typeof upcomingMomentSchema>;

export const timelineTypeIds = ['purchase', 'interaction', 'moment', 'after_sales', 'appointment', 'gift'] as const;
export const timelineTypeSchema = z.enum(timelineTypeIds);
export type TimelineType = z.infer<typeof timelineTypeSchema>;

/** Where a timeline page ends: pass it back as `before` for the next (older) page. */
export const timelineCursorSchema = z.object({ at: instantSchema, id: idSchema }).strict();

export const timelineItemSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('purchase'), at: instantSchema, id: idSchema, purchase: purchaseViewSchema }),
  z.object({ type: z.literal('interaction'), at: instantSchema, id: idSchema, interaction: interactionViewSchema }),
  z.object({ type: z.literal('moment'), at: instantSchema, id: idSchema, moment: momentViewSchema }),
  z.object({ type: z.literal('after_sales'), at: instantSchema, id: idSchema, afterSales: afterSalesViewSchema }),
  z.object({ type: z.literal('appointment'), at: instantSchema, id: idSchema, appointment: appointmentViewSchema }),
  z.object({ type: z.literal('gift'), at: instantSchema, id: idSchema, gift: giftViewSchema }),
]);
export type TimelineItem = z.infer<typeof timelineItemSchema>;

export const timelinePageSchema = z.object({
  items: z.array(timelineItemSchema),
  /** Pass as `before` for older items; null at the start of the relationship. */
  next: timelineCursorSchema.nullable(),
  /** Types the current consents hide (they are left out, not empty). */
  hidden: z.array(timelineTypeSchema),
});
export type TimelinePage = z.infer<typeof timelinePageSchema>;

export const timelineQuerySchema = z
  .object({
    /** Only these types; all the view may show when omitted. */
    kinds: z.array(timelineTypeSchema).min(1).max(timelineTypeIds.length).optional(),
    /** Strictly older than this item (from `next`). */
    before: timelineCursorSchema.optional(),
    limit: z.number().int().min(1).max(100).default(30),
  })
  .strict();

export const duplicateSchema = z.object({
  id: idSchema,
  reason: z.enum(['same_name_and_email', 'same_name', 'same_email', 'same_phone']),
});

/** The Client 360: every part projected through the current consents; null = hidden, never "empty". */
export const client360Schema = z.object({
  client: clientSummarySchema,
  details: z.object({
    timeZone: z.string().nullable(),
    /** Null when moments are hidden or unknown. */
    birthDate: z.string().nullable(),
    provenance: provenanceSchema.catch('imported'),
    reviewAt: dateSchema.nullable(),
    archivedAt: instantSchema.nullable(),
  }),
  relationship: z.object({
    clientSince: dateSchema.nullable(),
    lastContactAt: instantSchema.nullable(),
    advisor: z.object({ id: z.string(), displayName: z.string() }).nullable(),
    /** Lifetime purchases per currency (no conversion); null when purchases are hidden. */
    spend: z.array(z.object({ currency: z.string(), amountMinor: z.number().int(), purchases: z.number().int() })).nullable(),
  }),
  contacts: z.array(contactPointSchema).nullable(),
  /** By domain, in a fixed order (sizes first). */
  preferences: z.array(z.object({ domain: preferenceDomainOutSchema, items: z.array(preferenceSchema) })).nullable(),
  /** Family and circle; null when relationship mapping is not granted. */
  circle: z.array(circleMemberSchema).nullable(),
  timeline: timelinePageSchema,
  openAfterSales: z.array(afterSalesViewSchema).nullable(),
  upcomingAppointments: z.array(appointmentViewSchema).nullable(),
  /** The next 60 days, in the advisor's time zone. */
  upcomingMoments: z.array(upcomingMomentSchema).nullable(),
  /** Newest first. */
  gifts: z.array(giftViewSchema).nullable(),
  /** "Today" for this view, `YYYY-MM-DD` in the advisor's time zone. */
  today: dateSchema,
});
export type Client360 = z.infer<typeof client360Schema>;

export const briefNoteSchema = z.object({
  interactionId: idSchema,
  occurredAt: instantSchema,
  kind: interactionKindSchema,
  channel: z.string().nullable(),
  note: z.string(),
});

/** The one-screen appointment brief. Printable; every part projected (null = hidden). */
export const briefSchema = z.object({
  client: z.object({
    id: idSchema,
    honorific: z.string().nullable(),
    firstName: z.string(),
    lastName: z.string(),
    tier: z.string().nullable(),
    status: z.enum(['active', 'restricted']),
    language: z.string().nullable(),
    city: z.string().nullable(),
    clientSince: dateSchema.nullable(),
    lastContactAt: instantSchema.nullable(),
  }),
  today: dateSchema,
  generatedAt: instantSchema,
  /** The next planned appointment, if any. */
  nextAppointment: appointmentViewSchema.nullable(),
  remember: z.object({
    /** Recent notes that are not discreet, newest first (at most 5). */
    notes: z.array(briefNoteSchema),
    /** Service style, dislikes, tastes, languages; null when preferences are hidden. */
    preferences: z.array(preferenceSchema).nullable(),
  }),
  /** Remembered, never raised. */
  doNotRaise: z.object({
    /** Discreet notes, newest first (at most 10). */
    notes: z.array(briefNoteSchema),
    /** Relations that ended (a separation, a death); null when relations are hidden. */
    endedRelations: z.array(z.object({ personId: idSchema, firstName: z.string(), lastName: z.string(), label: z.string().nullable(), until: z.string().nullable() })).nullable(),
    /** Bereavements in the last twelve months; null when moments are hidden. */
    quietMoments: z.array(momentViewSchema).nullable(),
  }),
  sizes: z
    .object({
      /** Null when preferences are hidden. */
      own: z.array(preferenceSchema).nullable(),
      /** Null when relations are hidden. */
      circle: z.array(z.object({ personId: idSchema, firstName: z.string(), lastName: z.string(), relationLabel: z.string().nullable(), sizes: z.array(preferenceSchema) })).nullable(),
    }),
  /** The last three conversations that are not discreet, newest first. */
  lastConversations: z.array(interactionViewSchema),
  openAfterSales: z.array(afterSalesViewSchema),
  /** Within 30 days, in the advisor's time zone: the client's own (if moments may be shown) and their circle's (if relations may). Null when neither. */
  momentsSoon: z.array(upcomingMomentSchema).nullable(),
  /** Gifts already given, newest first (at most 20). */
  giftsGiven: z.array(giftViewSchema).nullable(),
});
export type Brief = z.infer<typeof briefSchema>;

export const searchHitSchema = z.object({
  /** client: a client's name; person: someone around a client; note: an interaction's note; preference. */
  type: z.enum(['client', 'person', 'note', 'preference']),
  /** The row found: the client, the person, the interaction or the preference. */
  id: idSchema,
  /** The client to open. */
  clientId: idSchema,
  clientFirstName: z.string(),
  clientLastName: z.string(),
  /** The matching text with each match framed by SNIPPET_OPEN … SNIPPET_CLOSE; never HTML. */
  snippet: z.string(),
  /** When the note was written; null for other types. */
  at: instantSchema.nullable(),
  /** For a preference. */
  domain: preferenceDomainOutSchema.nullable(),
  discreet: z.boolean(),
  restricted: z.boolean(),
  archived: z.boolean(),
});
export type SearchHit = z.infer<typeof searchHitSchema>;

export const scanFindingSchema = noteFindingSchema;
export type ScanFinding = z.infer<typeof scanFindingSchema>;

const removed = z.object({ id: idSchema, removed: z.literal(true) });
const clientWrite = z.object({ client: clientSummarySchema, duplicates: z.array(duplicateSchema) });
const contactInput = z.object({ channel: contactChannelSchema, value: text(TEXT_MAX.address).min(1), preferred: z.boolean().default(false) }).strict();
const consentAtCreation = z
  .object({
    purpose: purposeSchema,
    channel: outreachChannelSchema.optional(),
    source: consentSourceSchema.exclude(['imported']),
    evidence: text(500).optional(),
    noticeVersion: z.string().regex(/^[\w.-]{1,40}$/),
  })
  .strict();
const labelValue = z.object({ label: text(TEXT_MAX.label).min(1), value: text(TEXT_MAX.value).min(1) }).strict();
const taste = z.object({ domain: tasteDomainSchema, label: text(TEXT_MAX.label).optional(), value: text(TEXT_MAX.value).min(1) }).strict();
const nullableText = (max: number) => text(max).nullable().optional();

const clientFields = {
  honorific: nullableText(TEXT_MAX.honorific),
  language: z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/).nullable().optional(),
  city: nullableText(TEXT_MAX.city),
  country: z.string().regex(/^[A-Z]{2}$/).nullable().optional(),
  timeZone: z.string().max(64).nullable().optional(),
  tier: nullableText(TEXT_MAX.tier),
  birthDate: birthdaySchema.nullable().optional(),
  clientSince: pastDateSchema.optional(),
};

export const clientBookContract = channels({
  /** The archived clients, listed like `clients.list` (which leaves them out). */
  'clients.listArchived': {
    input: z
      .object({
        query: z.string().max(TEXT_MAX.query).optional(),
        sort: z.enum(['name', 'lastContact']).default('name'),
        limit: z.number().int().min(1).max(200).default(50),
        offset: z.number().int().min(0).max(1_000_000).default(0),
      })
      .strict(),
    output: z.object({ total: z.number().int(), items: z.array(clientListItemSchema) }),
  },
  /**
   * A new client. Duplicates (same name and e-mail, same name, same e-mail, same phone) are
   * flagged, never merged. `consents` are recorded first, in the same transaction, so a birth
   * date (personalisation) can be given at once. Contact points: at most one preferred.
   */
  'clients.create': {
    input: z
      .object({
        firstName: text(TEXT_MAX.name).min(1),
        lastName: text(TEXT_MAX.name).min(1),
        ...clientFields,
        contact: z.array(contactInput).max(12).optional(),
        provenance: provenanceInputSchema,
        consents: z.array(consentAtCreation).max(12).optional(),
      })
      .strict(),
    output: clientWrite,
  },
  /** Changes the fields given; `null` clears an optional one. Duplicates are flagged again. */
  'clients.update': {
    input: z
      .object({
        id: idSchema,
        firstName: text(TEXT_MAX.name).min(1).optional(),
        lastName: text(TEXT_MAX.name).min(1).optional(),
        ...clientFields,
        provenance: provenanceInputSchema.optional(),
        /** The day the client confirmed their details. */
        reviewAt: pastDateSchema.optional(),
      })
      .strict(),
    output: clientWrite,
  },
  /** Soft: the client leaves `clients.list` (see `clients.listArchived`); nothing is deleted. */
  'clients.archive': {
    input: z.object({ id: idSchema }).strict(),
    output: z.object({ id: idSchema, archivedAt: instantSchema.nullable() }),
  },
  'clients.unarchive': {
    input: z.object({ id: idSchema }).strict(),
    output: z.object({ id: idSchema, archivedAt: instantSchema.nullable() }),
  },
  'clients.get360': {
    input: z.object({ id: idSchema, timeline: timelineQuerySchema.optional() }).strict(),
    output: client360Schema,
  },
  /** More of a Client 360's timeline. */
  'clients.timeline': {
    input: z.object({ id: idSchema }).extend(timelineQuerySchema.shape).strict(),
    output: timelinePageSchema,
  },
  'clients.brief': {
    input: z.object({ id: idSchema }).strict(),
    output: briefSchema,
  },
  /**
   * Someone around a client who is not a client (a spouse, a child, an assistant): names, how
   * they relate, a birthday, sizes and tastes — under the client's relationship-mapping consent,
   * never a contact point. The relation reads "<person> is <label> of <client>".
   */
  'people.add': {
    input: z
      .object({
        clientId: idSchema,
        firstName: text(TEXT_MAX.name).min(1),
        lastName: text(TEXT_MAX.name).optional(),
        relation: z.object({ kind: circleRelationKindSchema, label: text(TEXT_MAX.label).min(1) }).strict(),
        birthday: birthdaySchema.optional(),
        sizes: z.array(labelValue).max(12).optional(),
        tastes: z.array(taste).max(12).optional(),
        acceptFindings,
      })
      .strict(),
    output: personViewSchema,
  },
  /** Names, the relation to `clientId`, the birthday (`null` removes it). Sizes and tastes: `preferences.*`. */
  'people.update': {
    input: z
      .object({
        personId: idSchema,
        clientId: idSchema,
        firstName: text(TEXT_MAX.name).min(1).optional(),
        lastName: text(TEXT_MAX.name).optional(),
        relation: z.object({ kind: circleRelationKindSchema.optional(), label: text(TEXT_MAX.label).min(1).optional() }).strict().optional(),
        birthday: birthdaySchema.nullable().optional(),
      })
      .strict(),
    output: personViewSchema,
  },
  /** Unlinks the person from the client; a person left linked to no one is deleted with what is kept about them. */
  'people.remove': {
    input: z.object({ personId: idSchema, clientId: idSchema }).strict(),
    output: z.object({ id: idSchema, removed: z.literal(true), deleted: z.boolean() }),
  },
  /** Adds a contact point (or changes the one named by `id`); `preferred` unsets the others, in one transaction. */
  'contacts.set': {
    input: z
      .object({
        personId: idSchema,
        id: idSchema.optional(),
        channel: contactChannelSchema,
        value: text(TEXT_MAX.address).min(1),
        preferred: z.boolean().default(false),
        provenance: provenanceInputSchema.default('declared'),
      })
      .strict(),
    output: z.object({ personId: idSchema, contacts: z.array(contactPointSchema) }),
  },
  'contacts.remove': {
    input: z.object({ id: idSchema }).strict(),
    output: z.object({ personId: idSchema, contacts: z.array(contactPointSchema) }),
  },
  /**
   * A preference of a client, or a size or taste of someone around them. `label` may be left out
   * (the domain's usual one); for `rtw_size`, `shoe_size`, `ring_size` it is fixed. `reviewAt` is
   * the day it was confirmed with the client (default today; never in the future).
   * Scanned fields: `label`, `value`.
   */
  'preferences.add': {
    input: z
      .object({
        personId: idSchema,
        domain: preferenceDomainSchema,
        label: text(TEXT_MAX.label).optional(),
        value: text(TEXT_MAX.value).min(1),
        provenance: provenanceInputSchema,
        reviewAt: pastDateSchema.optional(),
        acceptFindings,
      })
      .strict(),
    output: preferenceSchema,
  },
  'preferences.update': {
    input: z
      .object({
        id: idSchema,
        label: text(TEXT_MAX.label).optional(),
        value: text(TEXT_MAX.value).min(1).optional(),
        provenance: provenanceInputSchema.optional(),
        reviewAt: pastDateSchema.optional(),
        acceptFindings,
      })
      .strict(),
    output: preferenceSchema,
  },
  'preferences.remove': {
    input: z.object({ id: idSchema }).strict(),
    output: removed,
  },
  /** Never in the future. `recipientPersonId`: someone around the client it was bought for. */
  'purchases.add': {
    input: z
      .object({
        clientId: idSchema,
        purchasedAt: realInstantSchema,
        category: purchaseCategorySchema,
        item: text(TEXT_MAX.item).min(1),
        amountMinor: amountMinorSchema,
        currency: currencySchema,
        channel: purchaseChannelSchema,
        recipientPersonId: idSchema.optional(),
      })
      .strict(),
    output: purchaseViewSchema,
  },
  /**
   * A visit, call, message… with an optional note (at most 10,000 characters), scanned before
   * anything is written: NOTE_FINDINGS unless every finding is accepted. `occurredAt` defaults
   * to now and is never in the future. Scanned field: `note`.
   */
  'interactions.add': {
    input: z
      .object({
        clientId: idSchema,
        kind: interactionKindSchema,
        direction: interactionDirectionSchema,
        channel: interactionChannelSchema.optional(),
        occurredAt: realInstantSchema.optional(),
        note: text(TEXT_MAX.note).optional(),
        discreet: z.boolean().default(false),
        acceptFindings,
      })
      .strict(),
    output: interactionViewSchema,
  },
  /**
   * Live highlighting while the advisor types: what the scanner finds, offsets into `text` as
   * sent; `redacted` replaces each finding by "[redacted]". With `personId`, that person's own
   * e-mail addresses and phone numbers are not findings. Nothing is stored.
   */
  'scan.text': {
    input: z.object({ text: text(TEXT_MAX.note), personId: idSchema.optional() }).strict(),
    output: z.object({ findings: z.array(scanFindingSchema), redacted: z.string() }),
  },
  /** Scanned fields: `purpose`, `note`. */
  'appointments.add': {
    input: z
      .object({
        clientId: idSchema,
        startsAt: realInstantSchema,
        endsAt: realInstantSchema.optional(),
        place: appointmentPlaceSchema,
        purpose: text(TEXT_MAX.purpose).optional(),
        status: appointmentStatusSchema.default('planned'),
        note: text(TEXT_MAX.note).optional(),
        acceptFindings,
      })
      .strict(),
    output: appointmentViewSchema,
  },
  'appointments.update': {
    input: z
      .object({
        id: idSchema,
        startsAt: realInstantSchema.optional(),
        endsAt: realInstantSchema.nullable().optional(),
        place: appointmentPlaceSchema.optional(),
        purpose: nullableText(TEXT_MAX.purpose),
        status: appointmentStatusSchema.optional(),
        note: nullableText(TEXT_MAX.note),
        acceptFindings,
      })
      .strict(),
    output: appointmentViewSchema,
  },
  /** Scanned fields: `item` and `note`. Closing sets `closedAt`; reopening clears it. */
  'afterSales.add': {
    input: z
      .object({
        clientId: idSchema,
        kind: afterSalesKindSchema,
        item: text(TEXT_MAX.item).min(1),
        openedAt: realInstantSchema.optional(),
        status: afterSalesStatusSchema.default('open'),
        note: text(TEXT_MAX.note).optional(),
        acceptFindings,
      })
      .strict(),
    output: afterSalesViewSchema,
  },
  'afterSales.update': {
    input: z
      .object({
        id: idSchema,
        kind: afterSalesKindSchema.optional(),
        item: text(TEXT_MAX.item).min(1).optional(),
        status: afterSalesStatusSchema.optional(),
        note: nullableText(TEXT_MAX.note),
        acceptFindings,
      })
      .strict(),
    output: afterSalesViewSchema,
  },
  /**
   * A life moment of a client, or the birthday of someone around them. `recurring` defaults to
   * true for `MM-DD` dates and for birthdays and anniversaries. Scanned fields: `label`, `note`.
   */
  'moments.add': {
    input: z
      .object({
        personId: idSchema,
        kind: momentKindSchema,
        date: momentDateSchema,
        recurring: z.boolean().optional(),
        label: text(TEXT_MAX.label).optional(),
        note: text(TEXT_MAX.note).optional(),
        provenance: provenanceInputSchema.default('declared'),
        acceptFindings,
      })
      .strict(),
    output: momentViewSchema,
  },
  /**
   * Corrects a moment: only the fields given change (`label` or `note` null clears it). The
   * result is checked as `moments.add` checks a new one: a day without a year recurs (given
   * alone, such a date makes the moment recurring); a birthday's full date is never in the
   * future; someone around a client keeps only a birthday, without a note. `personId` is whom
   * the moment is about: a moment of anyone else is NOT_FOUND. Scanned fields: `label`, `note`.
   */
  'moments.update': {
    input: z
      .object({
        id: idSchema,
        personId: idSchema,
        kind: momentKindSchema.optional(),
        date: momentDateSchema.optional(),
        recurring: z.boolean().optional(),
        label: nullableText(TEXT_MAX.label),
        note: nullableText(TEXT_MAX.note),
        acceptFindings,
      })
      .strict(),
    output: momentViewSchema,
  },
  'moments.remove': {
    input: z.object({ id: idSchema }).strict(),
    output: removed,
  },
  /**
   * The gift ledger. Before writing, an earlier gift to the same recipient of the same or a very
   * similar item (accents, case, colours and small words aside) answers GIFT_REPEAT with that
   * gift's id and date — unless `force`. `givenAt` is a day or an instant, never in the future.
   * Scanned field: `note`.
   */
  'gifts.add': {
    input: z
      .object({
        clientId: idSchema,
        /** The client themself, or someone around them. */
        recipientPersonId: idSchema,
        givenAt: z.union([pastDateSchema, realInstantSchema]),
        occasion: text(TEXT_MAX.occasion).min(1),
        item: text(TEXT_MAX.item).min(1),
        note: text(TEXT_MAX.note).optional(),
        force: z.boolean().default(false),
        acceptFindings,
      })
      .strict(),
    output: giftViewSchema,
  },
  'gifts.list': {
    input: z.object({ clientId: idSchema }).strict(),
    output: z.object({ clientId: idSchema, gifts: z.array(giftViewSchema).nullable() }),
  },
  /**
   * Search as you type over clients' names (and the people around them), notes and preferences:
   * accent- and case-insensitive, every word a prefix, FTS syntax ignored. Names first, then
   * preferences, then notes (newest written first); at most `limit` of each type.
   */
  'search.query': {
    input: z.object({ text: z.string().max(TEXT_MAX.query), limit: z.number().int().min(1).max(50).default(10) }).strict(),
    output: z.object({ hits: z.array(searchHitSchema) }),
  },
});
