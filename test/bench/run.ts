/**
 * `npm run bench` — figures, not assertions. Builds the demo maison at CARNET_BENCH_CLIENTS
 * (default 10,000) clients twice from the same seed: once in an encrypted SQLCipher store and
 * once in a plain SQLite file, then runs the same core workloads on both and prints the ratio.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { applyPragmas } from '../../db/open.js';
import { createKysely, migrate, type Db } from '../../db/store.js';
import type { Database } from '../../db/schema.js';
import { getClient, listClients } from '../../electron/services/clientbook/clients.js';
import { clientBrief } from '../../electron/services/clientbook/brief.js';
import { client360 } from '../../electron/services/clientbook/client360.js';
import { privacyOverview } from '../../electron/services/privacy/overview.js';
import { searchBook } from '../../electron/services/clientbook/search.js';
import { generateDemo } from '../../electron/services/demo/generate.js';
import { createCore } from '../../electron/services/index.js';

const CLIENTS = Number(process.env.CARNET_BENCH_CLIENTS ?? 10_000);
const SEED = 2026;
const TODAY = '2026-11-24';
const PASS = 'benchmark passphrase, not secret';
const ITERATIONS = Number(process.env.CARNET_BENCH_ITERATIONS ?? 300);

interface Stats {
  p50: number;
  p95: number;
  mean: number;
}

function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  return { p50: at(0.5), p95: at(0.95), mean: samples.reduce((a, b) => a + b, 0) / samples.length };
}

async function time(fn: () => Promise<unknown>, iterations = ITERATIONS): Promise<Stats> {
  for (let i = 0; i < Math.min(20, iterations); i++) await fn(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  return stats(samples);
}

function ms(n: number): string {
  return `${n.toFixed(n < 10 ? 2 : 1)} ms`;
}

/** A deterministic sample of client ids and search prefixes taken from the data itself. */
function sample(raw: BetterSqlite3.Database): { ids: string[]; prefixes: string[]; typed: string[] } {
  const ids = (raw.prepare("SELECT id FROM person WHERE kind = 'client' AND status != 'erased' ORDER BY id").all() as { id: string }[]).map((r) => r.id);
  const picked = Array.from({ length: 200 }, (_, i) => ids[(i * 7919) % ids.length] as string);
  const names = raw.prepare("SELECT first_name, last_name FROM person WHERE kind = 'client' ORDER BY id LIMIT 200").all() as { first_name: string; last_name: string }[];
  const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const prefixes = names.flatMap((n) => [fold(n.first_name).slice(0, 3), fold(n.last_name).slice(0, 4)]).filter((p) => p.length >= 2);
  // Search as you type: every prefix of a name or of a word from a note, two letters and up.
  const notes = raw.prepare('SELECT note FROM interaction WHERE note IS NOT NULL ORDER BY seq LIMIT 400').all() as { note: string }[];
  const words = notes.map((n, i) => (n.note.split(/[^\p{L}]+/u).filter((x) => x.length >= 5)[i % 3] ?? '')).filter((x) => x.length >= 5).slice(0, 60);
  const typed = [...names.slice(0, 60).map((n) => fold(n.first_name)), ...words.map(fold)].flatMap((word) =>
    Array.from({ length: Math.min(word.length, 6) - 1 }, (_, k) => word.slice(0, k + 2)),
  );
  return { ids: picked, prefixes, typed };
}

async function workloads(db: Db, raw: BetterSqlite3.Database): Promise<Record<string, Stats>> {
  const { ids, prefixes, typed } = sample(raw);
  const now = new Date(`${TODAY}T10:00:00.000Z`);
  let i = 0;
  let j = 0;
  let k = 0;
  let m = 0;
  let b = 0;
  return {
    'clients.list (by name, 50)': await time(() => listClients(db, { sort: 'name', limit: 50, offset: 0 })),
    'clients.list (by last contact, 50)': await time(() => listClients(db, { sort: 'lastContact', limit: 50, offset: 0 })),
    'clients.list (search as you type)': await time(() => listClients(db, { query: prefixes[j++ % prefixes.length], sort: 'name', limit: 50, offset: 0 })),
    'clients.get': await time(() => getClient(db, ids[i++ % ids.length] as string)),
    'clients.get360 (timeline 30)': await time(() => client360(db, ids[k++ % ids.length] as string, { limit: 30 }, now)),
    'clients.brief': await time(() => clientBrief(db, ids[b++ % ids.length] as string, now)),
    'search.query (prefixes, 10 a type)': await time(() => searchBook(db, { text: typed[m++ % typed.length] as string, limit: 10 }), Math.max(ITERATIONS, typed.length)),
    'privacy.overview (consent coverage)': await time(() => privacyOverview(db), 15),
  };
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carnet-bench-'));
  try {
    console.log(`Carnet benchmarks — ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
    console.log(`Demo maison: ${CLIENTS.toLocaleString('en')} clients, seed ${SEED}, today ${TODAY}\n`);

    // Encrypted store, through the real session service.
    const core = createCore({ profilesDir: path.join(dir, 'profiles') });
    const profile = await core.session.createProfile({ displayName: 'Bench', maison: 'Maison', boutique: 'Paris', locale: 'en', passphrase: PASS });
    let t0 = performance.now();
    const generated = generateDemo(core.session.requireStore().raw, { seed: SEED, clients: CLIENTS, today: TODAY, advisorId: profile.id });
    console.log(`generate (encrypted): ${(performance.now() - t0) / 1000 | 0} s — ${JSON.stringify(generated)}`);
    await core.session.lock();
    const storeFile = core.session.registry.storePath(profile.id);
    console.log(`store size: ${(fs.statSync(storeFile).size / 2 ** 20).toFixed(0)} MiB`);

    // Plain SQLite baseline with the same data.
    const plainFile = path.join(dir, 'plain.sqlite');
    const plain = new BetterSqlite3(plainFile);
    applyPragmas(plain);
    const plainDb = createKysely<Database>(plain);
    await migrate(plainDb as never);
    plain
      .prepare('INSERT INTO advisor (id, display_name, maison, boutique, locale, time_zone, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(profile.id, 'Bench', 'Maison', 'Paris', 'en', 'Europe/Paris', new Date().toISOString());
    t0 = performance.now();
    generateDemo(plain, { seed: SEED, clients: CLIENTS, today: TODAY, advisorId: profile.id });
    console.log(`generate (plain):     ${(performance.now() - t0) / 1000 | 0} s\n`);

    // Unlock: key derivation + open + verification + migration check.
    // The first unlock also purges what the demo's old withdrawals left past their grace period
    // (rows, FTS optimize, VACUUM of the whole file): a one-off, reported apart.
    t0 = performance.now();
    const first = await core.router.dispatch('session.unlock', { profileId: profile.id, passphrase: PASS });
    if (!first.ok) throw new Error(`unlock failed: ${first.error.code}`);
    console.log(`first unlock, with the one-off purge of expired withdrawals: ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
    await core.session.lock();
    const unlocks: number[] = [];
    for (let k = 0; k < 7; k++) {
      t0 = performance.now();
      const r = await core.router.dispatch('session.unlock', { profileId: profile.id, passphrase: PASS });
      unlocks.push(performance.now() - t0);
      if (!r.ok) throw new Error(`unlock failed: ${r.error.code}`);
      if (k < 6) await core.session.lock();
    }
    const unlock = stats(unlocks);
    const encrypted = await workloads(core.session.requireStore().db, core.session.requireStore().raw);
    const baseline = await workloads(plainDb, plain);
    const viaRouter = await time(() => core.router.dispatch('clients.list', { sort: 'name', limit: 50 }));

    const rows: string[][] = [['what', 'encrypted p50', 'encrypted p95', 'plain p50', 'plain p95', 'ratio (p50)', 'target']];
    rows.push(['unlock (KDF + open + migration check + purge sweep)', ms(unlock.p50), ms(unlock.p95), '—', '—', '—', '≤ 400 ms']);
    const targets: Record<string, string> = {
      'clients.get': '≤ 10 ms',
      'clients.list (search as you type)': '≤ 15 ms p95',
      'clients.get360 (timeline 30)': '≤ 10 ms',
      'search.query (prefixes, 10 a type)': '≤ 15 ms p95',
    };
    for (const name of Object.keys(encrypted)) {
      const e = encrypted[name] as Stats;
      const p = baseline[name] as Stats;
      rows.push([name, ms(e.p50), ms(e.p95), ms(p.p50), ms(p.p95), `${(e.p50 / p.p50).toFixed(2)}×`, targets[name] ?? '']);
    }
    rows.push(['clients.list via router (validate + audit)', ms(viaRouter.p50), ms(viaRouter.p95), '—', '—', '—', '']);
    const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
    for (const r of rows) console.log(r.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join('  '));
    await core.session.lock();
    await plainDb.destroy();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
