/**
 * The appointment brief: one screen before the client walks in. What to remember (recent notes
 * that are not discreet, key preferences), what NOT to raise (discreet notes — remembered, never
 * raised —, relations that ended, a recent bereavement), sizes (theirs and their circle's), the
 * last three conversations, open after-sales, moments within 30 days, gifts already given.
 * Every part through the read projection: null when its category is hidden.
 */
import type { Brief } from '../../contract/index.js';
import type { Db } from '../../../db/store.js';
import { projectionFor } from '../privacy/projection.js';
import { circleOf, ownMomentSources, upcoming } from './client360.js';
import { giftsOf } from './gifts.js';
import {
  addDays,
  advisorToday,
  afterSalesColumns,
  appointmentColumns,
  byDomain,
  interactionColumns,
  preferenceColumns,
  requireClientRow,
  SIZE_DOMAINS,
  toAfterSales,
  toAppointment,
  toInteraction,
  toPreference,
} from './views.js';

const CONVERSATIONS = ['visit', 'call', 'message', 'appointment', 'event'] as const;

export async function clientBrief(db: Db, clientId: string, now: Date): Promise<Brief> {
  await requireClientRow(db, clientId); // NOT_FOUND (unknown, erased), NOT_A_CLIENT
  const projection = await projectionFor(db, clientId);
  const can = (c: (typeof projection.visible)[number]): boolean => projection.visible.includes(c);
  const today = await advisorToday(db, now);
  const person = await db
    .selectFrom('person')
    .select(['id', 'honorific', 'first_name', 'last_name', 'tier', 'status', 'language', 'city', 'client_since', 'last_contact_at', 'birth_date'])
    .where('id', '=', clientId)
    .executeTakeFirstOrThrow();

  const notesOf = async (discreet: 0 | 1, limit: number) =>
    (
      await db
        .selectFrom('interaction')
        .select(['id', 'occurred_at', 'kind', 'channel', 'note'])
        .where('person_id', '=', clientId)
        .where('discreet', '=', discreet)
        .where('note', 'is not', null)
        .orderBy('occurred_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute()
    ).map((r) => ({ interactionId: r.id, occurredAt: r.occurred_at, kind: r.kind, channel: r.channel, note: r.note as string }));
  const notesVisible = can('notes');

  const prefs = can('preferences')
    ? (await db.selectFrom('preference').select(preferenceColumns).where('person_id', '=', clientId).execute()).map((r) => toPreference(r, today)).sort(byDomain)
    : null;
  const circle = can('relations') ? await circleOf(db, clientId, today) : null;
  const own = can('moments') ? await ownMomentSources(db, clientId, person.birth_date) : null;
  const yearAgo = addDays(today, -365);

  const nextAppointment = can('appointments')
    ? await db
        .selectFrom('appointment')
        .select(appointmentColumns)
        .where('person_id', '=', clientId)
        .where('status', '=', 'planned')
        .where('starts_at', '>=', new Date(now.getTime() - 12 * 3_600_000).toISOString())
        .orderBy('starts_at')
        .executeTakeFirst()
    : undefined;

  return {
    client: {
      id: person.id,
      honorific: person.honorific,
      firstName: person.first_name,
      lastName: person.last_name,
      tier: person.tier,
      status: person.status === 'restricted' ? 'restricted' : 'active',
      language: person.language,
      city: person.city,
      clientSince: person.client_since,
      lastContactAt: person.last_contact_at,
    },
    today,
    generatedAt: now.toISOString(),
    nextAppointment: nextAppointment ? toAppointment(nextAppointment) : null,
    remember: {
      notes: notesVisible ? await notesOf(0, 5) : [],
      preferences: prefs ? prefs.filter((p) => !SIZE_DOMAINS.has(p.domain)) : null,
    },
    doNotRaise: {
      notes: notesVisible ? await notesOf(1, 10) : [],
      endedRelations: circle
        ? circle.members
            .filter((m) => m.relation.until !== null)
            .map((m) => ({ personId: m.personId, firstName: m.firstName, lastName: m.lastName, label: m.relation.label, until: m.relation.until }))
        : null,
      quietMoments: own ? own.rows.filter((m) => m.kind === 'bereavement' && m.date.length === 10 && m.date >= yearAgo && m.date <= today) : null,
    },
    sizes: {
      own: prefs ? prefs.filter((p) => SIZE_DOMAINS.has(p.domain)) : null,
      circle: circle
        ? circle.members
            .filter((m) => !m.isClient && m.relation.until === null && m.sizes.length > 0)
            .map((m) => ({ personId: m.personId, firstName: m.firstName, lastName: m.lastName, relationLabel: m.relation.label, sizes: m.sizes }))
        : null,
    },
    lastConversations: notesVisible
      ? (
          await db
            .selectFrom('interaction')
            .select(interactionColumns)
            .where('person_id', '=', clientId)
            .where('discreet', '=', 0)
            .where('kind', 'in', CONVERSATIONS)
            .orderBy('occurred_at', 'desc')
            .orderBy('id', 'desc')
            .limit(3)
            .execute()
        ).map(toInteraction)
      : [],
    openAfterSales: can('after_sales')
      ? (
          await db.selectFrom('after_sales_case').select(afterSalesColumns).where('person_id', '=', clientId).where('status', '!=', 'closed').orderBy('opened_at', 'desc').execute()
        ).map(toAfterSales)
      : [],
    momentsSoon: own || circle ? upcoming([...(own?.sources ?? []), ...(circle?.moments ?? [])], today, 30) : null,
    giftsGiven: can('gifts') ? await giftsOf(db, clientId, can('relations'), { limit: 20 }) : null,
  };
}
