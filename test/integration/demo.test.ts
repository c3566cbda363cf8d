/**
 * The demo maison, against real encrypted stores: deterministic row for row, shaped like a real
 * book (families, referral chains, withdrawals, dormant clients, what is coming up), searchable
 * without accents, unreadable on disk, and one command away (`scripts/demo.ts`).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStoreFile, type RawDatabase } from '../../db/open.js';
import { attachStore, type Store } from '../../db/store.js';
import { DEMO_PASSPHRASE } from '../../electron/services/demo/constants.js';
import { generateDemo, type DemoStats } from '../../electron/services/demo/generate.js';
import { createCore } from '../../electron/services/index.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TODAY = '2026-03-14';
const TODAY_MS = Date.parse(`${TODAY}T00:00:00.000Z`);
const DAY = 86_400_000;
const ADVISOR = '01HZX3K7Q2V8M5N4P6R9T0W1YA';
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000Z$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

let tmp: string;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'carnet-'));
});

afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** A fresh encrypted store with a fixed advisor row, as `createProfile` would leave it. */
async function demoStore(name: string, seed: number, clients: number): Promise<{ store: Store; file: string; stats: DemoStats }> {
  const file = path.join(tmp, `${name}.carnet`);
  const raw = createStoreFile(file, DEMO_PASSPHRASE);
  const store = await attachStore(raw);
  raw
    .prepare('INSERT INTO advisor (id, display_name, maison, boutique, locale, time_zone, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(ADVISOR, 'Camille Laurent', 'Maison Aubrac', 'Paris — Faubourg Saint-Honoré', 'en', 'Europe/Paris', '2026-03-01T09:00:00.000Z');
  const stats = generateDemo(raw, { seed, clients, today: TODAY, advisorId: ADVISOR });
  return { store, file, stats };
}

/**
 * A canonical dump of every table, each ordered by id (or by all its columns when it has none),
 * hashed. Only Kysely's migration bookkeeping is left out: it records when the store was
 * migrated, by the wall clock, and holds no demo data.
 */
function hashStore(raw: RawDatabase): { hash: string; tables: string[] } {
  const tables = (
    raw
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'kysely_migration%' ORDER BY name")
      .all() as { name: string }[]
  ).map((t) => t.name);
  const hash = createHash('sha256');
  for (const table of tables) {
    const columns = (raw.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((c) => c.name);
    const order = columns.includes('id') ? '"id"' : columns.map((_, i) => String(i + 1)).join(', ');
    hash.update(`\u0000${table}\u0000${columns.join(',')}\u0000`);
    for (const row of raw.prepare(`SELECT * FROM "${table}" ORDER BY ${order}`).raw().iterate()) {
      hash.update(JSON.stringify(row));
      hash.update('\n');
    }
  }
  return { hash: hash.digest('hex'), tables };
}

describe('demo maison: determinism', () => {
  it('writes the same rows for the same seed, clients and day, and other rows for another seed', async () => {
    const a = await demoStore('det-a', 7, 120);
    const b = await demoStore('det-b', 7, 120);
    const c = await demoStore('det-c', 8, 120);
    try {
      const ha = hashStore(a.store.raw);
      const hb = hashStore(b.store.raw);
      const hc = hashStore(c.store.raw);
      expect(ha.tables).toEqual(expect.arrayContaining(['person', 'interaction', 'consent', 'person_fts_data', 'audit_log']));
      expect(a.stats).toEqual(b.stats);
      expect(ha.hash).toBe(hb.hash);
      expect(hc.hash).not.toBe(ha.hash);
    } finally {
      await a.store.close();
      await b.store.close();
      await c.store.close();
    }
  });

  it('refuses bad options and a store that already holds people', async () => {
    const { store } = await demoStore('refuse', 1, 5);
    try {
      const options = { seed: 1, clients: 5, today: TODAY, advisorId: ADVISOR };
      expect(() => generateDemo(store.raw, options)).toThrow(/empty store/);
      expect(() => generateDemo(store.raw, { ...options, clients: 0 })).toThrow(RangeError);
      expect(() => generateDemo(store.raw, { ...options, today: '2026-02-30' })).toThrow(RangeError);
      expect(() => generateDemo(store.raw, { ...options, advisorId: '01HZX3K7Q2V8M5N4P6R9T0W1YB' })).toThrow(/advisor/);
    } finally {
      await store.close();
    }
  });
});

describe('demo maison: a believable book (300 clients)', () => {
  let store: Store;
  let file: string;
  let stats: DemoStats;
  let raw: RawDatabase;
  const one = <T>(sql: string, ...params: unknown[]): T => raw.prepare(sql).get(...params) as T;
  const n = (sql: string, ...params: unknown[]): number => one<{ n: number }>(sql, ...params).n;

  beforeAll(async () => {
    const started = performance.now();
    ({ store, file, stats } = await demoStore('book', 1, 300));
    // Not a benchmark, a guard: the "Open the demo maison" button waits for this.
    expect(performance.now() - started).toBeLessThan(10_000);
    raw = store.raw;
  });

  afterAll(async () => {
    await store?.close();
  });

  it('has the requested clients, about four people and fifty interactions each', () => {
    const clients = n("SELECT count(*) AS n FROM person WHERE kind = 'client'");
    const people = n('SELECT count(*) AS n FROM person');
    const interactions = n('SELECT count(*) AS n FROM interaction');
    expect(clients).toBe(300);
    expect(stats).toMatchObject({ clients: 300, people, interactions, purchases: n('SELECT count(*) AS n FROM purchase') });
    expect(people / clients).toBeGreaterThan(3.5);
    expect(people / clients).toBeLessThan(4.6);
    expect(interactions / clients).toBeGreaterThan(40);
    expect(interactions / clients).toBeLessThan(62);
    for (const table of ['contact_point', 'preference', 'appointment', 'after_sales_case', 'moment', 'relation', 'gift', 'consent']) {
      expect(n(`SELECT count(*) AS n FROM ${table}`), table).toBeGreaterThan(clients / 3);
    }
  });

  it('links families, assistants and referral chains at least three deep', () => {
    const labels = (raw.prepare("SELECT DISTINCT label FROM relation WHERE kind = 'family'").all() as { label: string }[]).map((r) => r.label);
    expect(labels).toEqual(expect.arrayContaining(['spouse', 'daughter', 'son', 'mother']));
    expect(n("SELECT count(*) AS n FROM relation WHERE kind = 'assistant'")).toBeGreaterThan(0);
    expect(n("SELECT count(*) AS n FROM relation WHERE kind = 'influence'")).toBeGreaterThan(0);
    // Referrals go from the referred client to the referrer, who joined earlier.
    expect(
      n(`SELECT count(*) AS n FROM relation r JOIN person a ON a.id = r.from_person_id JOIN person b ON b.id = r.to_person_id
         WHERE r.kind = 'referral' AND (r.label <> 'referred by' OR a.kind <> 'client' OR b.kind <> 'client' OR b.client_since > a.client_since)`),
    ).toBe(0);
    const depth = n(`WITH RECURSIVE chain(id, depth) AS (
        SELECT from_person_id, 1 FROM relation WHERE kind = 'referral'
        UNION ALL
        SELECT r.from_person_id, chain.depth + 1 FROM relation r JOIN chain ON r.to_person_id = chain.id
        WHERE r.kind = 'referral' AND chain.depth < 50
      ) SELECT max(depth) AS n FROM chain`);
    expect(depth).toBeGreaterThanOrEqual(3);
    // Related people are never clients and carry the minimum.
    expect(n("SELECT count(*) AS n FROM person WHERE kind = 'related' AND (tier IS NOT NULL OR client_since IS NOT NULL OR city IS NOT NULL)")).toBe(0);
  });

  it('keeps consents as a ledger with withdrawals, and has dormant and restricted clients', () => {
    const clients = 300;
    const purposes = (raw.prepare('SELECT DISTINCT purpose FROM consent').all() as { purpose: string }[]).map((r) => r.purpose);
    expect(purposes.sort()).toEqual(['analytics', 'outreach', 'personalisation', 'relationship_mapping', 'service']);
    expect(n("SELECT count(*) AS n FROM consent WHERE purpose = 'outreach' AND channel IS NULL")).toBe(0);
    expect(n("SELECT count(*) AS n FROM consent WHERE purpose <> 'outreach' AND channel IS NOT NULL")).toBe(0);
    const withdrew = n("SELECT count(DISTINCT person_id) AS n FROM consent WHERE action = 'withdraw'");
    expect(withdrew / clients).toBeGreaterThan(0.04);
    expect(withdrew / clients).toBeLessThan(0.13);
    expect(n("SELECT count(*) AS n FROM consent WHERE action = 'withdraw' AND purpose = 'personalisation'")).toBeGreaterThan(0);
    // Every withdrawal follows a grant of the same purpose (and channel).
    expect(
      n(`SELECT count(*) AS n FROM consent w WHERE w.action = 'withdraw' AND NOT EXISTS (
           SELECT 1 FROM consent g WHERE g.person_id = w.person_id AND g.purpose = w.purpose AND g.action = 'grant'
             AND g.channel IS w.channel AND g.effective_at < w.effective_at)`),
    ).toBe(0);
    const cutoff = new Date(Date.UTC(2024, 8, 14)).toISOString(); // 18 months before TODAY
    const dormant = n(`SELECT count(*) AS n FROM person WHERE kind = 'client' AND (last_contact_at IS NULL OR last_contact_at < ?)`, cutoff);
    expect(dormant / clients).toBeGreaterThan(0.08);
    expect(dormant / clients).toBeLessThan(0.16);
    expect(n("SELECT count(*) AS n FROM person WHERE kind = 'client' AND status = 'restricted'")).toBeGreaterThan(0);
    // Each restricted client has the restriction in its history, recorded after their last message; nobody else has one.
    expect(
      n(`SELECT count(*) AS n FROM person p WHERE p.kind = 'client' AND p.status = 'restricted' AND NOT EXISTS (
           SELECT 1 FROM restriction r WHERE r.person_id = p.id AND r.action = 'restrict' AND r.reason IS NOT NULL
             AND r.recorded_at > p.last_contact_at AND r.recorded_at < ?)`, new Date(TODAY_MS).toISOString()),
    ).toBe(0);
    expect(n("SELECT count(*) AS n FROM restriction r JOIN person p ON p.id = r.person_id WHERE p.status <> 'restricted'")).toBe(0);
    // last_contact_at is the trigger's: the last interaction.
    expect(
      n(`SELECT count(*) AS n FROM person p WHERE p.kind = 'client'
         AND p.last_contact_at IS NOT (SELECT max(occurred_at) FROM interaction i WHERE i.person_id = p.id)`),
    ).toBe(0);
  });

  it('has appointments and moments in the next thirty days', () => {
    const until = new Date(TODAY_MS + 30 * DAY).toISOString();
    expect(n("SELECT count(*) AS n FROM appointment WHERE status = 'planned' AND starts_at >= ? AND starts_at < ?", `${TODAY}T00:00:00.000Z`, until)).toBeGreaterThan(0);
    expect(n("SELECT count(*) AS n FROM appointment WHERE status = 'planned' AND (starts_at < ? OR starts_at > ?)", `${TODAY}T00:00:00.000Z`, until)).toBe(0);
    expect(n("SELECT count(*) AS n FROM appointment WHERE status = 'cancelled'")).toBeGreaterThan(0);
    const days = Array.from({ length: 30 }, (_, k) => new Date(TODAY_MS + k * DAY).toISOString().slice(5, 10));
    const recurring = n(`SELECT count(*) AS n FROM moment WHERE recurring = 1 AND date IN (${days.map(() => '?').join(',')})`, ...days);
    const dated = n("SELECT count(*) AS n FROM moment WHERE recurring = 0 AND date >= ? AND date < ?", TODAY, until.slice(0, 10));
    expect(recurring + dated).toBeGreaterThan(0);
    expect(n("SELECT count(*) AS n FROM after_sales_case WHERE status <> 'closed'")).toBeGreaterThan(0);
    expect(n("SELECT count(*) AS n FROM after_sales_case WHERE (status = 'closed') <> (closed_at IS NOT NULL)")).toBe(0);
  });

  it('gives every client exactly one preferred contact point, with synthetic values', () => {
    expect(
      n(`SELECT count(*) AS n FROM person p WHERE p.kind = 'client'
         AND (SELECT count(*) FROM contact_point c WHERE c.person_id = p.id AND c.is_preferred = 1) <> 1`),
    ).toBe(0);
    const values = raw.prepare('SELECT channel, value FROM contact_point').all() as { channel: string; value: string }[];
    for (const { channel, value } of values) {
      if (channel === 'email') expect(value).toMatch(/@example\.(com|fr)$/);
      if (channel === 'phone' || channel === 'whatsapp' || channel === 'sms') {
        expect(value).toMatch(/^(\+33 [16] (99 00|39 98) \d{2} \d{2}|\+44 (7700 900|20 7946 0)\d{3}|\+1 \d{3} 555 01\d{2})$/);
      }
    }
    expect(n("SELECT count(*) AS n FROM contact_point c JOIN person p ON p.id = c.person_id WHERE c.channel = 'wechat' AND p.country IN ('CN', 'HK')")).toBeGreaterThan(0);
  });

  it('writes well-formed instants, dates and money, all in the past but for what is planned', () => {
    const todayInstant = `${TODAY}T00:00:00.000Z`;
    const past: [string, string][] = [
      ['interaction', 'occurred_at'],
      ['interaction', 'created_at'],
      ['purchase', 'purchased_at'],
      ['consent', 'effective_at'],
      ['consent', 'recorded_at'],
      ['gift', 'given_at'],
      ['after_sales_case', 'opened_at'],
      ['after_sales_case', 'closed_at'],
      ['person', 'created_at'],
      ['person', 'updated_at'],
      ['preference', 'created_at'],
      ['contact_point', 'created_at'],
      ['relation', 'created_at'],
      ['moment', 'created_at'],
      ['appointment', 'created_at'],
    ];
    for (const [table, column] of past) {
      const values = (raw.prepare(`SELECT ${column} AS v FROM ${table} WHERE ${column} IS NOT NULL`).all() as { v: string }[]).map((r) => r.v);
      for (const v of values) expect(v, `${table}.${column}`).toMatch(INSTANT);
      expect(values.every((v) => v < todayInstant), `${table}.${column} before today`).toBe(true);
    }
    for (const [table, column] of [
      ['person', 'client_since'],
      ['person', 'birth_date'],
      ['person', 'review_at'],
      ['preference', 'review_at'],
      ['contact_point', 'review_at'],
      ['relation', 'since'],
      ['relation', 'until'],
    ] as const) {
      const values = (raw.prepare(`SELECT ${column} AS v FROM ${table} WHERE ${column} IS NOT NULL`).all() as { v: string }[]).map((r) => r.v);
      for (const v of values) expect(v, `${table}.${column}`).toMatch(DATE);
      expect(values.every((v) => v <= TODAY), `${table}.${column} not after today`).toBe(true);
    }
    expect(n("SELECT count(*) AS n FROM moment WHERE NOT (date GLOB '[0-1][0-9]-[0-3][0-9]' AND recurring = 1 OR date GLOB '[1-2][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND recurring = 0)")).toBe(0);
    expect(n("SELECT count(*) AS n FROM purchase WHERE typeof(amount_minor) <> 'integer' OR amount_minor <= 0")).toBe(0);
    expect(n("SELECT count(*) AS n FROM purchase WHERE recipient_person_id IS NOT NULL")).toBeGreaterThan(0);
    expect((raw.prepare('SELECT DISTINCT currency FROM purchase').all() as { currency: string }[]).length).toBeGreaterThan(2);
    const categories = (raw.prepare('SELECT DISTINCT category FROM purchase ORDER BY 1').all() as { category: string }[]).map((r) => r.category);
    expect(categories).toEqual(['fragrance', 'jewellery', 'leather_goods', 'ready_to_wear', 'watches']);
    const span = one<{ first: string; last: string }>('SELECT min(purchased_at) AS first, max(purchased_at) AS last FROM purchase');
    expect(Date.parse(span.first)).toBeLessThan(TODAY_MS - 4.5 * 365 * DAY);
    expect(Date.parse(span.last)).toBeGreaterThan(TODAY_MS - 14 * DAY);
  });

  it('keeps names in proper form, with an accent-free sort key', () => {
    const rows = raw.prepare('SELECT first_name, last_name, sort_key FROM person').all() as { first_name: string; last_name: string; sort_key: string }[];
    for (const r of rows) {
      expect(r.sort_key).toBe(`${r.last_name} ${r.first_name}`.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase());
    }
    expect(rows.filter((r) => /[^\u0000-\u007f]/.test(r.first_name)).length).toBeGreaterThan(10);
  });

  it('writes short notes in English and French, a few of them discreet', () => {
    const notes = (raw.prepare('SELECT note FROM interaction WHERE note IS NOT NULL').all() as { note: string }[]).map((r) => r.note);
    expect(notes.length).toBeGreaterThan(0.9 * n('SELECT count(*) AS n FROM interaction'));
    expect(notes.every((note) => note.length <= 200)).toBe(true);
    expect(notes.some((note) => / ; /.test(note))).toBe(true); // French typography
    expect(notes.some((note) => /\b(she|he|her|his)\b/.test(note))).toBe(true);
    expect(new Set(notes).size).toBeGreaterThan(notes.length / 4);
    expect(n('SELECT count(*) AS n FROM interaction WHERE discreet = 1')).toBeGreaterThan(0);
    expect(n("SELECT count(*) AS n FROM interaction_fts WHERE interaction_fts MATCH '\"salon\"*'")).toBeGreaterThan(0);
  });

  it('finds an accented first name searched without accents', () => {
    const hits = raw
      .prepare(`SELECT p.first_name AS first FROM person_fts JOIN person p ON p.seq = person_fts.rowid WHERE person_fts MATCH '"eleonore"*'`)
      .all() as { first: string }[];
    expect(hits.map((h) => h.first)).toContain('Éléonore');
    const helene = raw.prepare(`SELECT count(*) AS n FROM person_fts WHERE person_fts MATCH '"helene"*'`).get() as { n: number };
    expect(helene.n).toBeGreaterThan(0);
  });

  it('passes the foreign key and integrity checks', () => {
    expect(raw.pragma('foreign_key_check')).toEqual([]);
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('leaves no client name in plain text in the file once locked', async () => {
    const names = (
      raw.prepare("SELECT DISTINCT last_name FROM person WHERE kind = 'client' AND length(last_name) >= 7 ORDER BY seq LIMIT 8").all() as { last_name: string }[]
    ).map((r) => r.last_name);
    expect(names.length).toBeGreaterThanOrEqual(5);
    await store.close();
    const bytes = fs.readFileSync(file);
    expect(bytes.subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\u0000');
    for (const name of [...names, 'private salon', 'Maison Aubrac']) {
      expect(bytes.includes(Buffer.from(name, 'utf8')), name).toBe(false);
    }
    expect(fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0).toBe(0);
  });
});

describe('demo maison: invariants across seeds and days', () => {
  // Small books on awkward days: a leap day, a Sunday, New Year's Eve, the first of the year.
  const cases: [number, string][] = [
    [2, '2024-02-29'],
    [3, '2025-06-01'],
    [4, '2025-12-31'],
    [5, '2027-01-01'],
  ];
  it.each(cases)('seed %i, today %s', async (seed, today) => {
    const file = path.join(tmp, `sweep-${seed}.carnet`);
    const raw = createStoreFile(file, DEMO_PASSPHRASE);
    const store = await attachStore(raw);
    try {
      raw
        .prepare('INSERT INTO advisor (id, display_name, maison, boutique, locale, time_zone, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(ADVISOR, 'Camille Laurent', 'Maison Aubrac', 'Paris', 'en', 'Europe/Paris', `${today}T00:00:00.000Z`);
      generateDemo(raw, { seed, clients: 40, today, advisorId: ADVISOR });
      const todayMs = Date.parse(`${today}T00:00:00.000Z`);
      const start = `${today}T00:00:00.000Z`;
      const until = new Date(todayMs + 30 * DAY).toISOString();
      const n = (sql: string, ...params: unknown[]): number => (raw.prepare(sql).get(...params) as { n: number }).n;
      expect(n("SELECT count(*) AS n FROM person WHERE kind = 'client'")).toBe(40);
      expect(n("SELECT count(*) AS n FROM appointment WHERE status = 'planned' AND (starts_at < ? OR starts_at >= ?)", start, until)).toBe(0);
      expect(n("SELECT count(*) AS n FROM appointment WHERE status = 'planned'")).toBeGreaterThan(0);
      expect(n("SELECT count(*) AS n FROM appointment WHERE status <> 'planned' AND starts_at >= ?", start)).toBe(0);
      for (const [table, column] of [
        ['interaction', 'occurred_at'],
        ['interaction', 'created_at'],
        ['purchase', 'purchased_at'],
        ['consent', 'recorded_at'],
        ['gift', 'given_at'],
        ['after_sales_case', 'closed_at'],
        ['moment', 'created_at'],
        ['appointment', 'created_at'],
        ['person', 'updated_at'],
      ] as const) {
        expect(n(`SELECT count(*) AS n FROM ${table} WHERE ${column} >= ?`, start), `${table}.${column}`).toBe(0);
      }
      expect(n('SELECT count(*) AS n FROM relation WHERE since > ? OR until > ?', today, today)).toBe(0);
      expect(
        n(`SELECT count(*) AS n FROM person p WHERE p.kind = 'client'
           AND (SELECT count(*) FROM contact_point c WHERE c.person_id = p.id AND c.is_preferred = 1) <> 1`),
      ).toBe(0);
      const days = Array.from({ length: 30 }, (_, k) => new Date(todayMs + k * DAY).toISOString().slice(5, 10));
      expect(n(`SELECT count(*) AS n FROM moment WHERE recurring = 1 AND date IN (${days.map(() => '?').join(',')})`, ...days)).toBeGreaterThan(0);
      const depth = n(`WITH RECURSIVE chain(id, depth) AS (
          SELECT from_person_id, 1 FROM relation WHERE kind = 'referral'
          UNION ALL
          SELECT r.from_person_id, chain.depth + 1 FROM relation r JOIN chain ON r.to_person_id = chain.id
          WHERE r.kind = 'referral' AND chain.depth < 50
        ) SELECT max(depth) AS n FROM chain`);
      expect(depth).toBeGreaterThanOrEqual(3);
      expect(raw.pragma('foreign_key_check')).toEqual([]);
      expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      await store.close();
    }
  });
});

describe('demo maison: the app and the command', () => {
  it('opens from the session service, once written, and unlocks it afterwards', async () => {
    const dir = path.join(tmp, 'app');
    const core = createCore({ profilesDir: dir, demoClients: 40, now: () => new Date('2026-03-14T09:30:00.000Z') });
    const summary = await core.session.openDemo();
    expect(summary.demo).toBe(true);
    const count = (): number =>
      (core.session.requireStore().raw.prepare("SELECT count(*) AS n FROM person WHERE kind = 'client'").get() as { n: number }).n;
    expect(count()).toBe(40);
    await core.session.lock();
    const again = await core.session.openDemo();
    expect(again.id).toBe(summary.id);
    expect(count()).toBe(40);
    await core.session.lock();
  });

  const run = (args: string[]) =>
    spawnSync('npx', ['tsx', 'scripts/demo.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });

  it('writes a demo profile with scripts/demo.ts and prints only figures', async () => {
    const dir = path.join(tmp, 'cli');
    const result = run(['--dir', dir, '--clients', '20', '--seed', '7', '--today', TODAY]);
    expect(result.status, result.stderr).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^demo maison: 20 clients, \d+ people, \d+ interactions, \d+ purchases in [\d.]+ s/);
    const listed = JSON.parse(fs.readFileSync(path.join(dir, 'profiles.json'), 'utf8')) as { profiles: { id: string; demo: boolean }[] };
    expect(listed.profiles).toHaveLength(1);
    expect(listed.profiles[0]?.demo).toBe(true);
    // It is locked, and opens with the published passphrase.
    const core = createCore({ profilesDir: dir });
    await core.session.unlock(listed.profiles[0]?.id ?? '', DEMO_PASSPHRASE);
    const raw = core.session.requireStore().raw;
    const names = (raw.prepare('SELECT last_name FROM person').all() as { last_name: string }[]).map((r) => r.last_name);
    expect((raw.prepare("SELECT count(*) AS n FROM person WHERE kind = 'client'").get() as { n: number }).n).toBe(20);
    expect(names.some((name) => result.stdout.includes(name) || result.stderr.includes(name))).toBe(false);
    await core.session.lock();
  }, 60_000);

  it('exits 2 on bad arguments, writing nothing', () => {
    const dir = path.join(tmp, 'bad');
    const cases = [
      [],
      ['--dir', dir, '--clients', 'many'],
      ['--dir', dir, '--today', '14/03/2026'],
      ['--dir', dir, '--colour', 'red'],
      ['--dir', dir, '--passphrase', 'short'],
    ];
    for (const args of cases) {
      const result = run(args);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(/usage: npm run demo/);
    }
    expect(fs.existsSync(dir)).toBe(false);
  }, 60_000);
});
