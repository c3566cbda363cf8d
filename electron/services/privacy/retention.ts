/**
 * Retention: what is held past the period the policy gives it, listed for the advisor to review —
 * never purged without their decision — and the review itself: keep (the advisor confirms it is
 * still needed) or purge (physical deletion).
 *
 * When a category is due, per rule (`CATEGORIES[c].retention`):
 * - `after_last_contact`: `months` after the client's last contact (`person.last_contact_at`; for
 *   a client never contacted, since they entered the book, `person.created_at`);
 * - `after_record`: `months` after the record's own date (`field`) — the oldest record first;
 *   records without that date (an after-sales case still open) are never due;
 * - `review`: `months` after each record was last confirmed (`field`, else its creation).
 * A person who is not a client is one item, `identity` — the whole person — due `months`
 * (`CATEGORIES.identity.nonClient.retention`) after the last contact of the linked client
 * contacted last.
 *
 * Keep: records a `retention_review` row; the category is not due again before
 * `RETENTION_KEEP_MONTHS` (12) months — or, for a `review` rule, the rule's own period, and the
 * records' review date (`field`) is set to today, since that is what the rule asks for.
 * Purge: `identity` of a client is the erasure of the client (tombstone reason `retention`), of a
 * person around a client the removal of that person; an `after_last_contact` category goes whole;
 * for `after_record` and `review`, only the records past their period go.
 */
import { CarnetError, RETENTION_KEEP_MONTHS, type DataCategory, type RetentionDueItem } from '../../contract/index.js';
import type { RawDatabase } from '../../../db/open.js';
import type { Store } from '../../../db/store.js';
import { advisorToday } from '../day.js';
import { newId } from '../ids.js';
import { eraseClient } from './erasure.js';
import { requireClient } from './people.js';
import { CATEGORIES, categories, type RetentionRule } from './policy.js';
import { deletePersonRows, purgeClientCategory, scrub } from './purge.js';

/** `months` calendar months after `from`, in UTC; the 31st becomes the month's last day. */
export function addMonths(from: Date, months: number): Date {
  const target = new Date(from.getTime());
  target.setUTCDate(1);
  target.setUTCMonth(target.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(from.getUTCDate(), lastDay));
  return target;
}

function time(value: string | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

function after(ms: number, months: number): number {
  return addMonths(new Date(ms), months).getTime();
}

const ruleSummary = (rule: RetentionRule): RetentionDueItem['rule'] => ({ kind: rule.kind, months: rule.months });

/** The rule for the people around a client (the same for every category they may have). */
function nonClientRule(): RetentionRule {
  const allowance = CATEGORIES.identity.nonClient;
  if (!allowance) throw new Error('the policy keeps no identity of people who are not clients');
  return allowance.retention;
}

/** A record-dated rule's table and column, and the columns naming the person. */
function recordSource(category: DataCategory, rule: RetentionRule & { field: string }): { table: string; column: string; by: readonly string[] } {
  const [table, column] = rule.field.split('.') as [string, string];
  const holder = CATEGORIES[category].holders.find((h) => h.table === table && h.column === undefined);
  if (!holder) throw new Error(`no holder of ${rule.field}`);
  return { table, column, by: holder.by };
}

function ident(name: string): string {
  if (!/^[a-z_]+$/.test(name)) throw new Error('not an identifier');
  return `"${name}"`;
}

/** When one record is due under a record-dated rule; null when it never is (no date). */
function recordDue(rule: RetentionRule, value: string | null, createdAt: string): number | null {
  const from = rule.kind === 'review' ? (time(value) ?? time(createdAt)) : time(value);
  return from === null ? null : after(from, rule.months);
}

export interface RetentionEntry {
  personId: string;
  clientId: string;
  subject: 'client' | 'related';
  category: DataCategory;
  rule: RetentionRule;
  /** When it is (or was) due, in ms; counting the last "keep". */
  dueMs: number;
  restricted: boolean;
}

interface PersonRow {
  id: string;
  kind: 'client' | 'related';
  status: 'active' | 'restricted' | 'erased';
  last_contact_at: string | null;
  created_at: string;
}

/** The persons holding a category (rows, or a field on their row). */
function holdersOf(raw: RawDatabase, category: DataCategory): Set<string> {
  const found = new Set<string>();
  for (const holder of CATEGORIES[category].holders) {
    if (holder.column !== undefined) {
      for (const r of raw.prepare(`SELECT id FROM ${ident(holder.table)} WHERE ${ident(holder.column)} IS NOT NULL`).all() as { id: string }[]) {
        found.add(r.id);
      }
      continue;
    }
    for (const column of holder.by) {
      for (const r of raw.prepare(`SELECT DISTINCT ${ident(column)} AS id FROM ${ident(holder.table)}`).all() as { id: string }[]) found.add(r.id);
    }
  }
  return found;
}

/**
 * Every (person, category) held, with when it is due under its rule — past or future.
 * Erased persons have no rows; people around a client linked to no client are not listed (no
 * client covers them: the purge of their client's relations or erasure removed such people).
 */
export function retentionEntries(raw: RawDatabase): RetentionEntry[] {
  const people = raw.prepare("SELECT id, kind, status, last_contact_at, created_at FROM person WHERE status != 'erased'").all() as PersonRow[];
  const byId = new Map(people.map((p) => [p.id, p]));
  const keeps = new Map<string, number>();
  for (const k of raw.prepare('SELECT person_id, category, next_review_at FROM retention_review').all() as {
    person_id: string;
    category: string;
    next_review_at: string;
  }[]) {
    const key = `${k.person_id}|${k.category}`;
    const ms = time(k.next_review_at);
    if (ms !== null && ms > (keeps.get(key) ?? Number.NEGATIVE_INFINITY)) keeps.set(key, ms);
  }
  const anchor = (p: PersonRow): number => time(p.last_contact_at) ?? time(p.created_at) ?? 0;
  const entries: RetentionEntry[] = [];
  /** Adds an entry, due no earlier than the last "keep" of the same person and category allows. */
  const push = (e: RetentionEntry): void => {
    const kept = keeps.get(`${e.personId}|${e.category}`);
    entries.push({ ...e, dueMs: kept !== undefined ? Math.max(e.dueMs, kept) : e.dueMs });
  };

  const clients = people.filter((p) => p.kind === 'client');
  for (const category of categories) {
    const rule = CATEGORIES[category].retention;
    if (rule.kind === 'after_last_contact') {
      const held = holdersOf(raw, category);
      for (const c of clients) {
        if (!held.has(c.id)) continue;
        push({ personId: c.id, clientId: c.id, subject: 'client', category, rule, dueMs: after(anchor(c), rule.months), restricted: c.status === 'restricted' });
      }
      continue;
    }
    const { table, column, by } = recordSource(category, rule);
    const earliest = new Map<string, number>();
    for (const byColumn of by) {
      const rows = raw
        .prepare(`SELECT ${ident(byColumn)} AS person, ${ident(column)} AS value, created_at FROM ${ident(table)}`)
        .all() as { person: string; value: string | null; created_at: string }[];
      for (const row of rows) {
        const due = recordDue(rule, row.value, row.created_at);
        if (due !== null && due < (earliest.get(row.person) ?? Number.POSITIVE_INFINITY)) earliest.set(row.person, due);
      }
    }
    for (const [personId, dueMs] of earliest) {
      const p = byId.get(personId);
      if (p?.kind !== 'client') continue;
      push({ personId, clientId: personId, subject: 'client', category, rule, dueMs, restricted: p.status === 'restricted' });
    }
  }

  // The people around a client: one item each, counted from the linked client contacted last.
  const linked = new Map<string, PersonRow[]>();
  for (const r of raw.prepare('SELECT from_person_id AS a, to_person_id AS b FROM relation').all() as { a: string; b: string }[]) {
    for (const [self, other] of [
      [r.a, r.b],
      [r.b, r.a],
    ] as const) {
      const client = byId.get(other);
      if (byId.get(self)?.kind !== 'related' || client?.kind !== 'client') continue;
      const list = linked.get(self) ?? [];
      if (!list.includes(client)) list.push(client);
      linked.set(self, list);
    }
  }
  const rule = nonClientRule();
  for (const [personId, list] of linked) {
    const latest = list.reduce((a, b) => (anchor(b) > anchor(a) || (anchor(b) === anchor(a) && b.id < a.id) ? b : a));
    push({
      personId,
      clientId: latest.id,
      subject: 'related',
      category: 'identity',
      rule,
      dueMs: after(anchor(latest), rule.months),
      restricted: list.every((c) => c.status === 'restricted'),
    });
  }
  return entries;
}

/** What is due now, for the advisor to review: oldest first. */
export function retentionDue(raw: RawDatabase, now: Date): RetentionDueItem[] {
  const order = (c: DataCategory): number => categories.indexOf(c);
  return retentionEntries(raw)
    .filter((e) => e.dueMs <= now.getTime())
    .sort((a, b) => a.dueMs - b.dueMs || a.clientId.localeCompare(b.clientId) || a.personId.localeCompare(b.personId) || order(a.category) - order(b.category))
    .map((e) => ({
      personId: e.personId,
      clientId: e.clientId,
      subject: e.subject,
      category: e.category,
      rule: ruleSummary(e.rule),
      dueAt: new Date(e.dueMs).toISOString(),
      restricted: e.restricted,
    }));
}

/** When a person's category is next due, or null when nothing of it is held any more. */
export function nextDue(raw: RawDatabase, personId: string, category: DataCategory): string | null {
  const entry = retentionEntries(raw).find((e) => e.personId === personId && e.category === category);
  return entry ? new Date(entry.dueMs).toISOString() : null;
}

/** The retention due dates of one person's categories (for the access dossier). */
export function dueDatesOf(raw: RawDatabase, personId: string): Map<DataCategory, string> {
  return new Map(retentionEntries(raw).filter((e) => e.personId === personId).map((e) => [e.category, new Date(e.dueMs).toISOString()]));
}

export interface ReviewInput {
  clientId: string;
  personId?: string | undefined;
  category: DataCategory;
  decision: 'purge' | 'keep';
}

export interface ReviewResult {
  purged: boolean;
  nextReviewAt: string | null;
  /** Every id the decision touched (the client, the person, people removed with them). */
  touched: string[];
}

/**
 * The advisor's decision on one due item. Refusals: NOT_FOUND (unknown or erased client, a person
 * not linked to the client, nothing of this category due for this person), NOT_A_CLIENT,
 * RESTRICTED (a purge while the client is restricted).
 */
export async function reviewRetention(store: Store, input: ReviewInput, now: Date): Promise<ReviewResult> {
  const { db, raw } = store;
  const client = await requireClient(db, input.clientId);
  const personId = input.personId ?? client.id;
  const entry = retentionEntries(raw).find((e) => e.personId === personId && e.category === input.category);
  const linkedToClient =
    personId === client.id ||
    (raw
      .prepare(
        "SELECT 1 FROM relation r JOIN person p ON p.id = @person AND p.kind = 'related' WHERE (r.from_person_id = @person AND r.to_person_id = @client) OR (r.to_person_id = @person AND r.from_person_id = @client)",
      )
      .get({ person: personId, client: client.id }) as unknown) !== undefined;
  if (!entry || !linkedToClient || entry.dueMs > now.getTime()) {
    throw new CarnetError('NOT_FOUND', 'Nothing of this category is due for review for this person.');
  }
  const touched = [...new Set([client.id, personId])];

  if (input.decision === 'keep') {
    const months = entry.rule.kind === 'review' ? entry.rule.months : RETENTION_KEEP_MONTHS;
    const next = addMonths(now, months).toISOString();
    // The day the fact was confirmed with the client, in the advisor's time zone.
    const today = await advisorToday(store.db, now);
    raw.transaction(() => {
      raw
        .prepare('INSERT INTO retention_review (id, person_id, category, reviewed_at, next_review_at) VALUES (?, ?, ?, ?, ?)')
        .run(newId(now.getTime()), personId, input.category, now.toISOString(), next);
      if (entry.rule.kind === 'review') {
        const { table, column, by } = recordSource(input.category, entry.rule);
        const where = by.map((b) => `${ident(b)} = @id`).join(' OR ');
        raw.prepare(`UPDATE ${ident(table)} SET ${ident(column)} = @today WHERE ${where}`).run({ id: personId, today });
      }
    })();
    return { purged: false, nextReviewAt: nextDue(raw, personId, input.category), touched };
  }

  if (entry.restricted) {
    throw new CarnetError('RESTRICTED', 'This client’s processing is restricted: their data is kept as it is until the restriction is lifted.');
  }
  if (input.category === 'identity') {
    if (entry.subject === 'client') {
      const erased = await eraseClient(store, client.id, now, 'retention');
      return { purged: true, nextReviewAt: null, touched: [...touched, ...erased.removedPeople] };
    }
    raw.transaction(() => deletePersonRows(raw, personId))();
    scrub(raw);
    return { purged: true, nextReviewAt: null, touched };
  }
  if (entry.rule.kind === 'after_last_contact') {
    const { removedPeople } = await purgeClientCategory(db, raw, personId, input.category, now);
    scrub(raw);
    return { purged: true, nextReviewAt: nextDue(raw, personId, input.category), touched: [...touched, ...removedPeople] };
  }
  const rule = entry.rule;
  const { table, column, by } = recordSource(input.category, rule);
  const where = by.map((b) => `${ident(b)} = @id`).join(' OR ');
  const rows = raw.prepare(`SELECT id, ${ident(column)} AS value, created_at FROM ${ident(table)} WHERE ${where}`).all({ id: personId }) as {
    id: string;
    value: string | null;
    created_at: string;
  }[];
  const expired = rows.filter((r) => {
    const due = recordDue(rule, r.value, r.created_at);
    return due !== null && due <= now.getTime();
  });
  const remove = raw.prepare(`DELETE FROM ${ident(table)} WHERE id = ?`);
  raw.transaction(() => {
    for (const r of expired) remove.run(r.id);
  })();
  scrub(raw);
  return { purged: expired.length > 0, nextReviewAt: nextDue(raw, personId, input.category), touched };
}
