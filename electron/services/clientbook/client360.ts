/**
 * The Client 360: who the client is, the relationship at a glance, preferences and sizes by
 * domain, family and circle, a paged timeline, open after-sales, upcoming appointments and
 * moments, gifts given. Every part goes through the read projection (privacy/projection.ts):
 * a part whose category the current consents hide is null and is not read at all.
 * "Today" is the advisor's (their profile's time zone).
 */
import {
  CarnetError,
  type CircleMember,
  type Client360,
  type DataCategory,
  type MomentView,
  type Preference,
  type TimelineItem,
  type TimelinePage,
  type TimelineType,
  type UpcomingMoment,
} from '../../contract/index.js';
import type { Db } from '../../../db/store.js';
import { projectionFor } from '../privacy/projection.js';
import { getClient } from './clients.js';
import { giftsOf } from './gifts.js';
import {
  addDays,
  advisorToday,
  afterSalesColumns,
  appointmentColumns,
  byDomain,
  contactsOf,
  daysBetween,
  DOMAIN_ORDER,
  interactionColumns,
  momentColumns,
  preferenceColumns,
  purchaseColumns,
  SIZE_DOMAINS,
  toAfterSales,
  toAppointment,
  toInteraction,
  toMoment,
  toPreference,
  toPurchase,
  type PeopleIndex,
} from './views.js';

// ——— moments in the calendar

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * When a moment next comes round on or after `today`: a recurring one this year or next (29
 * February on the 28th in other years), a one-off one on its date if still ahead; else null.
 */
export function nextOn(date: string, recurring: boolean, today: string): string | null {
  const m = /^(?:(\d{4})-)?(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  if (!recurring) return m[1] !== undefined && date >= today ? date : null;
  const [mm, dd] = [m[2] as string, m[3] as string];
  const year = Number(today.slice(0, 4));
  for (const y of [year, year + 1]) {
    const day = mm === '02' && dd === '29' && !isLeap(y) ? '28' : dd;
    const candidate = `${y}-${mm}-${day}`;
    if (candidate >= today) return candidate;
  }
  return null;
}

export interface MomentSource {
  momentId: string | null;
  personId: string;
  person: UpcomingMoment['person'];
  kind: string;
  date: string;
  recurring: boolean;
  label: string | null;
  note: string | null;
}

/** The moments coming round within `days` days of `today`, soonest first. */
export function upcoming(sources: readonly MomentSource[], today: string, days: number): UpcomingMoment[] {
  const out: UpcomingMoment[] = [];
  for (const s of sources) {
    const on = nextOn(s.date, s.recurring, today);
    if (on === null) continue;
    const inDays = daysBetween(today, on);
    if (inDays < 0 || inDays > days) continue;
    const year = s.date.length === 10 ? Number(s.date.slice(0, 4)) : null;
    const years = s.recurring && year !== null && Number(on.slice(0, 4)) > year ? Number(on.slice(0, 4)) - year : null;
    out.push({
      momentId: s.momentId,
      personId: s.personId,
      person: s.person,
      kind: s.kind as UpcomingMoment['kind'],
      on,
      inDays,
      years,
      label: s.label,
      note: s.note,
    });
  }
  return out.sort((a, b) => a.on.localeCompare(b.on) || (a.momentId ?? '').localeCompare(b.momentId ?? ''));
}

/** The client's own moments (and their birth date, when no birthday moment is kept). */
export async function ownMomentSources(db: Db, clientId: string, birthDate: string | null): Promise<{ sources: MomentSource[]; rows: MomentView[] }> {
  const rows = (await db.selectFrom('moment').select(momentColumns).where('person_id', '=', clientId).execute()).map(toMoment);
  const sources: MomentSource[] = rows.map((m) => ({ momentId: m.id, personId: clientId, person: null, kind: m.kind, date: m.date, recurring: m.recurring, label: m.label, note: m.note }));
  if (birthDate && !rows.some((m) => m.kind === 'birthday')) {
    sources.push({ momentId: null, personId: clientId, person: null, kind: 'birthday', date: birthDate, recurring: true, label: null, note: null });
  }
  return { sources, rows };
}

// ——— family and circle

export interface Circle {
  members: CircleMember[];
  /** Birthdays of the people around the client, as moment sources. */
  moments: MomentSource[];
  index: PeopleIndex;
}

/** The people around a client, with the minimum kept about each (call only when relations may be shown). */
export async function circleOf(db: Db, clientId: string, today: string): Promise<Circle> {
  const relations = await db
    .selectFrom('relation')
    .select(['id', 'from_person_id', 'to_person_id', 'kind', 'label', 'since', 'until'])
    .where((eb) => eb.or([eb('from_person_id', '=', clientId), eb('to_person_id', '=', clientId)]))
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const otherIds = [...new Set(relations.map((r) => (r.from_person_id === clientId ? r.to_person_id : r.from_person_id)))];
  if (otherIds.length === 0) return { members: [], moments: [], index: { get: () => undefined } };
  const people = await db
    .selectFrom('person')
    .select(['id', 'kind', 'first_name', 'last_name', 'birth_date'])
    .where('id', 'in', otherIds)
    .where('status', '!=', 'erased')
    .execute();
  const related = people.filter((p) => p.kind === 'related').map((p) => p.id);
  const prefs =
    related.length > 0
      ? (await db.selectFrom('preference').select(preferenceColumns).where('person_id', 'in', related).execute()).map((r) => toPreference(r, today)).sort(byDomain)
      : [];
  const moments = related.length > 0 ? (await db.selectFrom('moment').select(momentColumns).where('person_id', 'in', related).where('kind', '=', 'birthday').execute()).map(toMoment) : [];
  const byId = new Map(people.map((p) => [p.id, p]));
  const members: CircleMember[] = [];
  const sources: MomentSource[] = [];
  const seen = new Set<string>();
  for (const r of relations) {
    const otherId = r.from_person_id === clientId ? r.to_person_id : r.from_person_id;
    const p = byId.get(otherId);
    if (!p || seen.has(otherId)) continue;
    seen.add(otherId);
    const isClient = p.kind === 'client';
    const own = isClient ? [] : prefs.filter((x) => x.personId === otherId);
    const birthdayMoment = isClient ? undefined : moments.find((m) => m.personId === otherId);
    const birthday = isClient ? null : (birthdayMoment?.date ?? p.birth_date);
    members.push({
      personId: otherId,
      isClient,
      firstName: p.first_name,
      lastName: p.last_name,
      relation: { id: r.id, kind: r.kind, label: r.label, since: r.since, until: r.until, personIsFrom: r.from_person_id === otherId },
      birthday,
      sizes: own.filter((x) => SIZE_DOMAINS.has(x.domain)),
      tastes: own.filter((x) => !SIZE_DOMAINS.has(x.domain)),
    });
    // No greetings for someone the relation ended with.
    if (!isClient && birthday && r.until === null) {
      sources.push({
        momentId: birthdayMoment?.id ?? null,
        personId: otherId,
        person: { firstName: p.first_name, lastName: p.last_name, relationLabel: r.label },
        kind: 'birthday',
        date: birthday,
        recurring: true,
        label: birthdayMoment?.label ?? null,
        note: null,
      });
    }
  }
  const index: PeopleIndex = {
    get: (id) => {
      const m = members.find((x) => x.personId === id);
      return m ? { firstName: m.firstName, lastName: m.lastName, relationLabel: m.relation.label } : undefined;
    },
  };
  return { members, moments: sources, index };
}

// ——— the timeline

const TYPE_CATEGORY: Readonly<Record<TimelineType, DataCategory>> = {
  purchase: 'purchases',
  interaction: 'notes',
  moment: 'moments',
  after_sales: 'after_sales',
  appointment: 'appointments',
  gift: 'gifts',
};

export interface TimelineQuery {
  kinds?: TimelineType[] | undefined;
  before?: { at: string; id: string } | undefined;
  limit: number;
}

/**
 * One page of the timeline, newest first: purchases, interactions, dated one-off moments,
 * after-sales cases (when opened), appointments (when they start) and gifts. Hidden types are
 * named in `hidden` and left out.
 */
export async function timelinePage(
  db: Db,
  clientId: string,
  visible: readonly DataCategory[],
  query: TimelineQuery,
  people: PeopleIndex | null,
  relationsVisible: boolean,
): Promise<TimelinePage> {
  const all = Object.keys(TYPE_CATEGORY) as TimelineType[];
  const hidden = all.filter((t) => !visible.includes(TYPE_CATEGORY[t]));
  const wanted = (query.kinds ?? all).filter((t) => !hidden.includes(t));
  const take = query.limit + 1;
  const before = query.before;
  const older = <T extends { at: string; id: string }>(x: T): boolean => !before || x.at < before.at || (x.at === before.at && x.id < before.id);
  const items: TimelineItem[] = [];

  const page = async <R>(table: 'purchase' | 'interaction' | 'appointment' | 'after_sales_case', column: string, columns: readonly string[]): Promise<R[]> => {
    let q = db
      .selectFrom(table)
      .select(columns as never)
      .where('person_id' as never, '=', clientId as never);
    if (before) {
      q = q.where((eb) =>
        eb.or([eb(column as never, '<', before.at as never), eb.and([eb(column as never, '=', before.at as never), eb('id' as never, '<', before.id as never)])]),
      );
    }
    return (await q
      .orderBy(column as never, 'desc')
      .orderBy('id' as never, 'desc')
      .limit(take)
      .execute()) as R[];
  };

  if (wanted.includes('purchase')) {
    for (const row of await page<Parameters<typeof toPurchase>[0]>('purchase', 'purchased_at', purchaseColumns)) {
      items.push({ type: 'purchase', at: row.purchased_at, id: row.id, purchase: toPurchase(row, relationsVisible ? people : null) });
    }
  }
  if (wanted.includes('interaction')) {
    for (const row of await page<Parameters<typeof toInteraction>[0]>('interaction', 'occurred_at', interactionColumns)) {
      items.push({ type: 'interaction', at: row.occurred_at, id: row.id, interaction: toInteraction(row) });
    }
  }
  if (wanted.includes('appointment')) {
    for (const row of await page<Parameters<typeof toAppointment>[0]>('appointment', 'starts_at', appointmentColumns)) {
      items.push({ type: 'appointment', at: row.starts_at, id: row.id, appointment: toAppointment(row) });
    }
  }
  if (wanted.includes('after_sales')) {
    for (const row of await page<Parameters<typeof toAfterSales>[0]>('after_sales_case', 'opened_at', afterSalesColumns)) {
      items.push({ type: 'after_sales', at: row.opened_at, id: row.id, afterSales: toAfterSales(row) });
    }
  }
  if (wanted.includes('moment')) {
    const rows = await db.selectFrom('moment').select(momentColumns).where('person_id', '=', clientId).where('recurring', '=', 0).execute();
    for (const m of rows.map(toMoment)) {
      if (m.date.length !== 10) continue;
      const at = `${m.date}T00:00:00.000Z`;
      if (older({ at, id: m.id })) items.push({ type: 'moment', at, id: m.id, moment: m });
    }
  }
  if (wanted.includes('gift')) {
    for (const gift of await giftsOf(db, clientId, relationsVisible, { limit: take, before })) {
      items.push({ type: 'gift', at: gift.givenAt, id: gift.id, gift });
    }
  }
  items.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  const shown = items.slice(0, query.limit);
  const last = shown.at(-1);
  return { items: shown, next: items.length > query.limit && last ? { at: last.at, id: last.id } : null, hidden };
}

/** `clients.timeline`: more of it. Erased or unknown: NOT_FOUND. */
export async function clientTimeline(db: Db, clientId: string, query: TimelineQuery, now: Date): Promise<TimelinePage> {
  const projection = await projectionFor(db, clientId);
  if (projection.person.kind !== 'client') throw new CarnetError('NOT_A_CLIENT', 'This person is not a client.');
  const relations = projection.visible.includes('relations');
  const today = await advisorToday(db, now);
  const circle = relations ? await circleOf(db, clientId, today) : null;
  return timelinePage(db, clientId, projection.visible, query, circle?.index ?? null, relations);
}

// ——— the 360

export async function client360(db: Db, clientId: string, query: TimelineQuery, now: Date): Promise<Client360> {
  const client = await getClient(db, clientId, now); // NOT_FOUND for unknown or erased
  const visible = client.visibleCategories;
  const can = (c: DataCategory): boolean => visible.includes(c);
  const today = await advisorToday(db, now);
  const row = await db
    .selectFrom('person')
    .leftJoin('advisor', 'advisor.id', 'person.advisor_id')
    .select(['person.time_zone', 'person.birth_date', 'person.provenance', 'person.review_at', 'person.archived_at', 'advisor.id as advisor_id', 'advisor.display_name'])
    .where('person.id', '=', clientId)
    .executeTakeFirstOrThrow();

  const circle = can('relations') ? await circleOf(db, clientId, today) : null;
  const birthDate = can('moments') ? row.birth_date : null;
  const own = can('moments') ? await ownMomentSources(db, clientId, birthDate) : null;

  let preferences: Client360['preferences'] = null;
  if (can('preferences')) {
    const items = (await db.selectFrom('preference').select(preferenceColumns).where('person_id', '=', clientId).execute()).map((r) => toPreference(r, today)).sort(byDomain);
    const groups = new Map<Preference['domain'], Preference[]>();
    for (const p of items) groups.set(p.domain, [...(groups.get(p.domain) ?? []), p]);
    preferences = DOMAIN_ORDER.filter((d) => groups.has(d)).map((d) => ({ domain: d, items: groups.get(d) as Preference[] }));
  }

  const spend = can('purchases')
    ? (
        await db
          .selectFrom('purchase')
          .select((eb) => ['currency', eb.fn.sum<number>('amount_minor').as('total'), eb.fn.countAll<number>().as('n')])
          .where('person_id', '=', clientId)
          .groupBy('currency')
          .orderBy('currency')
          .execute()
      ).map((r) => ({ currency: r.currency, amountMinor: Number(r.total), purchases: Number(r.n) }))
    : null;

  const timeline = await timelinePage(db, clientId, visible, query, circle?.index ?? null, can('relations'));

  const openAfterSales = can('after_sales')
    ? (
        await db.selectFrom('after_sales_case').select(afterSalesColumns).where('person_id', '=', clientId).where('status', '!=', 'closed').orderBy('opened_at', 'desc').execute()
      ).map(toAfterSales)
    : null;
  const upcomingAppointments = can('appointments')
    ? (
        await db
          .selectFrom('appointment')
          .select(appointmentColumns)
          .where('person_id', '=', clientId)
          .where('status', '=', 'planned')
          .where('starts_at', '>=', `${addDays(today, -1)}T00:00:00.000Z`)
          .orderBy('starts_at')
          .limit(20)
          .execute()
      )
        .map(toAppointment)
        .filter((a) => Date.parse(a.startsAt) >= now.getTime() - 12 * 3_600_000)
    : null;
  const momentSources = [...(own?.sources ?? []), ...(circle?.moments ?? [])];
  const upcomingMoments = own || circle ? upcoming(momentSources, today, 60) : null;
  const gifts = can('gifts') ? await giftsOf(db, clientId, can('relations'), { limit: 100 }) : null;

  return {
    client,
    details: {
      timeZone: row.time_zone,
      birthDate,
      provenance: row.provenance,
      reviewAt: row.review_at && /^\d{4}-\d{2}-\d{2}/.test(row.review_at) ? row.review_at.slice(0, 10) : null,
      archivedAt: row.archived_at,
    },
    relationship: {
      clientSince: client.clientSince,
      lastContactAt: client.lastContactAt,
      advisor: row.advisor_id ? { id: row.advisor_id, displayName: row.display_name ?? '' } : null,
      spend,
    },
    contacts: can('contact') ? await contactsOf(db, clientId) : null,
    preferences,
    circle: circle?.members ?? null,
    timeline,
    openAfterSales,
    upcomingAppointments,
    upcomingMoments,
    gifts,
    today,
  };
}
