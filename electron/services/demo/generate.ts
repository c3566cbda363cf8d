/**
 * The demo maison: a deterministic, synthetic client book — an international clientele with
 * families and assistants, referral chains, five years of purchases, interactions and notes,
 * appointments, after-sales, a gift ledger, life moments, an append-only consent ledger with
 * withdrawals, dormant and cooling clients. Same seed, clients and `today` → the same rows, byte
 * for byte: every random draw comes from seeded sfc32 streams, every id is a ULID built from the
 * row's own time and seeded bytes, and nothing reads the clock.
 *
 * Conventions the rest of the app can rely on:
 * - a relation reads "`from` is `label` of `to`": the daughter → her mother the client, label
 *   'daughter'; the referred client → the referrer, 'referred by'; an influencer → the client
 *   influenced, 'influences'. A relation that ended (a separation, a death) has `until`.
 * - `review_at` is the day a fact was last confirmed with the client (never in the future).
 * - past events happen strictly before `today` (midnight UTC); only planned appointments and
 *   moments may lie ahead, up to a few months.
 *
 * The demo holds nothing the write gate (`privacy/gate.ts`, reading `privacy/policy.ts`) would
 * refuse if an advisor typed it at the time the row is dated:
 * - data that rests on consent alone — preferences, life moments (and a client's birth date),
 *   gifts: personalisation; relations: relationship mapping — is kept only for a client who
 *   granted that purpose, and only if it was recorded before a withdrawal of it. Data recorded
 *   while the consent was in force and since withdrawn stays: it was lawful when written, and the
 *   unlock sweep purges it once the grace period is over. A link between two clients needs
 *   relationship mapping in force for both.
 * - people who are not clients exist only around a client who granted relationship mapping (and
 *   not when recorded after its withdrawal) and keep only their short list: first and last name,
 *   the relation, a birth date and birthday moment (no other moment, no note), sizes and tastes in
 *   the policy's domains. No honorific, and no contact point — assistants included: the client is
 *   reached, never the people around them.
 * - Rows the policy refuses are still drawn, then not written: every random draw happens in the
 *   same order, so everything else is the same, byte for byte, as if they were kept (`seq` counts
 *   the rows drawn, see `Writer`). A purchase made for someone left out keeps no recipient.
 *
 * Writing goes through better-sqlite3 prepared statements in transactions of a few hundred
 * clients; the triggers keep the FTS tables and `person.last_contact_at`.
 */
import type { RawDatabase } from '../../../db/open.js';
import {
  CATEGORY_WORDS,
  COLLECTIONS,
  EVENTS,
  GIFTS,
  eventsIn,
  HOME_CURRENCY,
  SERVICE_DETAILS,
  SERVICE_FR,
  TRUNK_SHOW_CURRENCY,
  giftProductTable,
  invoiceItem,
  pickVariant,
  priceMinor,
  productTable,
  type Category,
  type Currency,
  type MaisonEvent,
  type Occasion,
  type Product,
} from './catalogue.js';
import {
  ASSISTANT_FIRST,
  ASSISTANT_LAST,
  CULTURE_WEIGHTS,
  SHOWCASE,
  cultureByCode,
  fold,
  type City,
  type Culture,
  type Gender,
  type MessagingChannel,
} from './names.js';
import {
  OUTREACH,
  appointmentNote,
  appointmentPrep,
  appointmentPurpose,
  browseNote,
  discreetNote,
  dormantNote,
  eventNote,
  exchangeNote,
  firstVisitNote,
  giftNote,
  purchaseNote,
  serviceNote,
  type Companion,
  type Discretion,
  type Exchange,
  type Lang,
  type PieceRef,
  type Voice,
} from './notes.js';
import {
  LANGUAGE_NAMES,
  NEW_HOME,
  NEW_ROLE,
  PREFERENCE_VALUES,
  RING,
  SEASON,
  SHOE,
  SHOW_OFFSET,
  SIZE_RTW,
  TRAVEL,
  TRAVEL_CITIES,
  UTC_OFFSET,
} from './lexicon.js';
import { NON_CLIENT_MOMENT_KINDS } from '../privacy/policy.js';
import { Rng, type Weighted } from './random.js';
import { DAY, HOUR, MINUTE, MONTH, YEAR, inYear, instant, isoDate, monthDay, monthOf, parseDay, startOfDay, weekday, yearOf } from './time.js';
import { IdMaker, Writer, type Row } from './writer.js';

export interface DemoOptions {
  seed: number;
  clients: number;
  /** `YYYY-MM-DD`: the day the history ends. Same seed, clients and today → same data. */
  today: string;
  advisorId: string;
}

export interface DemoStats {
  clients: number;
  people: number;
  interactions: number;
  purchases: number;
}

export const MAX_DEMO_CLIENTS = 100_000;

type Tier = 'Prestige' | 'Signature' | 'Essentiel';
type Provenance = 'declared' | 'observed' | 'imported';
type Place = 'boutique' | 'private_salon' | 'hotel' | 'home';
type InteractionKind = 'visit' | 'call' | 'message' | 'appointment' | 'event' | 'gift' | 'after_sales';
type ServiceKind = 'repair' | 'resize' | 'engraving' | 'cleaning';
type RelationKind = 'family' | 'friend' | 'work' | 'assistant' | 'referral' | 'influence';
type ClientState = 'active' | 'cooling' | 'dormant' | 'restricted';
type Purpose = 'service' | 'personalisation' | 'outreach' | 'relationship_mapping' | 'analytics';

/** Clients written per transaction: a crash loses at most one chunk, the WAL stays small. */
const CHUNK = 400;
const HISTORY_YEARS = 5;

// ——— the clients' outline

interface Base {
  index: number;
  id: string;
  culture: Culture;
  gender: Gender;
  first: string;
  last: string;
  honorific: string;
  birthMs: number;
  birthKnown: 'full' | 'day' | 'none';
  language: string;
  city: City;
  tier: Tier;
  sinceMs: number;
  createdMs: number;
  updatedMs: number;
  reviewMs: number | null;
  provenance: Provenance;
  state: ClientState;
  /** Exclusive end of this client's history (midnight UTC). */
  endMs: number;
  referrer: Base | null;
  withdraw: Purpose | null;
  /** The purposes this client ever granted; drawn from their own stream once the book is planned. */
  grants: Grants;
  /** When `withdraw` was recorded (ms); Infinity until the client is written, or if they never withdraw. */
  withdrawnAt: number;
  /** For a restricted client: when the restriction was recorded (ms); null otherwise. */
  restrictedAt: number | null;
}

/** Which consent purposes a client ever granted (a withdrawn one counts: it was granted first). */
interface Grants {
  personalisation: boolean;
  relMapping: boolean;
  analytics: boolean;
}

const NO_GRANTS: Grants = { personalisation: false, relMapping: false, analytics: false };

interface Ctx {
  seed: number;
  todayMs: number;
  advisorId: string;
  /** When the maison moved its book to this system: older clients were imported. */
  migrationMs: number;
  notices: readonly { label: string; ms: number }[];
  bases: readonly Base[];
}

const TIERS: Weighted<Tier> = [
  ['Prestige', 12],
  ['Signature', 33],
  ['Essentiel', 55],
];

const AGES: Weighted<readonly [number, number]> = [
  [[27, 34], 14],
  [[35, 44], 25],
  [[45, 54], 27],
  [[55, 64], 21],
  [[65, 81], 13],
];

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function formalName(b: { honorific: string; first: string; last: string }): string {
  return b.honorific === 'Sheikha' || b.honorific === 'Sheikh' ? `${b.honorific} ${b.first}` : `${b.honorific} ${b.last}`;
}

function makeBase(index: number, ctx: { seed: number; todayMs: number; migrationMs: number }, ids: IdMaker): Base {
  const rng = new Rng(ctx.seed, 1 + 2 * index);
  const show = SHOWCASE[index];
  const culture = show ? cultureByCode(show.culture) : rng.weighted(CULTURE_WEIGHTS);
  const gender: Gender = show ? show.gender : rng.chance(0.64) ? 'F' : 'M';
  const first = show ? show.first : rng.pick(gender === 'F' ? culture.female : culture.male);
  const last = rng.pick(culture.family);
  const honorific = rng.chance(0.05) ? culture.doctor[gender] : rng.weighted(culture.honorific[gender]);
  const city = rng.weighted(culture.cities);
  const language = rng.weighted(culture.languages);

  // Client since: spread over twelve years, a little more often recent.
  const u = rng.chance(0.5) ? rng.float() : 1 - Math.sqrt(rng.float());
  const sinceMs = startOfDay(ctx.todayMs - 14 * DAY - u * (12 * YEAR - 14 * DAY));
  const tenureYears = (ctx.todayMs - sinceMs) / YEAR;

  const [lo, hi] = rng.weighted(AGES);
  const younger = culture.code === 'gulf' || culture.code === 'cn' || culture.code === 'kr' ? 4 : 0;
  let age = rng.range(lo, hi + 1) - younger;
  age = Math.max(age, tenureYears + 23 + rng.range(0, 6));
  let birthMs = startOfDay(ctx.todayMs - age * YEAR);
  if (index === 0) {
    // The first client's birthday falls within the coming weeks: the home page has a moment.
    const soon = ctx.todayMs + rng.int(4, 18) * DAY;
    birthMs = inYear(soon, yearOf(birthMs));
  }

  let tier = rng.weighted(
    TIERS.map(([t, w]) => [t, t === 'Prestige' && tenureYears > 6 ? w * 1.7 : t === 'Signature' && tenureYears > 4 ? w * 1.2 : w] as const),
  );
  if (index === 0) tier = 'Prestige';

  const imported = sinceMs < ctx.migrationMs && rng.chance(0.6);
  const provenance: Provenance = imported ? 'imported' : rng.chance(0.7) ? 'declared' : 'observed';
  const createdMs = (imported ? startOfDay(ctx.migrationMs + rng.int(0, 20) * DAY) : sinceMs) + (17 * 60 + rng.int(0, 90)) * MINUTE;
  const known = rng.weighted([
    ['full', 45],
    ['day', 30],
    ['none', 25],
  ] as const);
  const birthKnown = index === 0 ? 'full' : known;
  return {
    index,
    id: ids.make(createdMs, rng),
    culture,
    gender,
    first,
    last,
    honorific,
    birthMs,
    birthKnown,
    language,
    city,
    tier,
    sinceMs,
    createdMs,
    updatedMs: createdMs,
    reviewMs: null,
    provenance,
    state: 'active',
    endMs: ctx.todayMs,
    referrer: null,
    withdraw: null,
    grants: NO_GRANTS,
    withdrawnAt: Infinity,
    restrictedAt: null,
  };
}

/** Decides the book's shape across clients: who is dormant, cooling, restricted, referred by whom. */
function planBook(bases: Base[], ctx: Ctx, rng: Rng): CrossRelation[] {
  const n = bases.length;
  const today = ctx.todayMs;

  // Dormant: about 12%, no interaction for 18 months or more.
  const dormantPool = bases.filter((b) => b.index !== 0 && b.sinceMs <= today - 24 * MONTH);
  for (const b of rng.sample(dormantPool, Math.round(0.12 * n))) {
    const maxBack = Math.min(54, (today - b.sinceMs) / MONTH - 6);
    b.state = 'dormant';
    b.endMs = startOfDay(today - rng.range(18.6, Math.max(18.7, maxBack)) * MONTH);
  }
  // Restricted: a few clients asked to restrict processing while they review their data.
  const restrictPool = bases.filter((b) => b.state === 'active' && b.index !== 0 && b.sinceMs <= today - 8 * MONTH);
  const restricted = n >= 10 ? Math.max(1, Math.round(0.008 * n)) : 0;
  for (const b of rng.sample(restrictPool, restricted)) {
    b.state = 'restricted';
    b.endMs = startOfDay(today - rng.int(12, 200) * DAY);
  }
  // Cooling: still in touch, but less than their own rhythm.
  const coolPool = bases.filter((b) => b.state === 'active' && b.index !== 0 && b.sinceMs <= today - 16 * MONTH);
  for (const b of rng.sample(coolPool, Math.round(0.1 * n))) {
    b.state = 'cooling';
    b.endMs = startOfDay(today - rng.range(4, 13) * MONTH);
  }
  for (const b of bases) {
    b.updatedMs = Math.min(b.endMs - HOUR, Math.max(b.createdMs, b.endMs - rng.range(0, 2 * YEAR)));
    b.updatedMs = Math.max(b.updatedMs, b.createdMs);
    b.reviewMs = rng.chance(0.8) ? startOfDay(Math.max(b.createdMs, b.endMs - rng.range(0, 3 * YEAR))) : null;
  }

  // Withdrawals: about 8% of clients later withdraw a purpose (mostly one outreach channel).
  const withdrawPool = bases.filter((b) => b.sinceMs <= today - 3 * MONTH);
  const withdrawers = rng.sample(withdrawPool, n >= 10 ? Math.max(1, Math.round(0.08 * n)) : 0);
  withdrawers.forEach((b, k) => {
    b.withdraw = k % 7 === 0 ? 'personalisation' : k % 7 === 3 ? 'analytics' : k % 17 === 5 ? 'relationship_mapping' : 'outreach';
  });

  // Referral chains, in order of arrival: a referrer joined at least a month before.
  const order = [...bases].sort((a, b) => a.sinceMs - b.sinceMs || a.index - b.index);
  // Pools of clients who arrived at least a month earlier: all of them, and those themselves
  // referred (so that chains grow), each also by culture (most referrals stay within a circle).
  type Pool = { all: Base[]; byCulture: Map<string, Base[]> };
  const newPool = (): Pool => ({ all: [], byCulture: new Map() });
  const addTo = (pool: Pool, b: Base): void => {
    pool.all.push(b);
    const list = pool.byCulture.get(b.culture.code);
    if (list) list.push(b);
    else pool.byCulture.set(b.culture.code, [b]);
  };
  const pickFrom = (pool: Pool, b: Base): Base | null => {
    const same = pool.byCulture.get(b.culture.code);
    if (same && same.length > 0 && rng.chance(0.7)) return rng.pick(same);
    return pool.all.length > 0 ? rng.pick(pool.all) : null;
  };
  const earlier = newPool();
  const referred = newPool();
  let next = 0;
  for (const b of order) {
    while (next < order.length && (order[next] as Base).sinceMs < b.sinceMs - 30 * DAY) {
      const candidate = order[next] as Base;
      addTo(earlier, candidate);
      if (candidate.referrer) addTo(referred, candidate);
      next++;
    }
    if (earlier.all.length < 2 || !rng.chance(0.24)) continue;
    b.referrer = (rng.chance(0.45) ? pickFrom(referred, b) : null) ?? pickFrom(earlier, b);
  }
  const depth = (b: Base): number => {
    let d = 0;
    for (let r = b.referrer; r && d < n; r = r.referrer) d++;
    return d;
  };
  if (n >= 4 && bases.reduce((deepest, b) => Math.max(deepest, depth(b)), 0) < 3) {
    // Small books still show a chain of four: at the book's quartiles, each referred by the last.
    const at = [0.1, 0.35, 0.6, 0.85].map((q) => order[Math.min(n - 1, Math.floor(q * n))] as Base);
    for (let k = 1; k < at.length; k++) (at[k] as Base).referrer = at[k - 1] as Base;
  }

  const relations: CrossRelation[] = [];
  const seen = new Set<string>();
  const link = (from: Base, to: Base, kind: RelationKind, label: string, since: number | null): void => {
    const key = from.index < to.index ? `${from.index}:${to.index}` : `${to.index}:${from.index}`;
    if (from === to || seen.has(key)) return;
    seen.add(key);
    // A referral is written down with the new client's record; other links as they come to light.
    const known = Math.max(from.createdMs, to.createdMs);
    const later = kind === 'referral' ? rng.int(1, 30) * MINUTE : rng.int(1, 200) * DAY + rng.int(0, 600) * MINUTE;
    const createdMs = Math.min(ctx.todayMs - HOUR, known + later);
    relations.push({ from, to, kind, label, sinceMs: since, createdMs });
  };
  for (const b of order) {
    if (b.referrer) link(b, b.referrer, 'referral', 'referred by', b.sinceMs);
  }
  const byCity = new Map<string, Base[]>();
  const byCulture = new Map<string, Base[]>();
  for (const b of bases) {
    const city = byCity.get(b.city.name);
    if (city) city.push(b);
    else byCity.set(b.city.name, [b]);
    const culture = byCulture.get(b.culture.code);
    if (culture) culture.push(b);
    else byCulture.set(b.culture.code, [b]);
  }
  const neighbour = (b: Base): Base | null => {
    const pool = byCity.get(b.city.name) ?? [];
    const wide = byCulture.get(b.culture.code) ?? [];
    const chosen = pool.length > 1 && rng.chance(0.75) ? pool : wide;
    const other = rng.pick(chosen);
    return other === b ? null : other;
  };
  for (const b of bases) {
    if (rng.chance(0.07)) {
      const other = neighbour(b);
      if (other) link(b, other, 'friend', 'friend', null);
    }
    if (rng.chance(0.03)) {
      const other = neighbour(b);
      if (other) link(b, other, 'work', rng.pick(['business partner', 'colleague', 'fellow board member']), null);
    }
    if (rng.chance(0.02)) {
      const other = rng.pick(byCulture.get(b.culture.code) ?? [b]);
      if (other !== b) {
        const label = rng.pick(b.gender === 'F' ? ['sister-in-law', 'cousin', 'sister'] : ['brother-in-law', 'cousin', 'brother']);
        link(b, other, 'family', label, null);
      }
    }
  }
  // A few clients whose taste others follow.
  const influencers = bases.filter((b) => b.tier === 'Prestige');
  for (const inf of rng.sample(influencers.length > 0 ? influencers : bases, Math.ceil(0.015 * n))) {
    const circle = (byCity.get(inf.city.name) ?? []).filter((o) => o !== inf && o.sinceMs > inf.sinceMs);
    for (const o of rng.sample(circle, rng.int(2, 4))) link(inf, o, 'influence', 'influences', o.sinceMs);
  }
  return relations;
}

interface CrossRelation {
  from: Base;
  to: Base;
  kind: RelationKind;
  label: string;
  sinceMs: number | null;
  createdMs: number;
}

// ——— one client in detail

type Role = 'spouse' | 'child' | 'grandchild' | 'parent' | 'sibling' | 'assistant' | 'friend' | 'work';

interface Member extends Companion {
  id: string;
  role: Role;
  gender: Gender;
  last: string;
  birthMs: number | null;
  label: string;
  kind: RelationKind;
  sinceMs: number | null;
  untilMs: number | null;
  createdMs: number;
}

interface InteractionRow {
  t: number;
  kind: InteractionKind;
  direction: 'inbound' | 'outbound';
  channel: string | null;
  note: string | null;
  discreet: 0 | 1;
}

interface PurchaseRow {
  t: number;
  product: Product;
  item: string;
  amount: number;
  currency: Currency;
  channel: 'boutique' | 'private_salon' | 'trunk_show' | 'remote';
  recipient: Member | null;
  piece: PieceRef;
}

interface MomentRow {
  personId: string;
  kind: string;
  date: string;
  recurring: 0 | 1;
  label: string | null;
  note: string | null;
  provenance: Provenance;
  createdMs: number;
}

interface ClientCtx {
  b: Base;
  rng: Rng;
  w: Writer;
  ctx: Ctx;
  /** Start and exclusive end of the interaction history. */
  ws: number;
  we: number;
  members: Member[];
  voiceEn: Voice;
  voiceFr: Voice;
  frenchShare: number;
  products: Weighted<Product>;
  showable: Weighted<Product>;
  favourites: Category[];
  channels: Map<MessagingChannel, string>;
  preferred: MessagingChannel;
  outreach: Map<MessagingChannel, { from: number; until: number }>;
  interactions: InteractionRow[];
  purchases: PurchaseRow[];
  moments: MomentRow[];
  appointments: PendingAppointment[];
  cases: PendingCase[];
  gifts: PendingGift[];
  quietUntil: number;
  quietFrom: number;
  separatedAt: number;
  /** The circle's rows, drawn before the consent ledger is written and kept only once it says so. */
  circle: { person: [Member, Row][]; relation: [Member, Row][] };
  /** People around the client drawn but not kept (recorded after relationship mapping was withdrawn). */
  dropped: Set<string>;
}

/**
 * Whether data recorded at `t` may rest on the client's consent to a purpose: the client granted
 * it, and had not yet withdrawn it at `t`. (The first grant is taken as covering what was recorded
 * before it took effect, e.g. for clients older than the first privacy notice.)
 */
function heldAt(b: Base, purpose: 'personalisation' | 'relationship_mapping', t: number): boolean {
  const granted = purpose === 'personalisation' ? b.grants.personalisation : b.grants.relMapping;
  return granted && !(b.withdraw === purpose && t >= b.withdrawnAt);
}

function lang(c: ClientCtx): Voice {
  return c.rng.chance(c.frenchShare) ? c.voiceFr : c.voiceEn;
}

function id(c: ClientCtx, ms: number): string {
  return c.w.ids.make(ms, c.rng);
}

/** A time of day for an event on the day holding `t`, kept inside the client's history. */
function at(c: ClientCtx, t: number, utcHourFrom: number, utcHourTo: number, boutique: boolean): number {
  let day = startOfDay(t);
  if (boutique && weekday(day) === 0) day = day + DAY < c.we ? day + DAY : day - DAY >= c.ws ? day - DAY : day;
  const from = Math.max(0, Math.min(22, utcHourFrom));
  const to = Math.max(from, Math.min(23, utcHourTo));
  const minutes = c.rng.int(from * 12, to * 12 + 11) * 5;
  return day + minutes * MINUTE;
}

/** UTC hours that fall inside both the advisor's day in Paris and the client's day. */
function contactHours(c: ClientCtx): [number, number] {
  const offset = UTC_OFFSET[c.b.city.timeZone] ?? 1;
  const from = Math.max(8, 9 - offset);
  const to = Math.min(18, 20 - offset);
  return from <= to ? [from, to] : [8, 10];
}

function companion(c: ClientCtx, t: number, probability: number): Member | null {
  if (!c.rng.chance(probability)) return null;
  const pool = c.members.filter(
    (m) =>
      (m.role === 'spouse' && t < c.separatedAt && (m.untilMs === null || t < m.untilMs)) ||
      ((m.role === 'child' || m.role === 'grandchild') && m.birthMs !== null && t - m.birthMs > 12 * YEAR) ||
      m.role === 'friend' ||
      (m.role === 'parent' && (m.untilMs === null || t < m.untilMs)) ||
      m.role === 'sibling',
  );
  return pool.length > 0 ? c.rng.pick(pool) : null;
}

/** A piece to talk about (shown, tried, asked for): not a candle or a discovery set. */
function piece(c: ClientCtx, table: Weighted<Product> = c.showable): PieceRef {
  const product = c.rng.weighted(table);
  return { product, variant: pickVariant(c.rng, product, c.b.tier === 'Prestige') };
}

function sizeFor(c: ClientCtx, p: Product): string | null {
  if (p.category === 'jewellery' && /\bring\b|solitaire/.test(p.en)) return c.rng.pick(RING);
  if (p.category !== 'ready_to_wear') return null;
  if (/boots|loafers/.test(p.en)) return c.rng.pick(SHOE[c.b.gender]);
  return c.rng.pick(SIZE_RTW[c.b.culture.sizes][c.b.gender]);
}

function addInteraction(c: ClientCtx, row: InteractionRow): void {
  if (row.t >= c.ws && row.t < c.we) c.interactions.push(row);
}

/** Is outreach on this channel allowed at `t` (granted and not withdrawn)? */
function outreachOk(c: ClientCtx, channel: MessagingChannel, t: number): boolean {
  const grant = c.outreach.get(channel);
  return grant !== undefined && t >= grant.from && t < grant.until;
}

function messagingChannel(c: ClientCtx): MessagingChannel {
  const options: [MessagingChannel, number][] = [];
  for (const ch of c.channels.keys()) {
    if (ch === 'phone' || ch === 'post') continue;
    options.push([ch, ch === c.preferred ? 4 : 1]);
  }
  return options.length > 0 ? c.rng.weighted(options) : 'email';
}

function buildMembers(c: ClientCtx, relMapping: boolean): void {
  const { b, rng, ctx } = c;
  if (!relMapping) return;
  const today = ctx.todayMs;
  const age = (today - b.birthMs) / YEAR;
  const recorded = (earliest: number): number =>
    Math.min(b.endMs - HOUR, Math.max(b.createdMs, earliest) + rng.int(0, 400) * DAY + rng.int(9 * 60, 18 * 60) * MINUTE);
  const nameIn = (culture: Culture, gender: Gender): string =>
    rng.pick(gender === 'F' ? culture.female : culture.male);
  const cosmopolitan = (): Culture => (rng.chance(0.15) ? rng.weighted(CULTURE_WEIGHTS) : b.culture);
  const add = (m: Omit<Member, 'id'>): Member => {
    const member: Member = { ...m, id: id(c, m.createdMs) };
    c.members.push(member);
    return member;
  };
  const spousal = (g: Gender): [string, string] => (g === 'F' ? ['wife', 'sa femme'] : ['husband', 'son mari']);

  let fatherLast = b.last;
  // A woman who took her husband's name was born under another one: her parents' and siblings'.
  let birthName = b.last;
  if (rng.chance(age < 32 ? 0.45 : 0.78)) {
    const gender: Gender = rng.chance(0.04) ? b.gender : b.gender === 'F' ? 'M' : 'F';
    const shared = rng.chance(b.culture.sharedName);
    const last = shared ? b.last : rng.pick(b.culture.family);
    if (b.gender === 'F' && gender === 'M') {
      fatherLast = last;
      if (shared) birthName = rng.pick(b.culture.family.filter((f) => f !== b.last));
    }
    const weddingAge = rng.range(24, Math.min(40, age - 0.5));
    const weddingMs = startOfDay(b.birthMs + weddingAge * YEAR);
    const [en, frPoss] = spousal(gender);
    add({
      role: 'spouse',
      gender,
      first: nameIn(b.culture, gender),
      last,
      birthMs: rng.chance(0.4) ? startOfDay(b.birthMs + rng.range(-6, 4) * YEAR) : null,
      label: 'spouse',
      en,
      frPoss,
      kind: 'family',
      sinceMs: weddingMs,
      untilMs: null,
      createdMs: recorded(b.createdMs),
    });
  }
  if (age >= 30) {
    const count = rng.weighted([
      [0, 20],
      [1, 26],
      [2, 34],
      [3, 15],
      [4, 5],
    ] as const);
    for (let k = 0; k < count; k++) {
      const birthMs = startOfDay(b.birthMs + rng.range(25, Math.min(42, age - 0.5)) * YEAR);
      if (birthMs >= today - 30 * DAY) continue;
      const gender: Gender = rng.chance(0.5) ? 'F' : 'M';
      const child = add({
        role: 'child',
        gender,
        first: nameIn(cosmopolitan(), gender),
        last: fatherLast,
        birthMs,
        label: gender === 'F' ? 'daughter' : 'son',
        en: gender === 'F' ? 'daughter' : 'son',
        frPoss: gender === 'F' ? 'sa fille' : 'son fils',
        kind: 'family',
        sinceMs: birthMs,
        untilMs: null,
        createdMs: recorded(Math.max(b.createdMs, birthMs)),
      });
      const childAge = (today - birthMs) / YEAR;
      if (childAge > 27 && rng.chance(0.38)) {
        for (let g = rng.int(1, 2); g > 0; g--) {
          const gBirth = startOfDay(birthMs + rng.range(26, Math.min(38, childAge)) * YEAR);
          if (gBirth >= today - 20 * DAY) continue;
          const gg: Gender = rng.chance(0.5) ? 'F' : 'M';
          add({
            role: 'grandchild',
            gender: gg,
            first: nameIn(cosmopolitan(), gg),
            last: child.gender === 'M' ? child.last : rng.pick(b.culture.family),
            birthMs: gBirth,
            label: gg === 'F' ? 'granddaughter' : 'grandson',
            en: gg === 'F' ? 'granddaughter' : 'grandson',
            frPoss: gg === 'F' ? 'sa petite-fille' : 'son petit-fils',
            kind: 'family',
            sinceMs: gBirth,
            untilMs: null,
            createdMs: recorded(Math.max(b.createdMs, gBirth)),
          });
        }
      }
    }
  }
  if (age < 64 && rng.chance(0.3)) {
    const gender: Gender = rng.chance(0.65) ? 'F' : 'M';
    add({
      role: 'parent',
      gender,
      first: nameIn(b.culture, gender),
      last: gender === 'M' || rng.chance(b.culture.sharedName) ? birthName : rng.pick(b.culture.family),
      birthMs: null,
      label: gender === 'F' ? 'mother' : 'father',
      en: gender === 'F' ? 'mother' : 'father',
      frPoss: gender === 'F' ? 'sa mère' : 'son père',
      kind: 'family',
      sinceMs: null,
      untilMs: null,
      createdMs: recorded(b.createdMs),
    });
  }
  if (rng.chance(0.16)) {
    const gender: Gender = rng.chance(0.55) ? 'F' : 'M';
    add({
      role: 'sibling',
      gender,
      first: nameIn(b.culture, gender),
      last: birthName,
      birthMs: null,
      label: gender === 'F' ? 'sister' : 'brother',
      en: gender === 'F' ? 'sister' : 'brother',
      frPoss: gender === 'F' ? 'sa sœur' : 'son frère',
      kind: 'family',
      sinceMs: null,
      untilMs: null,
      createdMs: recorded(b.createdMs),
    });
  }
  const tierAssistant = b.tier === 'Prestige' ? 0.4 : b.tier === 'Signature' ? 0.12 : 0.025;
  if (rng.chance(Math.min(0.9, tierAssistant * b.culture.assistant))) {
    const a = rng.pick(ASSISTANT_FIRST);
    const sinceMs = startOfDay(Math.max(b.sinceMs, Math.min(b.endMs - 30 * DAY, today - rng.range(0.3, 8) * YEAR)));
    add({
      role: 'assistant',
      gender: a.gender,
      first: a.first,
      last: rng.pick(ASSISTANT_LAST),
      birthMs: null,
      label: 'assistant',
      en: 'assistant',
      frPoss: a.gender === 'F' ? 'son assistante' : 'son assistant',
      kind: 'assistant',
      sinceMs,
      untilMs: null,
      createdMs: recorded(sinceMs),
    });
  }
  if (rng.chance(0.11)) {
    const gender: Gender = rng.chance(0.7) ? b.gender : b.gender === 'F' ? 'M' : 'F';
    const culture = cosmopolitan();
    add({
      role: 'friend',
      gender,
      first: nameIn(culture, gender),
      last: rng.pick(culture.family),
      birthMs: null,
      label: 'friend',
      en: 'friend',
      frPoss: gender === 'F' ? 'son amie' : 'son ami',
      kind: 'friend',
      sinceMs: null,
      untilMs: null,
      createdMs: recorded(b.createdMs),
    });
  }
  if (rng.chance(0.07)) {
    const gender: Gender = rng.chance(0.5) ? 'F' : 'M';
    const culture = cosmopolitan();
    const partner = rng.chance(0.6);
    add({
      role: 'work',
      gender,
      first: nameIn(culture, gender),
      last: rng.pick(culture.family),
      birthMs: null,
      label: partner ? 'business partner' : 'colleague',
      en: partner ? 'business partner' : 'colleague',
      frPoss: partner ? (gender === 'F' ? 'son associée' : 'son associé') : gender === 'F' ? 'sa collègue' : 'son collègue',
      kind: 'work',
      sinceMs: null,
      untilMs: null,
      createdMs: recorded(b.createdMs),
    });
  }
}

function writeMembers(c: ClientCtx): void {
  const { b, rng } = c;
  for (const m of c.members) {
    const young = m.role === 'child' || m.role === 'grandchild';
    // An honorific is drawn (to keep the stream) and not kept: not on the short list of fields.
    if (!young) rng.weighted(b.culture.honorific[m.gender]);
    const birth =
      m.birthMs === null ? null : m.role === 'child' || m.role === 'grandchild' ? (rng.chance(0.8) ? isoDate(m.birthMs) : null) : isoDate(m.birthMs);
    c.circle.person.push([
      m,
      [
        m.id,
        'related',
        'active',
        null,
        m.first,
        m.last,
        fold(`${m.last} ${m.first}`),
        birth,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        'declared',
        rng.chance(0.6) ? isoDate(Math.min(b.endMs - DAY, m.createdMs + rng.int(0, 700) * DAY)) : null,
        instant(m.createdMs),
        instant(m.createdMs),
      ],
    ]);
  }
  for (const m of c.members) {
    c.circle.relation.push([
      m,
      [
        id(c, m.createdMs),
        m.id,
        b.id,
        m.kind,
        m.label,
        m.sinceMs === null ? null : isoDate(m.sinceMs),
        m.untilMs === null ? null : isoDate(m.untilMs),
        instant(m.createdMs),
      ],
    ]);
  }
}

/**
 * Writes the circle drawn by `writeMembers`, once the consent ledger is known: someone recorded
 * after the client withdrew relationship mapping is left out, with everything about them.
 */
function keepCircle(c: ClientCtx): void {
  const { b, w } = c;
  for (const [m, row] of c.circle.person) {
    if (heldAt(b, 'relationship_mapping', m.createdMs)) {
      w.person(row, false);
    } else {
      c.dropped.add(m.id);
      w.skipPerson();
    }
  }
  for (const [m, row] of c.circle.relation) if (!c.dropped.has(m.id)) w.relation(row);
}

// Fictional numbers only: ARCEP's 01 99 00 and 06 39 98 drama ranges, Ofcom's 07700 900 and
// 020 7946 0 drama ranges, and North America's 555-01xx.
function phoneNumber(rng: Rng, plan: 'fr' | 'gb' | 'us', mobile: boolean): string {
  const dd = (): string => String(rng.int(0, 99)).padStart(2, '0');
  switch (plan) {
    case 'fr':
      return mobile ? `+33 6 39 98 ${dd()} ${dd()}` : `+33 1 99 00 ${dd()} ${dd()}`;
    case 'gb':
      return mobile ? `+44 7700 900${String(rng.int(0, 999)).padStart(3, '0')}` : `+44 20 7946 0${String(rng.int(0, 999)).padStart(3, '0')}`;
    case 'us':
      return `+1 ${rng.pick(['212', '310', '305', '312', '415', '561'])} 555 01${dd()}`;
  }
}

function emailLocal(first: string, last: string): string {
  return `${fold(first)}.${fold(last)}`.replace(/[^a-z0-9.]+/g, '').replace(/\.+/g, '.');
}

function writeContacts(c: ClientCtx): void {
  const { b, rng, w } = c;
  const culture = b.culture;
  const provenance = (): Provenance => (b.provenance === 'imported' && rng.chance(0.7) ? 'imported' : rng.chance(0.85) ? 'declared' : 'observed');
  const mobile = phoneNumber(rng, culture.phone, true);
  if (rng.chance(0.95)) {
    const domain = culture.code === 'ch' && b.language === 'fr' && rng.chance(0.5) ? 'example.fr' : culture.emailDomain;
    const suffix = rng.chance(0.3) ? String(rng.int(1, 99)) : '';
    c.channels.set('email', `${emailLocal(b.first, b.last)}${suffix}@${domain}`);
  }
  if (rng.chance(0.92)) c.channels.set('phone', rng.chance(0.7) ? mobile : phoneNumber(rng, culture.phone, false));
  if (rng.chance(culture.whatsapp)) c.channels.set('whatsapp', mobile);
  if (culture.code === 'cn' && rng.chance(0.95)) {
    const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
    let handle = 'wxid_demo';
    for (let k = 0; k < 8; k++) handle += alphabet.charAt(rng.int(0, alphabet.length - 1));
    c.channels.set('wechat', handle);
  }
  if (rng.chance(0.07)) c.channels.set('sms', mobile);
  if (rng.chance(b.tier === 'Prestige' ? 0.6 : 0.3)) {
    const street = rng.pick(culture.streets);
    const number = rng.int(2, 148);
    const address =
      culture.code === 'fr' || culture.code === 'ch' || culture.code === 'it' || culture.code === 'br'
        ? `${number} ${street}, ${b.city.postcode} ${b.city.name}`
        : `${number} ${street}, ${b.city.name}${b.city.postcode ? ` ${b.city.postcode}` : ''}`;
    c.channels.set('post', address);
  }
  if (c.channels.size === 0) c.channels.set('email', `${emailLocal(b.first, b.last)}@${culture.emailDomain}`);
  const present = culture.preferred.filter(([ch]) => c.channels.has(ch));
  c.preferred = present.length > 0 ? rng.weighted(present) : (c.channels.keys().next().value as MessagingChannel);
  for (const [channel, value] of c.channels) {
    w.contact([
      id(c, b.createdMs),
      b.id,
      channel,
      value,
      channel === c.preferred ? 1 : 0,
      provenance(),
      rng.chance(0.75) ? isoDate(Math.min(b.endMs - DAY, b.createdMs + rng.range(0, 4) * YEAR)) : null,
      instant(b.createdMs),
    ]);
  }
  // People who are not clients have no contact point, assistants included (the write gate answers
  // NOT_A_CLIENT): an assistant's e-mail and telephone are drawn, to keep the stream, and not kept.
  for (const m of c.members) {
    if (m.role !== 'assistant') continue;
    id(c, m.createdMs);
    id(c, m.createdMs);
    phoneNumber(rng, culture.phone, true);
  }
}

function noticeAt(ctx: Ctx, t: number): string {
  let label = (ctx.notices[0] as { label: string }).label;
  for (const n of ctx.notices) if (n.ms <= t) label = n.label;
  return label;
}

function writeConsents(c: ClientCtx, grants: { personalisation: boolean; relMapping: boolean; analytics: boolean }): void {
  const { b, rng, w, ctx } = c;
  const first = ctx.notices[0] as { ms: number };
  const effective = Math.max(b.createdMs, first.ms + rng.int(0, 120) * DAY + rng.int(9 * 60, 18 * 60) * MINUTE);
  const imported = b.provenance === 'imported' && effective < ctx.migrationMs + 60 * DAY;
  const source = imported ? 'imported' : rng.weighted([['in_person', 5], ['signed_form', 4], ['digital', 2]] as const);
  const recorded = source === 'signed_form' ? Math.min(ctx.todayMs - HOUR, effective + rng.int(1, 3) * DAY) : effective;
  const evidence =
    source === 'imported'
      ? 'Migrated from the previous client register with its consent record'
      : source === 'signed_form'
        ? `Signed form ref. F-${yearOf(effective)}-${String(rng.int(1, 9999)).padStart(4, '0')}`
        : source === 'in_person'
          ? 'Given in conversation; confirmation e-mail sent'
          : 'Preference centre, confirmed by e-mail';
  const notice = noticeAt(ctx, effective);
  const rows: [Purpose, string | null][] = [['service', null]];
  if (grants.personalisation) rows.push(['personalisation', null]);
  for (const channel of c.channels.keys()) {
    if (rng.chance(channel === 'post' ? 0.7 : 0.86) || (b.withdraw === 'outreach' && channel === c.preferred)) {
      rows.push(['outreach', channel]);
      c.outreach.set(channel, { from: effective, until: Infinity });
    }
  }
  if (grants.relMapping) rows.push(['relationship_mapping', null]);
  if (grants.analytics) rows.push(['analytics', null]);
  for (const [purpose, channel] of rows) {
    w.consent([id(c, recorded), b.id, purpose, channel, 'grant', source, evidence, notice, instant(effective), instant(recorded)]);
  }
  // A newer notice, signed again at a later visit.
  const latest = ctx.notices[ctx.notices.length - 1] as { label: string; ms: number };
  if (latest.ms > effective && latest.ms < b.endMs && rng.chance(0.4)) {
    const t = Math.min(b.endMs - HOUR, latest.ms + rng.int(5, 300) * DAY + rng.int(9 * 60, 18 * 60) * MINUTE);
    if (t > latest.ms) {
      for (const [purpose, channel] of rows.filter(([p]) => p === 'personalisation' || p === 'analytics')) {
        w.consent([id(c, t), b.id, purpose, channel, 'grant', 'in_person', 'Updated notice read and accepted in boutique', latest.label, instant(t), instant(t)]);
      }
    }
  }
  if (b.withdraw) {
    const from = effective + 30 * DAY;
    const t = from < ctx.todayMs - DAY ? from + rng.float() * (ctx.todayMs - DAY - from) : ctx.todayMs - DAY;
    const when = startOfDay(t) + rng.int(8 * 60, 20 * 60) * MINUTE;
    b.withdrawnAt = when;
    let channel: string | null = null;
    if (b.withdraw === 'outreach') {
      const granted = [...c.outreach.keys()];
      const ch = granted.includes(c.preferred) && rng.chance(0.4) ? c.preferred : rng.pick(granted);
      channel = ch;
      const grant = c.outreach.get(ch);
      if (grant) grant.until = when;
    }
    const how = rng.weighted([['digital', 3], ['in_person', 2]] as const);
    const note = how === 'digital' ? (channel === 'email' ? 'Unsubscribe link in an e-mail' : 'Preference centre') : 'Asked in boutique; noted by the advisor';
    w.consent([id(c, when), b.id, b.withdraw, channel, 'withdraw', how, note, noticeAt(ctx, when), instant(when), instant(when)]);
  }
}

function writePreferences(c: ClientCtx): void {
  const { b, rng, w } = c;
  const count = b.tier === 'Prestige' ? rng.int(7, 11) : b.tier === 'Signature' ? rng.int(5, 8) : rng.int(2, 5);
  const options: [() => [string, string, string], number][] = [
    [() => ['size', 'ready-to-wear', rng.pick(SIZE_RTW[b.culture.sizes][b.gender])], 3],
    [() => ['size', 'shoe', rng.pick(SHOE[b.gender])], 2],
    [() => ['size', b.gender === 'F' ? 'ring' : 'signet ring', rng.pick(RING)], b.gender === 'F' ? 2 : 0.6],
    [() => ['size', 'wrist', `${rng.int(14, 19)}.${rng.pick(['0', '5'])} cm`], 0.6],
    [() => ['material', 'leather', rng.pick(PREFERENCE_VALUES.leather)], 1.5],
    [() => ['material', 'metal', rng.pick(PREFERENCE_VALUES.metal)], 1.5],
    [() => ['colour', 'favourite', rng.pick(PREFERENCE_VALUES.favourite)], 2],
    [() => ['colour', 'avoid', rng.pick(PREFERENCE_VALUES.avoid)], 0.8],
    [() => ['category', 'collects', rng.pick(PREFERENCE_VALUES.collects[c.favourites[0] ?? 'leather_goods'])], 2],
    [() => ['designer', 'line', rng.pick(PREFERENCE_VALUES.line)], 0.8],
    [() => ['fragrance', 'family', rng.pick(PREFERENCE_VALUES.fragranceFamily)], 1],
    [() => ['fragrance', 'wears', rng.pick(PREFERENCE_VALUES.wears)], 0.7],
    [() => ['dislike', 'dislikes', rng.pick(PREFERENCE_VALUES.dislikes)], 1.4],
    [() => ['service', 'service style', rng.pick(PREFERENCE_VALUES.service[b.gender])], 2.2],
    [() => ['language', 'correspondence', LANGUAGE_NAMES[b.language] ?? 'English'], 1],
  ];
  const seen = new Set<string>();
  for (let k = 0; k < count * 2 && seen.size < count; k++) {
    const [domain, label, value] = rng.weighted(options)();
    const key = `${domain}|${label}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const created = Math.min(b.endMs - HOUR, b.createdMs + rng.range(0, 0.8) * (b.endMs - b.createdMs));
    const provenance: Provenance =
      b.provenance === 'imported' && created < c.ctx.migrationMs + 30 * DAY ? 'imported' : rng.chance(0.55) ? 'declared' : 'observed';
    const review = rng.chance(0.7) ? isoDate(created + rng.float() * (b.endMs - DAY - created)) : null;
    const row = [id(c, created), b.id, domain, label, value, provenance, review, instant(created)];
    if (heldAt(b, 'personalisation', created)) w.preference(row);
    else w.skipPreference();
  }
  // The sizes and tastes of the people the client buys for.
  for (const m of c.members) {
    if (m.role !== 'spouse' && m.role !== 'child') continue;
    if (!rng.chance(0.4)) continue;
    const created = Math.min(b.endMs - HOUR, m.createdMs + rng.int(0, 300) * DAY);
    const choices: [string, string, string][] = [
      ['size', 'ready-to-wear', rng.pick(SIZE_RTW[b.culture.sizes][m.gender])],
      ['fragrance', 'family', rng.pick(PREFERENCE_VALUES.fragranceFamily)],
      ['colour', 'favourite', rng.pick(PREFERENCE_VALUES.favourite)],
    ];
    if (m.gender === 'F') choices.push(['size', 'ring', rng.pick(RING)]);
    for (const [domain, label, value] of rng.sample(choices, rng.int(1, 2))) {
      const row = [id(c, created), m.id, domain, label, value, rng.chance(0.7) ? 'declared' : 'observed', null, instant(created)];
      if (!c.dropped.has(m.id) && heldAt(b, 'relationship_mapping', created)) w.preference(row);
      else w.skipPreference();
    }
  }
}

// ——— the timeline

type BaseEvent = 'visit' | 'message' | 'call' | 'appointment' | 'event' | 'after_sales';

function eventWeights(b: Base): Weighted<BaseEvent> {
  const abroad = b.city.country !== 'FR';
  const prestige = b.tier === 'Prestige' ? 1.6 : b.tier === 'Essentiel' ? 0.55 : 1;
  return [
    ['visit', 24 * (abroad ? 0.55 : 1)],
    ['message', 31 * (abroad ? 1.35 : 1)],
    ['call', 17],
    ['appointment', 10 * prestige],
    ['event', 4.5 * prestige],
    ['after_sales', 3.5],
  ];
}

function recordPurchase(
  c: ClientCtx,
  t: number,
  channel: PurchaseRow['channel'],
  currency: Currency,
  forSomeone: boolean,
): PurchaseRow {
  const { rng } = c;
  let recipient: Member | null = null;
  if (forSomeone) {
    const pool = c.members.filter(
      (m) =>
        (m.role === 'spouse' && t < c.separatedAt && (m.untilMs === null || t < m.untilMs)) ||
        (m.role === 'child' && m.birthMs !== null && t - m.birthMs > 14 * YEAR) ||
        (m.role === 'parent' && (m.untilMs === null || t < m.untilMs)) ||
        m.role === 'grandchild',
    );
    recipient = pool.length > 0 ? rng.pick(pool) : null;
  }
  const table = recipient ? giftProductTable(recipient.gender, recipient.role === 'child' || recipient.role === 'grandchild') : c.products;
  // (purchases draw from the whole catalogue, candles included)
  const p = piece(c, table);
  const yearsAgo = (c.ctx.todayMs - t) / YEAR;
  const row: PurchaseRow = {
    t,
    product: p.product,
    item: invoiceItem(p.product, p.variant),
    amount: priceMinor(p.product.eur * p.variant.factor, yearsAgo, currency),
    currency,
    channel,
    recipient,
    piece: p,
  };
  c.purchases.push(row);
  // Follow-ups after a purchase: a few days, a couple of weeks.
  const [h0, h1] = contactHours(c);
  if (rng.chance(0.45)) {
    const v = lang(c);
    const ft = at(c, t + rng.int(2, 3) * DAY, h0, h1, false);
    const call = rng.chance(0.3);
    addInteraction(c, {
      t: ft,
      kind: call ? 'call' : 'message',
      direction: 'outbound',
      channel: call ? 'phone' : messagingChannel(c),
      note: exchangeNote(rng, v, 'followup_days', exchangeCtx(c, p, recipient, call)),
      discreet: 0,
    });
  }
  if (rng.chance(0.14)) {
    const v = lang(c);
    addInteraction(c, {
      t: at(c, t + rng.int(12, 16) * DAY, h0, h1, false),
      kind: 'call',
      direction: 'outbound',
      channel: 'phone',
      note: exchangeNote(rng, v, 'followup_weeks', exchangeCtx(c, p, recipient, true)),
      discreet: 0,
    });
  }
  return row;
}

function exchangeCtx(c: ClientCtx, p: PieceRef, comp: Companion | null, call = false): Parameters<typeof exchangeNote>[3] {
  const assistant = c.members.find((m) => m.role === 'assistant') ?? null;
  const event = c.rng.pick(EVENTS.filter((e) => !e.months));
  const [categoryEn, categoryFr] = CATEGORY_WORDS[c.favourites[0] ?? p.product.category];
  return {
    piece: p,
    size: sizeFor(c, p.product),
    companion: comp,
    assistant,
    travelCity: c.rng.pick(TRAVEL_CITIES),
    event,
    categoryEn,
    categoryFr,
    call,
  };
}

function occasionFor(c: ClientCtx, recipient: Member | null, t: number): [string | null, string | null] {
  if (!recipient) return [null, null];
  if (monthOf(t) === 11) return ['Christmas', 'Noël'];
  if (recipient.role === 'spouse') return c.rng.pick([['birthday', 'son anniversaire'], ['wedding anniversary', 'leur anniversaire de mariage']] as const);
  if (recipient.role === 'child' && recipient.birthMs !== null) {
    const age = Math.round((t - recipient.birthMs) / YEAR);
    if (age >= 17 && age <= 24 && c.rng.chance(0.4)) return ['graduation', 'son diplôme'];
    if (age === 18) return ['18th birthday', 'ses 18 ans'];
  }
  return ['birthday', 'son anniversaire'];
}

function simulate(c: ClientCtx): void {
  const { b, rng } = c;
  const weights = eventWeights(b);
  const years = (c.we - c.ws) / YEAR;
  const rate = (b.tier === 'Prestige' ? 28 : b.tier === 'Signature' ? 14.6 : 7.7) * rng.range(0.65, 1.35);
  const count = rng.poisson(rate * years);
  const times: number[] = [];
  while (times.length < count) {
    const t = c.ws + rng.float() * (c.we - c.ws);
    if (rng.float() * 1.5 < (SEASON[monthOf(t)] ?? 1)) times.push(t);
  }
  // Active clients have been in touch in the last year.
  if (b.state === 'active' && c.we - c.ws > 60 * DAY && !times.some((t) => t > c.we - YEAR)) {
    times.push(c.we - rng.range(5, Math.min(300, (c.we - c.ws) / DAY - 1)) * DAY);
  }
  times.sort((x, y) => x - y);

  const [h0, h1] = contactHours(c);
  const referrer = b.referrer ? formalName(b.referrer) : null;
  if (b.sinceMs >= c.ws) {
    const t = at(c, b.sinceMs + 10 * HOUR, 9, 17, true);
    const v = lang(c);
    addInteraction(c, { t, kind: 'visit', direction: 'inbound', channel: 'boutique', note: firstVisitNote(rng, v, referrer, b.city.name), discreet: 0 });
    if (rng.chance(0.85)) recordPurchase(c, t, 'boutique', 'EUR', false);
  }

  for (const raw of times) {
    const kind = rng.weighted(weights);
    const v = lang(c);
    switch (kind) {
      case 'visit': {
        const t = at(c, raw, 9, 17, true);
        const comp = companion(c, t, 0.25);
        const buys = rng.chance(b.tier === 'Prestige' ? 0.5 : b.tier === 'Signature' ? 0.42 : 0.34);
        if (buys) {
          const p = recordPurchase(c, t, 'boutique', 'EUR', rng.chance(0.22));
          const [occEn, occFr] = occasionFor(c, p.recipient, t);
          addInteraction(c, {
            t,
            kind: 'visit',
            direction: 'inbound',
            channel: 'boutique',
            note: purchaseNote(rng, v, { piece: p.piece, recipient: p.recipient, occasionEn: occEn, occasionFr: occFr, place: 'boutique', city: b.city.name }),
            discreet: 0,
          });
        } else {
          const p = piece(c);
          addInteraction(c, {
            t,
            kind: 'visit',
            direction: 'inbound',
            channel: 'boutique',
            note: browseNote(rng, v, { piece: p, companion: comp, size: sizeFor(c, p.product) }),
            discreet: 0,
          });
        }
        break;
      }
      case 'appointment': {
        const abroad = b.city.country !== 'FR';
        const place = rng.weighted<Place>([
          ['private_salon', 40],
          ['boutique', 32],
          ['hotel', abroad ? 22 : 2],
          ['home', b.tier === 'Prestige' && !abroad ? 12 : 1.5],
        ]);
        const t = at(c, raw, 8, 16, true);
        const starts = startOfDay(t) + (rng.int(8, 16) * 60 + rng.pick([0, 30])) * MINUTE;
        const p = piece(c);
        const [collEn, collFr] = rng.pick(COLLECTIONS);
        const comp = companion(c, starts, 0.2);
        const actx = { place, collectionEn: collEn, collectionFr: collFr, piece: p, companion: comp };
        const booked = Math.max(c.ws, starts - rng.int(2, 20) * DAY - rng.int(0, 400) * MINUTE);
        if (rng.chance(0.08)) {
          // Cancelled: a message a day or two before, the appointment kept as cancelled.
          const ct = at(c, starts - rng.int(1, 2) * DAY, h0, h1, false);
          addInteraction(c, {
            t: ct,
            kind: 'message',
            direction: 'inbound',
            channel: messagingChannel(c),
            note: exchangeNote(rng, v, 'cancel', exchangeCtx(c, p, comp)),
            discreet: 0,
          });
          c.appointments.push({ starts, ends: starts + 60 * MINUTE, place, purpose: appointmentPurpose(rng, { ...actx, recipient: null }), status: 'cancelled', note: null, created: booked });
          break;
        }
        const ends = starts + rng.pick([45, 60, 60, 90, 120]) * MINUTE;
        let note: string;
        if (rng.chance(0.55)) {
          const channel = place === 'boutique' ? 'boutique' : 'private_salon';
          const pr = recordPurchase(c, starts, channel, 'EUR', rng.chance(0.25));
          const [occEn, occFr] = occasionFor(c, pr.recipient, starts);
          note = purchaseNote(rng, v, { piece: pr.piece, recipient: pr.recipient, occasionEn: occEn, occasionFr: occFr, place, city: b.city.name });
        } else {
          note = appointmentNote(rng, v, actx);
        }
        addInteraction(c, { t: starts, kind: 'appointment', direction: rng.chance(0.5) ? 'inbound' : 'outbound', channel: place, note, discreet: 0 });
        c.appointments.push({
          starts,
          ends,
          place,
          purpose: appointmentPurpose(rng, { ...actx, recipient: null }),
          status: 'done',
          note: rng.chance(0.3) ? appointmentPrep(rng, c.voiceEn, actx) : null,
          created: booked,
        });
        break;
      }
      case 'call':
      case 'message': {
        const call = kind === 'call';
        const channel: string = call ? 'phone' : messagingChannel(c);
        let t = at(c, raw, h0, h1, false);
        let direction: 'inbound' | 'outbound' = rng.chance(0.55) ? 'outbound' : 'inbound';
        let exchange: Exchange = 'quiet';
        const p = piece(c);
        const hasAssistant = c.members.some((m) => m.role === 'assistant');
        if (direction === 'outbound') {
          const month = monthOf(t);
          exchange =
            (month === 11 && new Date(t).getUTCDate() > 20) || (month === 0 && new Date(t).getUTCDate() < 8)
              ? 'wishes'
              : rng.weighted<Exchange>([
                  ['news', 4],
                  ['invitation', 2.5],
                  ['courtesy', 3],
                  ['answer', 2.5],
                  ['birthday', 1],
                ]);
          const reach: MessagingChannel = call ? 'phone' : (channel as MessagingChannel);
          if (OUTREACH.has(exchange) && (!outreachOk(c, reach, t) || (t >= c.quietFrom && t < c.quietUntil))) {
            direction = 'inbound';
          }
        }
        if (direction === 'inbound') {
          exchange = rng.weighted<Exchange>([
            ['availability', 3],
            ['reserve', 2],
            ['thanks', 2],
            ['quiet', 2],
            ['assistant', hasAssistant ? 3 : 0],
            ['courtesy', 1.5],
          ]);
          // Clients write in their own day.
          const offset = UTC_OFFSET[b.city.timeZone] ?? 1;
          if (!call) t = at(c, raw, Math.max(0, 8 - offset), Math.min(22, 21 - offset), false);
          if (rng.chance(0.09)) {
            const currency: Currency = rng.chance(0.25) ? (HOME_CURRENCY[b.city.country] ?? 'EUR') : 'EUR';
            const pr = recordPurchase(c, t, 'remote', currency, rng.chance(0.3));
            const [occEn, occFr] = occasionFor(c, pr.recipient, t);
            addInteraction(c, {
              t,
              kind,
              direction,
              channel,
              note: purchaseNote(rng, v, { piece: pr.piece, recipient: pr.recipient, occasionEn: occEn, occasionFr: occFr, place: 'remote', city: b.city.name }),
              discreet: 0,
            });
            break;
          }
        }
        const comp = companion(c, t, 0.3);
        const note = rng.chance(0.05) ? null : exchangeNote(rng, v, exchange, exchangeCtx(c, p, comp, call));
        addInteraction(c, { t, kind, direction, channel, note, discreet: 0 });
        break;
      }
      case 'event': {
        const abroad = b.city.country !== 'FR';
        const trunk = abroad && rng.chance(0.55);
        const event: MaisonEvent = trunk ? { en: 'trunk show', fr: 'trunk show', trunkShow: true } : rng.pick(eventsIn(monthOf(raw)));
        const showCity = b.city.trunkShow;
        const t = trunk
          ? at(c, raw, 11 - (SHOW_OFFSET[showCity] ?? 1), 17 - (SHOW_OFFSET[showCity] ?? 1), false)
          : at(c, raw, 17, 18, false);
        const attended = rng.chance(0.75);
        const comp = companion(c, t, 0.35);
        const p = piece(c);
        const ectx = { event, companion: comp, piece: p, city: showCity };
        if (attended && trunk && rng.chance(0.45)) {
          const pr = recordPurchase(c, t, 'trunk_show', TRUNK_SHOW_CURRENCY[showCity] ?? 'EUR', rng.chance(0.2));
          addInteraction(c, {
            t,
            kind: 'event',
            direction: 'outbound',
            channel: 'event',
            note: purchaseNote(rng, v, { piece: pr.piece, recipient: pr.recipient, occasionEn: null, occasionFr: null, place: 'trunk_show', city: showCity }),
            discreet: 0,
          });
        } else {
          addInteraction(c, { t, kind: 'event', direction: attended ? 'outbound' : 'inbound', channel: 'event', note: eventNote(rng, v, attended, ectx), discreet: 0 });
        }
        break;
      }
      case 'after_sales': {
        const t = at(c, raw, 9, 17, true);
        openCase(c, t, v);
        break;
      }
    }
  }
}

interface PendingAppointment {
  starts: number;
  ends: number | null;
  place: Place;
  purpose: string | null;
  status: 'planned' | 'done' | 'cancelled';
  note: string | null;
  created: number;
}
const SERVICE_NOUN: Record<ServiceKind, string> = { repair: 'repair', resize: 'resizing', engraving: 'engraving', cleaning: 'cleaning' };

interface PendingCase {
  opened: number;
  kind: ServiceKind;
  item: string;
  /** "Constellation ring", for an appointment's purpose. */
  short: string;
  status: 'open' | 'in_progress' | 'ready' | 'closed';
  closed: number | null;
  note: string | null;
}
interface PendingGift {
  t: number;
  /** The catalogue's wording, to never give the same thing twice to the same person. */
  key: string;
  recipientId: string;
  occasion: Occasion;
  item: string;
  note: string | null;
}


function openCase(c: ClientCtx, t: number, v: Voice): void {
  const { rng } = c;
  const owned = c.purchases.filter((p) => p.t < t - 20 * DAY && p.product.service.length > 0 && p.recipient === null);
  let product: Product;
  let itemEn: string;
  if (owned.length > 0) {
    const p = rng.pick(owned);
    product = p.product;
    itemEn = p.item;
  } else {
    const p = piece(c);
    product = p.product;
    if (product.service.length === 0) return;
    itemEn = `${invoiceItem(p.product, p.variant)} (bought before ${yearOf(c.ws)})`;
  }
  const kind = rng.pick(product.service);
  const [detailEn, detailFr] = serviceDetail(rng, product, kind);
  const age = c.ctx.todayMs - t;
  let status: PendingCase['status'];
  let closed: number | null = null;
  if (age > 75 * DAY || c.b.state !== 'active') {
    status = 'closed';
    closed = Math.min(c.we - HOUR, t + rng.int(8, 45) * DAY);
    if (closed <= t) closed = t + HOUR;
  } else {
    status = age < 12 * DAY ? 'open' : age < 35 * DAY ? 'in_progress' : 'ready';
  }
  const her = c.b.gender === 'F' ? 'her' : 'his';
  const sctx = {
    item: `${her} ${product.en.replace(/,.*$/, '')}`,
    itemFr: product.fr,
    kind,
    kindFr: SERVICE_FR[kind].bare,
    kindFrDef: SERVICE_FR[kind].def,
    detailEn,
    detailFr,
  };
  addInteraction(c, { t, kind: 'after_sales', direction: 'inbound', channel: 'boutique', note: serviceNote(rng, v, false, sctx), discreet: 0 });
  if (closed !== null || status === 'ready') {
    const [h0, h1] = contactHours(c);
    const readyAt = closed !== null ? Math.max(t + HOUR, closed - rng.int(0, 3) * DAY) : c.ctx.todayMs - rng.int(1, 20) * DAY;
    const rt = Math.max(t + HOUR, at(c, readyAt, h0, h1, false));
    addInteraction(c, {
      t: rt,
      kind: 'after_sales',
      direction: 'outbound',
      channel: rng.chance(0.5) ? 'phone' : messagingChannel(c),
      note: serviceNote(rng, v, true, sctx),
      discreet: 0,
    });
  }
  c.cases.push({
    opened: t,
    kind,
    item: itemEn,
    short: product.en.replace(/,.*$/, ''),
    status,
    closed,
    note: v.lang === 'fr' ? `${detailFr.charAt(0).toUpperCase()}${detailFr.slice(1)}.` : `${detailEn.charAt(0).toUpperCase()}${detailEn.slice(1)}.`,
  });
}

function serviceDetail(rng: Rng, product: Product, kind: ServiceKind): readonly [string, string] {
  const shoes = /boots|loafers/.test(product.en);
  const ring = /\bring\b|solitaire/.test(product.en);
  if (kind === 'repair' && shoes) return ['heels to re-tip', 'talons à refaire'];
  if (product.category === 'jewellery' && kind === 'engraving' && !ring) return ['initials on the reverse', 'initiales au revers'];
  if (product.category === 'jewellery' && kind === 'resize') {
    return ring
      ? rng.pick([['ring from 52 to 54', 'bague de 52 à 54'], ['ring from 55 to 53', 'bague de 55 à 53'], ['ring from 50 to 51', 'bague de 50 à 51']] as const)
      : ['one size down', 'reprendre d’une taille'];
  }
  if (kind === 'repair' && /belt/.test(product.en)) return ['buckle to re-fix', 'boucle à refixer'];
  if (kind === 'repair' && /wallet/.test(product.en)) return ['worn corners, re-dyeing', 'coins usés, reteinte'];
  const options = SERVICE_DETAILS[kind][product.category].filter(([en]) => en !== 'heels to re-tip' && en !== '');
  return options.length > 0 ? rng.pick(options) : ['general check', 'contrôle général'];
}

/** Life moments, discreet situations, and the maison's gifts that go with them. */
function lifeAndGifts(c: ClientCtx): void {
  const { b, rng, ctx } = c;
  const today = ctx.todayMs;
  const her = b.gender === 'F' ? 'her' : 'his';
  const moment = (personId: string, kind: string, date: string, recurring: 0 | 1, label: string | null, note: string | null, createdMs: number, provenance: Provenance = 'declared'): void => {
    c.moments.push({ personId, kind, date, recurring, label, note, provenance, createdMs: Math.min(b.endMs - HOUR, Math.max(b.createdMs, createdMs)) });
  };
  const noted = (): number => b.createdMs + rng.float() * Math.max(0, b.endMs - HOUR - b.createdMs);

  // Discreet situations: about one client in sixteen.
  if (rng.chance(0.065) && c.we - c.ws > 90 * DAY) {
    const t = at(c, c.ws + rng.range(0.3, 0.97) * (c.we - c.ws), 9, 17, false);
    // A marriage that ends had lasted a while.
    const spouse = c.members.find((m) => m.role === 'spouse' && m.sinceMs !== null && m.sinceMs < t - 2 * YEAR);
    const parent = c.members.find((m) => m.role === 'parent');
    const kind = rng.weighted<Discretion>([
      ['separation', spouse ? 3 : 0],
      ['widowed', spouse && today - b.birthMs > 55 * YEAR ? 1.2 : 0],
      ['bereavement', 3],
      ['business', 1.5],
      ['private_purchases', 1.5],
      ['difficult_year', 1.2],
    ]);
    const parentEn = parent ? parent.en : rng.pick(['father', 'mother']);
    const parentFr = parentEn === 'father' ? 'son père' : 'sa mère';
    const spouseWords = spouse ? { en: spouse.en, fr: spouse.frPoss } : b.gender === 'F' ? { en: 'husband', fr: 'son mari' } : { en: 'wife', fr: 'sa femme' };
    const v = lang(c);
    const inPerson = rng.chance(0.6);
    addInteraction(c, {
      t,
      kind: inPerson ? 'visit' : 'call',
      direction: 'inbound',
      channel: inPerson ? 'boutique' : 'phone',
      note: discreetNote(rng, v, kind, { en: parentEn, fr: parentFr }, spouseWords),
      discreet: 1,
    });
    if ((kind === 'separation' || kind === 'widowed') && spouse) {
      spouse.untilMs = startOfDay(t - rng.int(5, 60) * DAY);
      c.separatedAt = spouse.untilMs;
    }
    if (kind === 'bereavement' || kind === 'widowed') {
      const lost = kind === 'widowed' && spouse?.untilMs != null ? spouse.untilMs : startOfDay(t - rng.int(5, 40) * DAY);
      if (kind === 'bereavement' && parent) parent.untilMs = lost;
      const whom = kind === 'widowed' ? (spouse?.en ?? 'husband') : parentEn;
      moment(b.id, 'bereavement', isoDate(lost), 0, `Loss of ${her} ${whom}`, 'Quiet period: nothing festive, no outreach for six months.', t);
      c.quietFrom = lost;
      c.quietUntil = lost + 6 * MONTH;
      if (lost > c.ws && rng.chance(0.9)) {
        const giftItem = rng.pick(GIFTS.filter((g) => g.occasions.includes('condolences')));
        const gt = at(c, lost + rng.int(2, 8) * DAY, 9, 16, false);
        if (gt < c.we) giveGift(c, gt, null, 'condolences', giftItem.en, giftItem.fr);
      }
    }
  }

  if (b.birthKnown !== 'none') moment(b.id, 'birthday', monthDay(b.birthMs), 1, 'Birthday', null, noted());

  const spouse = c.members.find((m) => m.role === 'spouse');
  if (spouse && spouse.sinceMs !== null && spouse.untilMs === null && rng.chance(0.55)) {
    moment(b.id, 'wedding_anniversary', monthDay(spouse.sinceMs), 1, 'Wedding anniversary', `Married in ${yearOf(spouse.sinceMs)}`, noted());
  }
  for (const m of c.members) {
    if (m.role === 'spouse' && m.untilMs === null && rng.chance(0.5)) {
      const md = m.birthMs !== null ? monthDay(m.birthMs) : monthDay(Date.UTC(2001, rng.int(0, 11), rng.int(1, 28)));
      moment(m.id, 'birthday', md, 1, `${m.first}'s birthday`, null, m.createdMs + rng.int(0, 200) * DAY);
    }
    if ((m.role === 'child' || m.role === 'grandchild') && m.birthMs !== null) {
      if (rng.chance(m.role === 'child' ? 0.7 : 0.5)) moment(m.id, 'birthday', monthDay(m.birthMs), 1, `${m.first}'s birthday`, null, m.createdMs + rng.int(0, 200) * DAY);
      if (m.role === 'grandchild' && m.birthMs > c.ws && m.birthMs < c.we) {
        moment(b.id, 'child_milestone', isoDate(m.birthMs), 0, `Birth of ${her} ${m.en} ${m.first}`, null, m.birthMs + rng.int(1, 20) * DAY);
        if (rng.chance(0.75)) {
          const giftItem = rng.pick(GIFTS.filter((g) => g.occasions.includes('birth')));
          const gt = at(c, m.birthMs + rng.int(3, 15) * DAY, 9, 16, false);
          giveGift(c, gt, m, 'birth', giftItem.en, giftItem.fr);
        }
      }
    }
    if (m.role === 'child' && m.birthMs !== null) {
      // Baccalauréat or graduation in the window, or coming up.
      for (const [age, labelFn] of [
        [18, (f: string) => `${f}'s baccalauréat results`],
        [22, (f: string) => `${f}'s graduation`],
      ] as const) {
        const when = Date.UTC(yearOf(m.birthMs) + age, rng.pick([5, 6]), rng.int(1, 28));
        if (when > c.ws && when < today + 60 * DAY && rng.chance(0.6)) {
          moment(m.id, 'child_milestone', isoDate(when), 0, labelFn(m.first), null, Math.min(when, today - DAY) - rng.int(10, 120) * DAY);
          if (when < c.we && age === 22 && rng.chance(0.35)) {
            const giftItem = rng.pick(GIFTS.filter((g) => g.occasions.includes('graduation')));
            giveGift(c, at(c, when + rng.int(1, 10) * DAY, 9, 16, false), m, 'graduation', giftItem.en, giftItem.fr);
          }
        }
      }
      const childAge = (today - m.birthMs) / YEAR;
      if (childAge > 26 && childAge < 36 && rng.chance(0.12)) {
        const when = startOfDay(today + rng.range(-2 * YEAR, 8 * MONTH));
        if (when > c.ws) {
          moment(m.id, 'wedding', isoDate(when), 0, `${m.first}'s wedding`, null, Math.min(when, today) - rng.int(30, 200) * DAY);
          if (when < c.we && rng.chance(0.6)) {
            const giftItem = rng.pick(GIFTS.filter((g) => g.occasions.includes('wedding')));
            giveGift(c, at(c, when - rng.int(1, 10) * DAY, 9, 16, false), m, 'wedding', giftItem.en, giftItem.fr);
          }
        }
      }
    }
  }
  if (rng.chance(0.12) && c.we - c.ws > 60 * DAY) {
    const when = startOfDay(c.ws + rng.float() * (c.we - c.ws));
    moment(b.id, 'new_home', isoDate(when), 0, rng.pick(NEW_HOME), null, when + rng.int(1, 30) * DAY);
    if (rng.chance(0.5)) {
      const giftItem = rng.pick(GIFTS.filter((g) => g.occasions.includes('new home')));
      giveGift(c, at(c, when + rng.int(5, 25) * DAY, 9, 16, false), null, 'new home', giftItem.en, giftItem.fr);
    }
  }
  if (rng.chance(0.09) && c.we - c.ws > 60 * DAY) {
    const when = startOfDay(c.ws + rng.float() * (c.we - c.ws));
    const label = rng.pick(NEW_ROLE).replace('her own', `${her} own`);
    moment(b.id, 'new_role', isoDate(when), 0, label, null, when + rng.int(1, 30) * DAY);
    if (rng.chance(0.4)) {
      const giftItem = rng.pick(GIFTS.filter((g) => g.occasions.includes('new role')));
      giveGift(c, at(c, when + rng.int(3, 20) * DAY, 9, 16, false), null, 'new role', giftItem.en, giftItem.fr);
    }
  }
  if (rng.chance(0.2)) {
    const ahead = b.state === 'active' && rng.chance(0.55);
    const when = ahead ? startOfDay(today + rng.int(3, 75) * DAY) : startOfDay(c.ws + rng.float() * (c.we - c.ws));
    moment(b.id, 'travel', isoDate(when), 0, rng.pick(TRAVEL), ahead ? 'Ask how it went when back.' : null, (ahead ? today - rng.int(2, 40) * DAY : when - rng.int(5, 40) * DAY));
  }

  // The maison's calendar of gifts: birthdays, Christmas, anniversaries.
  const gifting = b.tier === 'Prestige' ? 1 : b.tier === 'Signature' ? 0.4 : 0.06;
  for (let y = yearOf(c.ws); y <= yearOf(c.we); y++) {
    if (b.birthKnown !== 'none' && rng.chance(0.65 * gifting)) {
      const t = at(c, inYear(b.birthMs, y) - rng.int(0, 2) * DAY, 8, 15, false);
      pickGift(c, t, null, 'birthday');
    }
    if (rng.chance(0.5 * gifting)) {
      const t = at(c, Date.UTC(y, 11, rng.int(14, 22)), 8, 15, false);
      pickGift(c, t, null, 'Christmas');
    }
    if (spouse && spouse.birthMs !== null && rng.chance(0.15 * gifting)) {
      pickGift(c, at(c, inYear(spouse.birthMs, y) - DAY, 8, 15, false), spouse, 'birthday');
    }
    if (rng.chance(0.12 * gifting)) {
      pickGift(c, at(c, c.ws + rng.float() * (c.we - c.ws), 8, 15, false), null, 'thank you');
    }
  }
}

function pickGift(c: ClientCtx, t: number, recipient: Member | null, occasion: Occasion): void {
  if (t < c.ws || t >= c.we) return;
  if (t >= c.quietFrom && t < c.quietUntil && occasion !== 'condolences') return;
  if (recipient && (t >= c.separatedAt || (recipient.untilMs !== null && t >= recipient.untilMs))) return;
  const recipientId = recipient ? recipient.id : c.b.id;
  const given = new Set(c.gifts.filter((g) => g.recipientId === recipientId).map((g) => g.key));
  const options = GIFTS.filter((g) => g.occasions.includes(occasion) && !given.has(g.en));
  if (options.length === 0) return;
  const g = c.rng.pick(options);
  giveGift(c, t, recipient, occasion, g.en, g.fr);
}

/** How a gift note says what the gift was for, in English and French. */
function giftPurpose(c: ClientCtx, occasion: Occasion, recipient: Member | null): [string, string] {
  const her = c.b.gender === 'F' ? 'her' : 'his';
  const la = c.b.gender === 'F' ? 'la' : 'le';
  if (recipient) {
    const f = recipient.first;
    const d = /^[AEIOUÉÈÊÂÎÔY]/i.test(f) ? "d'" : 'de ';
    switch (occasion) {
      case 'birth':
        return [`for the birth of ${her} ${recipient.en} ${f}`, `pour la naissance ${d}${f}`];
      case 'graduation':
        return [`for ${f}'s graduation`, `pour le diplôme ${d}${f}`];
      case 'wedding':
        return [`for ${f}'s wedding`, `pour le mariage ${d}${f}`];
      default:
        return [`for ${f}'s birthday`, `pour l'anniversaire ${d}${f}`];
    }
  }
  switch (occasion) {
    case 'birthday':
      return [`for ${her} birthday`, 'pour son anniversaire'];
    case 'Christmas':
      return ['for Christmas', 'pour Noël'];
    case 'thank you':
      return ['to say thank you', `pour ${la} remercier`];
    case 'new home':
      return [`for ${her} new home`, 'pour son emménagement'];
    case 'new role':
      return [`for ${her} new role`, 'pour sa nomination'];
    case 'wedding anniversary':
      return [`for ${her} wedding anniversary`, 'pour leur anniversaire de mariage'];
    default:
      return ['', ''];
  }
}

function giveGift(c: ClientCtx, t: number, recipient: Member | null, occasion: Occasion, itemEn: string, itemFr: string): void {
  if (t < c.ws || t >= c.we) return;
  const v = lang(c);
  const [forEn, forFr] = giftPurpose(c, occasion, recipient);
  const note =
    occasion === 'condolences'
      ? v.lang === 'fr'
        ? `Envoyé ${itemFr} avec un mot, sobre.`
        : `Sent ${itemEn} with a short, simple note.`
      : giftNote(c.rng, v, { itemEn, itemFr, forEn, forFr });
  addInteraction(c, { t, kind: 'gift', direction: 'outbound', channel: c.rng.chance(0.7) ? 'courier' : 'boutique', note, discreet: 0 });
  c.gifts.push({
    t,
    recipientId: recipient ? recipient.id : c.b.id,
    occasion,
    key: itemEn,
    // The ledger names the thing: "Box of calissons", "White roses".
    item: capitalise(itemEn.replace(/^(a|an|the) /, '')),
    note: c.rng.chance(0.4) ? c.rng.pick(['Hand-written card.', 'Delivered to the hotel.', 'Card signed by the whole team.', 'Delivered by hand.']) : null,
  });
}

function planAhead(c: ClientCtx): void {
  const { b, rng, ctx } = c;
  if (b.state !== 'active') return;
  const chance = b.index === 0 ? 1 : b.tier === 'Prestige' ? 0.3 : b.tier === 'Signature' ? 0.12 : 0.045;
  if (!rng.chance(chance)) return;
  // Within the coming month (the boutique is closed on Sundays); one of them today.
  let day = b.index === 1 ? ctx.todayMs : ctx.todayMs + (b.index === 0 ? rng.int(1, 9) : rng.int(0, 29)) * DAY;
  if (weekday(day) === 0) day = day - DAY >= ctx.todayMs ? day - DAY : day + DAY;
  const starts = day + (rng.int(8, 16) * 60 + rng.pick([0, 30])) * MINUTE;
  const abroad = b.city.country !== 'FR';
  const place = rng.weighted<Place>([
    ['private_salon', 45],
    ['boutique', 30],
    ['hotel', abroad ? 25 : 2],
    ['home', b.tier === 'Prestige' ? 8 : 1],
  ]);
  const p = piece(c);
  const [collEn, collFr] = rng.pick(COLLECTIONS);
  const actx = { place, collectionEn: collEn, collectionFr: collFr, piece: p, companion: null };
  const ready = c.cases.find((k) => k.status === 'ready');
  const recipient = c.members.find((m) => m.role === 'spouse' && m.untilMs === null) ?? null;
  const purpose = ready && rng.chance(0.6) ? `Collect the ${ready.short} after ${SERVICE_NOUN[ready.kind]}` : appointmentPurpose(rng, { ...actx, recipient });
  const booked = Math.max(b.createdMs, startOfDay(ctx.todayMs - rng.int(1, 21) * DAY) + rng.int(9 * 60, 18 * 60) * MINUTE);
  c.appointments.push({
    starts,
    ends: starts + rng.pick([45, 60, 90]) * MINUTE,
    place,
    purpose,
    status: 'planned',
    note: rng.chance(0.65) ? appointmentPrep(rng, c.voiceEn, actx) : null,
    created: Math.min(booked, ctx.todayMs - HOUR),
  });
}

/**
 * Opens a client's own stream: its first draws are their favourite categories and the purposes
 * they ever granted. Called once when the book is planned (for the grants, which decide what the
 * client rows and the links between clients may hold) and again, from the start, to detail them.
 */
function openClient(b: Base, ctx: { seed: number }): { rng: Rng; favourites: Category[]; grants: Grants } {
  const rng = new Rng(ctx.seed, 2 + 2 * b.index);
  const favourites = rng.sample(
    ['leather_goods', 'ready_to_wear', 'jewellery', 'watches', 'fragrance'] as Category[],
    rng.int(1, 2),
  );
  const grants = {
    personalisation: b.withdraw === 'personalisation' || rng.chance(0.88),
    relMapping: b.withdraw === 'relationship_mapping' || rng.chance(0.94),
    analytics: b.withdraw === 'analytics' || rng.chance(0.6),
  };
  return { rng, favourites, grants };
}

function detailClient(w: Writer, b: Base, ctx: Ctx): void {
  const { rng, favourites, grants } = openClient(b, ctx);
  const ws = Math.max(b.sinceMs, startOfDay(ctx.todayMs - HISTORY_YEARS * YEAR));
  const frenchShare = b.language === 'fr' ? b.culture.frenchNotes : b.language === 'de' ? 0.4 : b.culture.frenchNotes;
  const products = productTable(b.gender, b.tier, favourites);
  const c: ClientCtx = {
    b,
    rng,
    w,
    ctx,
    ws,
    we: Math.max(ws + DAY, b.endMs),
    members: [],
    voiceEn: { lang: 'en' as Lang, female: b.gender === 'F' },
    voiceFr: { lang: 'fr' as Lang, female: b.gender === 'F' },
    frenchShare,
    products,
    showable: products.filter(([p]) => p.eur >= 200 && p.en !== 'discovery set, five fragrances' && !p.en.startsWith('bespoke')),
    favourites,
    channels: new Map(),
    preferred: 'email',
    outreach: new Map(),
    interactions: [],
    purchases: [],
    moments: [],
    appointments: [],
    cases: [],
    gifts: [],
    quietUntil: -1,
    quietFrom: -1,
    separatedAt: Infinity,
    circle: { person: [], relation: [] },
    dropped: new Set(),
  };

  buildMembers(c, grants.relMapping);
  lifeAndGifts(c); // may end a marriage (relation.until) before the members are written
  writeMembers(c);
  writeContacts(c);
  writeConsents(c, grants);
  keepCircle(c);
  writePreferences(c);
  simulate(c);
  if (b.state === 'dormant') {
    const t = at(c, c.we - rng.int(1, 20) * DAY, 9, 17, false);
    addInteraction(c, { t, kind: 'message', direction: 'inbound', channel: messagingChannel(c), note: dormantNote(rng, lang(c), rng.pick(TRAVEL_CITIES)), discreet: 0 });
  }
  if (b.state === 'restricted') {
    const t = c.we - rng.int(2, 8) * HOUR;
    addInteraction(c, { t, kind: 'message', direction: 'inbound', channel: messagingChannel(c), note: exchangeNote(rng, lang(c), 'restricted', exchangeCtx(c, piece(c), null)), discreet: 0 });
    // The restriction itself is recorded an hour after the client's message asking for it.
    b.restrictedAt = Math.min(ctx.todayMs - MINUTE, t + HOUR);
  }
  planAhead(c);
  // A purchase worth remembering: its anniversary.
  const notable = c.purchases.find(
    (p) => p.t >= c.ws && (p.product.category === 'jewellery' || p.product.category === 'watches') && p.product.eur >= 9000 && p.recipient === null,
  );
  if (notable && rng.chance(0.45)) {
    c.moments.push({
      personId: b.id,
      kind: 'purchase_anniversary',
      date: monthDay(notable.t),
      recurring: 1,
      label: `${capitalise(notable.product.en.replace(/,.*$/, ''))}, bought in ${yearOf(notable.t)}`,
      note: null,
      provenance: 'observed',
      createdMs: Math.min(b.endMs - HOUR, notable.t + DAY),
    });
  }

  c.interactions.sort((x, y) => x.t - y.t);
  for (const r of c.interactions) {
    const created = Math.min(ctx.todayMs - MINUTE, r.t + rng.int(0, 45) * MINUTE);
    w.interaction([id(c, created), b.id, instant(r.t), r.kind, r.direction, r.channel, r.note, r.discreet, instant(created)]);
  }
  for (const p of c.purchases) {
    if (p.t < c.ws || p.t >= c.we) continue;
    // Bought for someone left out of the circle: the purchase stays, without whom it was for.
    const recipient = p.recipient && !c.dropped.has(p.recipient.id) ? p.recipient.id : null;
    w.purchase([id(c, p.t), b.id, instant(p.t), p.product.category, p.item, p.amount, p.currency, p.channel, recipient, instant(p.t)]);
  }
  c.appointments.sort((x, y) => x.starts - y.starts);
  for (const a of c.appointments) {
    if (a.status !== 'planned' && (a.starts < c.ws || a.starts >= c.we)) continue;
    w.appointment([id(c, a.created), b.id, instant(a.starts), a.ends === null ? null : instant(a.ends), a.place, a.purpose, a.status, a.note, instant(a.created)]);
  }
  for (const k of c.cases) {
    w.afterSales([id(c, k.opened), b.id, instant(k.opened), k.kind, k.item, k.status, k.closed === null ? null : instant(k.closed), k.note, instant(k.opened)]);
  }
  c.gifts.sort((x, y) => x.t - y.t);
  for (const g of c.gifts) {
    const row = [id(c, g.t), b.id, g.recipientId, instant(g.t), g.occasion, g.item, g.note, instant(g.t)];
    if (heldAt(b, 'personalisation', g.t) && !c.dropped.has(g.recipientId)) w.gift(row);
  }
  for (const m of c.moments) {
    const row = [id(c, m.createdMs), m.personId, m.kind, m.date, m.recurring, m.label, m.note, m.provenance, instant(m.createdMs)];
    const kept =
      m.personId === b.id
        ? heldAt(b, 'personalisation', m.createdMs)
        : (NON_CLIENT_MOMENT_KINDS as readonly string[]).includes(m.kind) && m.note === null && !c.dropped.has(m.personId) && heldAt(b, 'relationship_mapping', m.createdMs);
    if (kept) w.moment(row);
  }
}

// ——— entry point

/**
 * Writes the demo maison into an empty, migrated store whose `advisor` row exists. Returns what
 * was written; never personal data.
 */
export function generateDemo(raw: RawDatabase, options: DemoOptions): DemoStats {
  const { seed, clients, today, advisorId } = options;
  if (!Number.isSafeInteger(seed)) throw new RangeError('The demo seed must be an integer.');
  if (!Number.isInteger(clients) || clients < 1 || clients > MAX_DEMO_CLIENTS) {
    throw new RangeError(`The demo holds between 1 and ${MAX_DEMO_CLIENTS} clients.`);
  }
  const todayMs = parseDay(today);
  if (todayMs === null || todayMs < Date.UTC(2000, 0, 1)) throw new RangeError('The demo day must be a real date, YYYY-MM-DD.');
  const advisor = raw.prepare('SELECT count(*) AS n FROM advisor WHERE id = ?').get(advisorId) as { n: number };
  if (advisor.n !== 1) throw new RangeError('The demo needs its advisor row first.');
  const existing = raw.prepare('SELECT count(*) AS n FROM person').get() as { n: number };
  if (existing.n !== 0) throw new RangeError('The demo is written into an empty store only.');

  const year = yearOf(todayMs);
  const notices = [
    { label: `v1-${year - 8}`, ms: Date.UTC(year - 8, 4, 25) },
    { label: `v2-${year - 5}`, ms: Date.UTC(year - 5, 2, 1) },
    { label: `v3-${year - 2}`, ms: Date.UTC(year - 2, 0, 15) },
  ];
  const migrationMs = Date.UTC(year - 7, 8, 1);
  const ids = new IdMaker();
  const bases: Base[] = [];
  for (let i = 0; i < clients; i++) bases.push(makeBase(i, { seed, todayMs, migrationMs }, ids));
  const ctx: Ctx = { seed, todayMs, advisorId, migrationMs, notices, bases };
  const global = new Rng(seed, 0);
  const cross = planBook(bases, ctx, global);
  for (const b of bases) b.grants = openClient(b, ctx).grants;

  const w = new Writer(raw);
  // A larger page cache while writing (the FTS indexes churn); this connection's setting only.
  const previousCache = raw.pragma('cache_size', { simple: true }) as number;
  raw.pragma('cache_size = -65536');
  try {
    writeBook(raw, w, ctx, cross, ids, global);
  } finally {
    raw.pragma(`cache_size = ${Number(previousCache)}`);
  }
  return { ...w.stats };
}

function writeBook(raw: RawDatabase, w: Writer, ctx: Ctx, cross: readonly CrossRelation[], ids: IdMaker, global: Rng): void {
  const { bases, advisorId } = ctx;
  raw.transaction(() => {
    for (const b of bases) {
      w.person(
        [
          b.id,
          'client',
          b.state === 'restricted' ? 'restricted' : 'active',
          b.honorific,
          b.first,
          b.last,
          fold(`${b.last} ${b.first}`),
          // A birth date is a life moment: kept only for a client who granted personalisation.
          b.birthKnown === 'full' && b.grants.personalisation ? isoDate(b.birthMs) : null,
          b.language,
          b.city.name,
          b.city.country,
          b.city.timeZone,
          b.tier,
          isoDate(b.sinceMs),
          advisorId,
          b.provenance,
          b.reviewMs === null ? null : isoDate(b.reviewMs),
          instant(b.createdMs),
          instant(b.updatedMs),
        ],
        true,
      );
    }
  })();
  // Links between clients are drawn now and written once every client's consent ledger is: a link
  // is relationship mapping for both ends, kept only where both had it in force when it was noted.
  const links: [CrossRelation, Row][] = cross.map((r) => [
    r,
    [ids.make(r.createdMs, global), r.from.id, r.to.id, r.kind, r.label, r.sinceMs === null ? null : isoDate(r.sinceMs), null, instant(r.createdMs)],
  ]);
  for (let start = 0; start < bases.length; start += CHUNK) {
    raw.transaction(() => {
      for (const b of bases.slice(start, start + CHUNK)) detailClient(w, b, ctx);
    })();
  }
  raw.transaction(() => {
    for (const [r, row] of links) {
      if (heldAt(r.from, 'relationship_mapping', r.createdMs) && heldAt(r.to, 'relationship_mapping', r.createdMs)) w.relation(row);
    }
  })();
  // A restricted client's restriction, in the history the Privacy page reads (GDPR art. 18). Its
  // own random stream: no other row's draws move.
  const restrictions = new Rng(ctx.seed, -1);
  raw.transaction(() => {
    for (const b of bases) {
      if (b.restrictedAt === null) continue;
      w.restriction([ids.make(b.restrictedAt, restrictions), b.id, 'restrict', restrictions.pick(RESTRICTION_REASONS), instant(b.restrictedAt)]);
    }
  })();
}

/** Why a demo client asked for their processing to be restricted (the contract's reasons, as data). */
const RESTRICTION_REASONS = ['accuracy_contested', 'objection_pending', 'client_request'] as const;
