/**
 * "Erased means erased" (issue 3, item 6 and 7). A real encrypted store holding a demo book of 60
 * clients; a client with notes, preferences, an e-mail and family; a distinctive marker note added
 * through the raw handle; the client erased through the router. Then:
 *   1. no table holds a row naming the client (but the audit log, the tombstone and the register
 *      of requests, by design), and full-text search finds nothing;
 *   2. the store is closed, its file copied, the copy opened with the key and decrypted whole
 *      (`serialize()` gives the decrypted database image): neither the client's names, e-mail, a
 *      note phrase nor the marker is in those bytes — in UTF-8 or UTF-16, as typed or as the
 *      full-text index folds them — and the copy's WAL is empty or absent;
 *   3. the audit chain is valid and holds the erasure, with the id and no name;
 *   4. the other clients are intact.
 * A companion store proves the search can see a leftover: the same client deleted with a plain
 * DELETE — no index merge, no VACUUM — is still found in the decrypted bytes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStoreFile, type RawDatabase } from '../../../db/open.js';
import { newId } from '../../../electron/services/ids.js';
import { tempDir } from '../../support/tmp.js';
import { PASS, addConsent, addContact, addPerson, addRelation, lastAudit, openWorld, type World } from './support.js';

const MARKER = 'Zéphyrine-Quartz-Marker';
const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Tables that name an erased client on purpose: the audit log, the tombstone, the register. */
const KEEPS_THE_ID = ['audit_log', 'tombstone', 'privacy_request'];

function userTables(raw: RawDatabase): string[] {
  return (
    raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]
  ).map((r) => r.name);
}

/** The columns of a table that own its rows: `person.id`, and foreign keys to person that cascade. */
function ownerColumns(raw: RawDatabase, table: string): string[] {
  if (table === 'person') return ['id'];
  return (raw.prepare('SELECT "from", "table", on_delete FROM pragma_foreign_key_list(?)').all(table) as { from: string; table: string; on_delete: string }[])
    .filter((fk) => fk.table === 'person' && fk.on_delete === 'CASCADE')
    .map((fk) => fk.from);
}

/** Rows per table that no person of `circle` owns. */
function countOutside(raw: RawDatabase, circle: ReadonlySet<string>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const table of userTables(raw)) {
    if (table.includes('_fts') || table.startsWith('kysely_') || KEEPS_THE_ID.includes(table)) continue;
    const owners = ownerColumns(raw, table);
    const rows = raw.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[];
    counts[table] = rows.filter((r) => !owners.some((c) => circle.has(String(r[c])))).length;
  }
  return counts;
}

/** Every text value of every row no person of `circle` owns, folded: what must stay findable. */
function haystackOutside(raw: RawDatabase, circle: ReadonlySet<string>): string {
  const parts: string[] = [];
  for (const table of userTables(raw)) {
    if (table.includes('_fts') || table.startsWith('kysely_')) continue;
    const owners = ownerColumns(raw, table);
    for (const row of raw.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[]) {
      if (owners.some((c) => circle.has(String(row[c])))) continue;
      for (const v of Object.values(row)) if (typeof v === 'string') parts.push(fold(v));
    }
  }
  return parts.join('\n');
}

/** Each needle as typed and folded, in UTF-8, UTF-16LE and UTF-16BE. */
function encodings(needles: readonly string[]): { label: string; bytes: Buffer }[] {
  const forms = [...new Set(needles.flatMap((n) => [n, fold(n)]))];
  return forms.flatMap((n) => {
    const le = Buffer.from(n, 'utf16le');
    const be = Buffer.from(le).swap16();
    return [
      { label: `${n} (UTF-8)`, bytes: Buffer.from(n, 'utf8') },
      { label: `${n} (UTF-16LE)`, bytes: le },
      { label: `${n} (UTF-16BE)`, bytes: be },
    ];
  });
}

function found(image: Buffer, needles: readonly string[]): string[] {
  return encodings(needles)
    .filter((n) => image.includes(n.bytes))
    .map((n) => n.label);
}

interface Target {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  notePhrase: string;
  /** The client and the people around them who will go with them. */
  circle: Set<string>;
}

/**
 * A client with notes, preferences, an e-mail and family, whose names, e-mail and a note phrase
 * appear nowhere outside them and their circle — so that finding them after the erasure can only
 * mean a leftover.
 */
function pickTarget(raw: RawDatabase): Target {
  const candidates = raw
    .prepare(
      `SELECT p.id, p.first_name, p.last_name FROM person p
       WHERE p.kind = 'client' AND p.status = 'active'
         AND EXISTS (SELECT 1 FROM interaction i WHERE i.person_id = p.id AND i.note IS NOT NULL)
         AND EXISTS (SELECT 1 FROM preference f WHERE f.person_id = p.id)
         AND EXISTS (SELECT 1 FROM contact_point c WHERE c.person_id = p.id AND c.channel = 'email')
         AND EXISTS (SELECT 1 FROM relation r JOIN person q ON q.kind = 'related'
                     AND ((r.from_person_id = p.id AND q.id = r.to_person_id) OR (r.to_person_id = p.id AND q.id = r.from_person_id))
                     WHERE r.kind = 'family')
         AND length(p.first_name) >= 4 AND length(p.last_name) >= 4
       ORDER BY p.id`,
    )
    .all() as { id: string; first_name: string; last_name: string }[];
  for (const c of candidates) {
    const around = (
      raw
        .prepare(
          `SELECT DISTINCT q.id FROM relation r JOIN person q ON q.kind = 'related'
           AND ((r.from_person_id = ? AND q.id = r.to_person_id) OR (r.to_person_id = ? AND q.id = r.from_person_id))`,
        )
        .all(c.id, c.id) as { id: string }[]
    ).map((r) => r.id);
    // Only people linked to this client alone go with them.
    const onlyHere = around.filter(
      (id) =>
        (raw
          .prepare(
            `SELECT count(DISTINCT o.id) AS n FROM relation r JOIN person o ON o.kind = 'client'
             AND ((r.from_person_id = @id AND o.id = r.to_person_id) OR (r.to_person_id = @id AND o.id = r.from_person_id))`,
          )
          .get({ id }) as { n: number }).n === 1,
    );
    if (onlyHere.length !== around.length) continue;
    const circle = new Set([c.id, ...around]);
    const outside = haystackOutside(raw, circle);
    const email = (raw.prepare("SELECT value FROM contact_point WHERE person_id = ? AND channel = 'email'").get(c.id) as { value: string }).value;
    const notes = (raw.prepare('SELECT note FROM interaction WHERE person_id = ? AND note IS NOT NULL').all(c.id) as { note: string }[]).map((n) => n.note);
    const notePhrase = notes.map((n) => n.slice(0, 60)).find((n) => n.length >= 20 && !outside.includes(fold(n)));
    if (!notePhrase) continue;
    if ([c.first_name, c.last_name, email].some((n) => outside.includes(fold(n)))) continue;
    return { id: c.id, firstName: c.first_name, lastName: c.last_name, email, notePhrase, circle };
  }
  throw new Error('no client of the demo book fits the test');
}

function addMarkerNote(raw: RawDatabase, clientId: string): void {
  raw
    .prepare(
      `INSERT INTO interaction (id, person_id, occurred_at, kind, direction, channel, note, discreet, created_at)
       VALUES (?, ?, ?, 'visit', 'inbound', NULL, ?, 0, ?)`,
    )
    .run(newId(), clientId, '2025-11-02T15:00:00.000Z', `Came in about the ${MARKER}; left a note for the engraver.`, '2025-11-02T15:00:00.000Z');
}

/** Closes the store, copies its file (and WAL if any), and decrypts the copy whole. */
async function decryptedCopy(w: World): Promise<{ image: Buffer; wal: Buffer | null; integrity: unknown; clients: number }> {
  const file = w.core.session.registry.storePath(w.profileId);
  await w.core.session.lock();
  const { dir, cleanup } = tempDir('carnet-erased-copy-');
  try {
    const copy = path.join(dir, 'copy.carnet');
    fs.copyFileSync(file, copy);
    const wal = fs.existsSync(`${file}-wal`) ? fs.readFileSync(`${file}-wal`) : null;
    if (wal) fs.writeFileSync(`${copy}-wal`, wal);
    const raw = openStoreFile(copy, PASS);
    try {
      const image = raw.serialize();
      // The image is the decrypted database: it starts with SQLite's own header.
      expect(image.subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');
      const integrity = raw.pragma('integrity_check', { simple: true });
      const clients = (raw.prepare("SELECT count(*) AS n FROM person WHERE kind = 'client'").get() as { n: number }).n;
      return { image, wal, integrity, clients };
    } finally {
      raw.close();
    }
  } finally {
    cleanup();
  }
}

describe('erased means erased — a demo book, a real encrypted store, its decrypted bytes', () => {
  let w: World;
  let target: Target;
  let needles: string[];
  let clientsBefore: number;
  let outsideBefore: Record<string, number>;
  let erasedAt: string;

  beforeAll(async () => {
    w = await openWorld({ demoClients: 60 });
    target = pickTarget(w.raw);
    addMarkerNote(w.raw, target.id);
    needles = [target.lastName, target.firstName, target.email, target.notePhrase, MARKER, 'zephyrine'];
    clientsBefore = (w.raw.prepare("SELECT count(*) AS n FROM person WHERE kind = 'client'").get() as { n: number }).n;
    outsideBefore = countOutside(w.raw, target.circle);
    // The needles are in the store before: the search below can find them.
    expect(found(w.raw.serialize(), needles)).toEqual(expect.arrayContaining([`${target.lastName} (UTF-8)`, `${MARKER} (UTF-8)`, `${target.email} (UTF-8)`]));
  }, 60_000);
  afterAll(async () => {
    await w.close();
  });

  it('erases through the router and leaves a tombstone with no personal data', async () => {
    const r = await w.call('privacy.rights.erase', { clientId: target.id, confirm: true });
    expect(r.ok, JSON.stringify(r.error)).toBe(true);
    expect(Object.keys(r.value.tombstone).sort()).toEqual(['erasedAt', 'id', 'reason']);
    expect(r.value.tombstone).toMatchObject({ id: target.id, reason: 'erasure' });
    erasedAt = r.value.tombstone.erasedAt;
    expect(w.raw.prepare('SELECT * FROM tombstone').all()).toEqual([{ id: target.id, erased_at: erasedAt, reason: 'erasure' }]);
  });

  it('1. leaves no row naming the client or their circle, and search finds nothing', async () => {
    const holders: string[] = [];
    for (const table of userTables(w.raw)) {
      const columns = (w.raw.prepare('SELECT name FROM pragma_table_info(?)').all(table) as { name: string }[]).map((c) => c.name);
      for (const column of columns) {
        for (const id of target.circle) {
          const n = (w.raw.prepare(`SELECT count(*) AS n FROM "${table}" WHERE CAST("${column}" AS TEXT) LIKE ?`).get(`%${id}%`) as { n: number }).n;
          if (n > 0) holders.push(`${table}.${column}`);
        }
      }
    }
    expect([...new Set(holders)].filter((h) => !KEEPS_THE_ID.some((t) => h.startsWith(`${t}.`)))).toEqual([]);

    const match = (table: string, term: string): number =>
      (w.raw.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${table} MATCH ?`).get(`"${term.replaceAll('"', '""')}"`) as { n: number }).n;
    expect(match('person_fts', target.lastName)).toBe(0);
    expect(match('person_fts', target.firstName)).toBe(0);
    expect(match('interaction_fts', 'zephyrine')).toBe(0);
    expect((await w.call('clients.list', { query: target.lastName })).value.total).toBe(0);
    expect((await w.call('clients.list', { limit: 200 })).value.items.map((i: { id: string }) => i.id)).not.toContain(target.id);
    expect((await w.call('clients.get', { id: target.id })).error?.code).toBe('NOT_FOUND');
  });

  it('3. keeps a valid audit chain that records the erasure by id, never by name', async () => {
    const verify = await w.call('privacy.audit.verify', {});
    expect(verify.value).toMatchObject({ valid: true, firstBrokenSeq: null });
    const entry = w.raw.prepare("SELECT target_ids, outcome FROM audit_log WHERE action = 'privacy.rights.erase'").get() as { target_ids: string; outcome: string };
    expect(entry.outcome).toBe('ok');
    expect(JSON.parse(entry.target_ids)).toContain(target.id);
    const log = JSON.stringify(w.raw.prepare('SELECT * FROM audit_log').all());
    for (const n of [target.lastName, target.firstName, target.email, MARKER]) expect(log).not.toContain(n);
  });

  it('4. leaves the other clients intact', () => {
    expect((w.raw.prepare("SELECT count(*) AS n FROM person WHERE kind = 'client'").get() as { n: number }).n).toBe(clientsBefore - 1);
    expect(countOutside(w.raw, target.circle)).toEqual(outsideBefore);
    expect(w.raw.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(w.raw.pragma('foreign_key_check')).toEqual([]);
  });

  it('refuses a second erasure of the same client with ALREADY_ERASED, and audits the refusal', async () => {
    const again = await w.call('privacy.rights.erase', { clientId: target.id, confirm: true });
    expect(again.error?.code).toBe('ALREADY_ERASED');
    expect(lastAudit(w.raw)).toEqual({ action: 'privacy.rights.erase', target_ids: JSON.stringify([target.id]), outcome: 'error' });
    // Every other right now answers as for a client who does not exist.
    for (const [channel, input] of [
      ['privacy.rights.access', { clientId: target.id }],
      ['privacy.rights.portability', { clientId: target.id }],
      ['privacy.rights.rectify', { clientId: target.id, field: 'city', value: 'Lyon' }],
      ['privacy.rights.object', { clientId: target.id, source: 'in_person' }],
      ['privacy.requests.open', { clientId: target.id, right: 'access', receivedAt: '2026-01-05T10:00:00.000Z' }],
      ['privacy.consents.get', { clientId: target.id }],
    ] as const) {
      expect((await w.call(channel, input)).error?.code, channel).toBe('NOT_FOUND');
    }
  });

  it('2. leaves nothing of the client in the decrypted bytes of a copy of the closed store, and no WAL', async () => {
    const copy = await decryptedCopy(w);
    expect(found(copy.image, needles)).toEqual([]);
    expect(copy.wal === null || copy.wal.length === 0).toBe(true);
    expect(copy.integrity).toBe('ok');
    expect(copy.clients).toBe(clientsBefore - 1);
    // Unlocked again, the book is as it was left.
    const unlocked = await w.call('session.unlock', { profileId: w.profileId, passphrase: PASS });
    expect(unlocked.ok).toBe(true);
  }, 60_000);
});

describe('the byte search can see a leftover', () => {
  let w: World;

  beforeAll(async () => {
    w = await openWorld({ demoClients: 60 });
  }, 60_000);
  afterAll(async () => {
    await w.close();
  });

  it('finds the client of a plain DELETE — no index merge, no checkpoint, no VACUUM — in the decrypted bytes', async () => {
    const target = pickTarget(w.raw);
    addMarkerNote(w.raw, target.id);
    w.raw.transaction(() => {
      for (const id of [...target.circle].reverse()) w.raw.prepare('DELETE FROM person WHERE id = ?').run(id);
    })();
    expect((w.raw.prepare('SELECT count(*) AS n FROM person WHERE id = ?').get(target.id) as { n: number }).n).toBe(0);
    const copy = await decryptedCopy(w);
    const leftovers = found(copy.image, [target.lastName, target.firstName, target.email, target.notePhrase, MARKER, 'zephyrine']);
    // secure_delete zeroes the rows themselves; the full-text index keeps their tokens.
    expect(leftovers).toContain(`${fold(target.lastName)} (UTF-8)`);
    expect(leftovers).toContain('zephyrine (UTF-8)');
  }, 60_000);
});

describe('privacy.rights.erase — bad input', () => {
  let w: World;

  beforeAll(async () => {
    w = await openWorld();
  });
  afterAll(async () => {
    await w.close();
  });

  it('needs confirm: true, a well-formed id, a client who exists, is a client, and is not restricted', async () => {
    const client = addPerson(w.raw, { first: 'Bérénice', last: 'Vasseur' });
    const related = addPerson(w.raw, { kind: 'related', first: 'Élise', last: 'Vasseur' });
    addRelation(w.raw, related, client, 'daughter');
    addConsent(w.raw, client, 'relationship_mapping', 'grant');
    addContact(w.raw, client, 'email', 'berenice.vasseur@example.fr');
    expect((await w.call('privacy.rights.erase', { clientId: client })).error?.code).toBe('INVALID_INPUT');
    expect((await w.call('privacy.rights.erase', { clientId: client, confirm: false })).error?.code).toBe('INVALID_INPUT');
    expect((await w.call('privacy.rights.erase', { clientId: client, confirm: 'yes' })).error?.code).toBe('INVALID_INPUT');
    expect((await w.call('privacy.rights.erase', { clientId: 'Vasseur', confirm: true })).error?.code).toBe('INVALID_INPUT');
    expect((await w.call('privacy.rights.erase', { clientId: '01ARZ3NDEKTSV4RRFFQ69G5FAV', confirm: true })).error?.code).toBe('NOT_FOUND');
    expect((await w.call('privacy.rights.erase', { clientId: related, confirm: true })).error?.code).toBe('NOT_A_CLIENT');

    await w.call('privacy.restrict', { clientId: client, restricted: true, reason: 'legal_claims' });
    const restricted = await w.call('privacy.rights.erase', { clientId: client, confirm: true });
    expect(restricted.error?.code).toBe('RESTRICTED');
    expect((w.raw.prepare('SELECT count(*) AS n FROM person WHERE id IN (?, ?)').get(client, related) as { n: number }).n).toBe(2);

    await w.call('privacy.restrict', { clientId: client, restricted: false });
    const erased = await w.call('privacy.rights.erase', { clientId: client, confirm: true });
    expect(erased.ok).toBe(true);
    // The daughter was covered by no one else: she went with her mother.
    expect((w.raw.prepare('SELECT count(*) AS n FROM person').get() as { n: number }).n).toBe(0);
    expect(JSON.parse(lastAudit(w.raw).target_ids)).toEqual([client, related]);
    expect((await w.call('privacy.rights.erase', { clientId: client, confirm: true })).error?.code).toBe('ALREADY_ERASED');
  });

  it('keeps the people around the client whom another client still covers', async () => {
    const mother = addPerson(w.raw, { first: 'Agathe', last: 'Ferrand' });
    const father = addPerson(w.raw, { first: 'Louis', last: 'Ferrand' });
    const son = addPerson(w.raw, { kind: 'related', first: 'Hugo', last: 'Ferrand' });
    addRelation(w.raw, son, mother, 'son');
    addRelation(w.raw, son, father, 'son');
    for (const c of [mother, father]) addConsent(w.raw, c, 'relationship_mapping', 'grant');
    expect((await w.call('privacy.rights.erase', { clientId: mother, confirm: true })).ok).toBe(true);
    expect(w.raw.prepare('SELECT id FROM person ORDER BY id').all()).toEqual([{ id: father < son ? father : son }, { id: father < son ? son : father }]);
    expect(w.raw.prepare('SELECT count(*) AS n FROM relation').get()).toEqual({ n: 1 });
  });
});
