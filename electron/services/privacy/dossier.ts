/**
 * The right of access (GDPR art. 15) and the right to data portability (art. 20).
 *
 * Access is a right to everything held, not to what the screens show: the dossier includes data
 * that a withdrawal hides and has queued for purge, and says, per category, whether it is shown,
 * why not, and when it will be deleted. About the people around the client it gives the minimum:
 * who they are and how they relate, and how much else is held about them — not what (art. 15(4):
 * the copy must not adversely affect the rights of others).
 *
 * Portability is what the client provided: their declared identity, contact points, declared
 * preferences and moments, and their purchases — machine-readable, without the advisor's notes.
 */
import {
  DOSSIER_SCHEMA,
  PORTABILITY_SCHEMA,
  type DataCategory,
  type Dossier,
  type Portability,
} from '../../contract/index.js';
import type { Store } from '../../../db/store.js';
import { getConsents, loadStates } from './consent.js';
import { renderDossierHtml } from './dossier-html.js';
import { requireClient } from './people.js';
import { CATEGORIES, categories, retentionText } from './policy.js';
import { categoryLawful, countCategory, withdrawalBehind } from './projection.js';
import { requestsOf } from './requests.js';
import { restrictionHistory } from './restriction.js';
import { dueDatesOf } from './retention.js';
import { getPurgeGraceDays } from './settings.js';

type Locale = 'en' | 'fr';
const DAY_MS = 86_400_000;

interface PersonRow {
  id: string;
  kind: 'client' | 'related';
  status: 'active' | 'restricted' | 'erased';
  honorific: string | null;
  first_name: string;
  last_name: string;
  birth_date: string | null;
  language: string | null;
  city: string | null;
  country: string | null;
  time_zone: string | null;
  tier: string | null;
  client_since: string | null;
  last_contact_at: string | null;
  provenance: 'declared' | 'observed' | 'imported';
  created_at: string;
  updated_at: string;
}

interface Advisor {
  display_name: string;
  maison: string;
  boutique: string;
  locale: string;
  time_zone: string;
}

function advisorOf(store: Store): Advisor | undefined {
  return store.raw.prepare('SELECT display_name, maison, boutique, locale, time_zone FROM advisor LIMIT 1').get() as Advisor | undefined;
}

/** The advisor's time zone, if the runtime knows it; else UTC. */
export function advisorTimeZone(store: Store): string {
  const zone = advisorOf(store)?.time_zone ?? 'UTC';
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone;
  } catch {
    return 'UTC';
  }
}

function personRow(store: Store, id: string): PersonRow {
  return store.raw.prepare('SELECT * FROM person WHERE id = ?').get(id) as PersonRow;
}

const bool = (v: number): boolean => v === 1;

/** Everything held about a client, as `carnet.dossier/1`. Refuses an unknown or erased client with NOT_FOUND. */
export async function buildDossier(store: Store, clientId: string, locale: Locale | undefined, now: Date): Promise<{ json: Dossier; html: string }> {
  const { db, raw } = store;
  const client = await requireClient(db, clientId);
  const p = personRow(store, client.id);
  const advisor = advisorOf(store);
  const lang: Locale = locale ?? (advisor?.locale === 'fr' ? 'fr' : 'en');
  const states = await loadStates(db, client.id);
  const graceDays = await getPurgeGraceDays(db);
  const retentionDue = dueDatesOf(raw, client.id);

  const categoryStatus: Dossier['categories'] = [];
  for (const category of categories) {
    const shown = categoryLawful(category, states);
    const behind = shown ? null : withdrawalBehind(category, states);
    const held = await heldCount(store, client.id, category, p);
    categoryStatus.push({
      category,
      purposes: [...CATEGORIES[category].purposes],
      retention: retentionText(CATEGORIES[category].retention, lang),
      held,
      shown,
      hiddenBecause: shown ? null : behind ? 'consent_withdrawn' : 'no_consent',
      withdrawnPurpose: behind?.purpose ?? null,
      withdrawnAt: behind?.row.effective_at ?? null,
      purgeDueAt: behind && held > 0 ? new Date(Date.parse(behind.row.recorded_at) + graceDays * DAY_MS).toISOString() : null,
      retentionDueAt: retentionDue.get(category) ?? null,
    });
  }

  const id = { id: client.id };
  const contactPoints = (
    raw.prepare('SELECT * FROM contact_point WHERE person_id = @id ORDER BY is_preferred DESC, created_at, id').all(id) as {
      id: string;
      channel: string;
      value: string;
      is_preferred: number;
      provenance: PersonRow['provenance'];
      review_at: string | null;
      created_at: string;
    }[]
  ).map((r) => ({ id: r.id, channel: r.channel, value: r.value, preferred: bool(r.is_preferred), provenance: r.provenance, reviewAt: r.review_at, createdAt: r.created_at }));

  const preferences = (
    raw.prepare('SELECT * FROM preference WHERE person_id = @id ORDER BY domain, seq').all(id) as {
      id: string;
      domain: string;
      label: string;
      value: string;
      provenance: PersonRow['provenance'];
      review_at: string | null;
      created_at: string;
    }[]
  ).map((r) => ({ id: r.id, domain: r.domain, label: r.label, value: r.value, provenance: r.provenance, reviewAt: r.review_at, createdAt: r.created_at }));

  const moments = (
    raw.prepare('SELECT * FROM moment WHERE person_id = @id ORDER BY date, id').all(id) as {
      id: string;
      kind: string;
      date: string;
      recurring: number;
      label: string | null;
      note: string | null;
      provenance: PersonRow['provenance'];
      created_at: string;
    }[]
  ).map((r) => ({ id: r.id, kind: r.kind, date: r.date, recurring: bool(r.recurring), label: r.label, note: r.note, provenance: r.provenance, createdAt: r.created_at }));

  const purchases = (
    raw.prepare('SELECT * FROM purchase WHERE person_id = @id ORDER BY purchased_at, id').all(id) as {
      id: string;
      purchased_at: string;
      category: string;
      item: string;
      amount_minor: number;
      currency: string;
      channel: string;
      recipient_person_id: string | null;
    }[]
  ).map((r) => ({
    id: r.id,
    purchasedAt: r.purchased_at,
    category: r.category,
    item: r.item,
    amountMinor: r.amount_minor,
    currency: r.currency,
    channel: r.channel,
    recipientPersonId: r.recipient_person_id,
  }));

  const interactions = (
    raw.prepare('SELECT * FROM interaction WHERE person_id = @id ORDER BY occurred_at, seq').all(id) as {
      id: string;
      occurred_at: string;
      kind: string;
      direction: string;
      channel: string | null;
      note: string | null;
      discreet: number;
    }[]
  ).map((r) => ({ id: r.id, occurredAt: r.occurred_at, kind: r.kind, direction: r.direction, channel: r.channel, note: r.note, discreet: bool(r.discreet) }));

  const appointments = (
    raw.prepare('SELECT * FROM appointment WHERE person_id = @id ORDER BY starts_at, id').all(id) as {
      id: string;
      starts_at: string;
      ends_at: string | null;
      place: string;
      purpose: string | null;
      status: string;
      note: string | null;
    }[]
  ).map((r) => ({ id: r.id, startsAt: r.starts_at, endsAt: r.ends_at, place: r.place, purpose: r.purpose, status: r.status, note: r.note }));

  const afterSales = (
    raw.prepare('SELECT * FROM after_sales_case WHERE person_id = @id ORDER BY opened_at, id').all(id) as {
      id: string;
      opened_at: string;
      kind: string;
      item: string;
      status: string;
      closed_at: string | null;
      note: string | null;
    }[]
  ).map((r) => ({ id: r.id, openedAt: r.opened_at, kind: r.kind, item: r.item, status: r.status, closedAt: r.closed_at, note: r.note }));

  const gifts = (
    raw.prepare('SELECT * FROM gift WHERE client_id = @id OR recipient_person_id = @id ORDER BY given_at, id').all(id) as {
      id: string;
      client_id: string;
      recipient_person_id: string;
      given_at: string;
      occasion: string;
      item: string;
      note: string | null;
    }[]
  ).map((r) => ({
    id: r.id,
    givenAt: r.given_at,
    occasion: r.occasion,
    item: r.item,
    // A note written on another client's file stays theirs.
    note: r.client_id === client.id ? r.note : null,
    recipientPersonId: r.recipient_person_id === client.id ? null : r.recipient_person_id,
    onBehalfOfAnotherClient: r.client_id !== client.id,
  }));

  const relationRows = raw
    .prepare('SELECT * FROM relation WHERE from_person_id = @id OR to_person_id = @id ORDER BY created_at, id')
    .all(id) as { id: string; from_person_id: string; to_person_id: string; kind: string; label: string | null; since: string | null; until: string | null }[];
  const people = new Map<string, Dossier['people'][number]>();
  for (const r of relationRows) {
    const otherId = r.from_person_id === client.id ? r.to_person_id : r.from_person_id;
    let entry = people.get(otherId);
    if (!entry) {
      const other = personRow(store, otherId);
      const related = other.kind === 'related';
      const countOf = (query: string): number => (raw.prepare(query).get(otherId) as { n: number }).n;
      entry = {
        id: otherId,
        isClient: !related,
        // Another client of the maison is named in their own dossier, not in this one.
        firstName: related ? other.first_name : null,
        lastName: related ? other.last_name : null,
        relations: [],
        held: related
          ? {
              birthDate: other.birth_date !== null,
              moments: countOf('SELECT count(*) AS n FROM moment WHERE person_id = ?'),
              preferences: countOf('SELECT count(*) AS n FROM preference WHERE person_id = ?'),
            }
          : null,
      };
      people.set(otherId, entry);
    }
    entry.relations.push({
      id: r.id,
      kind: r.kind,
      label: r.label,
      since: r.since,
      until: r.until,
      direction: r.to_person_id === client.id ? 'to_client' : 'from_client',
    });
  }

  const consents = await getConsents(db, client.id);
  const reviews = (
    raw.prepare('SELECT category, reviewed_at, next_review_at FROM retention_review WHERE person_id = ? ORDER BY reviewed_at, id').all(client.id) as {
      category: string;
      reviewed_at: string;
      next_review_at: string;
    }[]
  ).map((r) => ({ category: r.category, reviewedAt: r.reviewed_at, nextReviewAt: r.next_review_at }));

  const json: Dossier = {
    schema: DOSSIER_SCHEMA,
    generatedAt: now.toISOString(),
    locale: lang,
    controller: advisor ? { maison: advisor.maison, boutique: advisor.boutique, advisor: advisor.display_name } : null,
    client: {
      id: client.id,
      status: client.status,
      provenance: p.provenance,
      createdAt: p.created_at,
      updatedAt: p.updated_at,
      lastContactAt: p.last_contact_at,
      honorific: p.honorific,
      firstName: p.first_name,
      lastName: p.last_name,
      birthDate: p.birth_date,
      language: p.language,
      city: p.city,
      country: p.country,
      timeZone: p.time_zone,
      tier: p.tier,
      clientSince: p.client_since,
    },
    categories: categoryStatus,
    contactPoints,
    preferences,
    moments,
    purchases,
    interactions,
    appointments,
    afterSales,
    gifts,
    people: [...people.values()],
    consents: { current: consents.current, history: consents.history },
    restrictions: await restrictionHistory(db, client.id),
    requests: await requestsOf(db, client.id, now),
    retentionReviews: reviews,
  };
  return { json, html: renderDossierHtml(json, { timeZone: advisorTimeZone(store) }) };
}

/** How many records of a category are held about the client (a field on their row counts 1). */
async function heldCount(store: Store, clientId: string, category: DataCategory, p: PersonRow): Promise<number> {
  if (category === 'identity') return 1;
  let n = await countCategory(store.db, clientId, category);
  for (const holder of CATEGORIES[category].holders) {
    if (holder.column !== undefined && holder.table === 'person' && p[holder.column as keyof PersonRow] !== null) n += 1;
  }
  return n;
}

/**
 * What the client provided, as `carnet.portability/1`: their identity when they declared it,
 * their contact points, the preferences and moments they declared, and their purchases.
 */
export async function buildPortability(store: Store, clientId: string, now: Date): Promise<Portability> {
  const { db, raw } = store;
  const client = await requireClient(db, clientId);
  const p = personRow(store, client.id);
  const id = { id: client.id };
  return {
    schema: PORTABILITY_SCHEMA,
    exportedAt: now.toISOString(),
    clientId: client.id,
    identity:
      p.provenance === 'declared'
        ? {
            honorific: p.honorific,
            firstName: p.first_name,
            lastName: p.last_name,
            birthDate: p.birth_date,
            language: p.language,
            city: p.city,
            country: p.country,
            timeZone: p.time_zone,
          }
        : null,
    contactPoints: (
      raw.prepare('SELECT channel, value, is_preferred FROM contact_point WHERE person_id = @id ORDER BY is_preferred DESC, created_at, id').all(id) as {
        channel: string;
        value: string;
        is_preferred: number;
      }[]
    ).map((r) => ({ channel: r.channel, value: r.value, preferred: bool(r.is_preferred) })),
    preferences: raw
      .prepare("SELECT domain, label, value FROM preference WHERE person_id = @id AND provenance = 'declared' ORDER BY domain, seq")
      .all(id) as { domain: string; label: string; value: string }[],
    moments: (
      raw.prepare("SELECT kind, date, recurring, label FROM moment WHERE person_id = @id AND provenance = 'declared' ORDER BY date, id").all(id) as {
        kind: string;
        date: string;
        recurring: number;
        label: string | null;
      }[]
    ).map((r) => ({ kind: r.kind, date: r.date, recurring: bool(r.recurring), label: r.label })),
    purchases: (
      raw.prepare('SELECT purchased_at, category, item, amount_minor, currency, channel FROM purchase WHERE person_id = @id ORDER BY purchased_at, id').all(id) as {
        purchased_at: string;
        category: string;
        item: string;
        amount_minor: number;
        currency: string;
        channel: string;
      }[]
    ).map((r) => ({ purchasedAt: r.purchased_at, category: r.category, item: r.item, amountMinor: r.amount_minor, currency: r.currency, channel: r.channel })),
  };
}
