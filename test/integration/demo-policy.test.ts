/**
 * The demo maison under the privacy policy it is shown under: it holds nothing the write gate
 * would refuse if an advisor typed it. Data kept for a purpose the client granted and later
 * withdrew is legitimate (it was lawful when written; the unlock sweep purges it after the grace
 * period); data for a purpose never granted, or written after the withdrawal, is not.
 *
 * Checked three ways on a 300-client book in a real encrypted store: by querying the store
 * against the policy table, by passing every stored row through the real write gate, and by
 * re-submitting a sample of the rows through the app's own channels (`router.dispatch`).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CarnetError, type DataCategory, type Purpose } from '../../electron/contract/index.js';
import { createStoreFile } from '../../db/open.js';
import { attachStore, type Store } from '../../db/store.js';
import { DEMO_PASSPHRASE } from '../../electron/services/demo/constants.js';
import { generateDemo } from '../../electron/services/demo/generate.js';
import { createCore, type Core } from '../../electron/services/index.js';
import { domainOf } from '../../electron/services/clientbook/views.js';
import { loadStates, type ConsentStates } from '../../electron/services/privacy/consent.js';
import { assertMayWrite } from '../../electron/services/privacy/gate.js';
import { linkedClients } from '../../electron/services/privacy/people.js';
import { CATEGORIES, NON_CLIENT_PURPOSE, PURPOSES, categories, isTechnicalField } from '../../electron/services/privacy/policy.js';
import { withdrawalBehind } from '../../electron/services/privacy/projection.js';

const TODAY = '2026-03-14';
const NOW = new Date('2026-03-14T09:30:00.000Z');
const ADVISOR = '01HZX3K7Q2V8M5N4P6R9T0W1YA';
const CLIENTS = 300;

let tmp: string;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'carnet-demo-policy-'));
});

afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** Categories that rest on consent alone for a person (no contract purpose behind them). */
const consentOnly = categories.filter((c) => {
  const perPerson = CATEGORIES[c].purposes.filter((p) => PURPOSES[p].perPerson);
  return perPerson.length > 0 && perPerson.every((p) => PURPOSES[p].basis === 'consent');
});

/** The personal-data columns of a table in a category, as bare column names. */
function columnsOf(category: DataCategory, table: string): string[] {
  return (CATEGORIES[category].fields as readonly string[]).filter((f) => f.startsWith(`${table}.`)).map((f) => f.slice(table.length + 1));
}

describe('demo maison: held under its own privacy policy (300 clients, before any sweep)', () => {
  let store: Store;
  const n = (sql: string, ...params: unknown[]): number => (store.raw.prepare(sql).get(...params) as { n: number }).n;

  beforeAll(async () => {
    const file = path.join(tmp, 'book.carnet');
    const raw = createStoreFile(file, DEMO_PASSPHRASE);
    store = await attachStore(raw);
    raw
      .prepare('INSERT INTO advisor (id, display_name, maison, boutique, locale, time_zone, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(ADVISOR, 'Camille Laurent', 'Maison Aubrac', 'Paris — Faubourg Saint-Honoré', 'en', 'Europe/Paris', '2026-03-01T09:00:00.000Z');
    generateDemo(raw, { seed: 1, clients: CLIENTS, today: TODAY, advisorId: ADVISOR });
  });

  afterAll(async () => {
    await store?.close();
  });

  it('keeps no consent-only data (preferences, moments, relations, gifts) about a client who never granted its purpose', () => {
    expect(consentOnly).toEqual(expect.arrayContaining(['preferences', 'moments', 'relations', 'gifts']));
    // Some clients never granted personalisation or relationship mapping: the check is not empty.
    const never = (purpose: Purpose): number =>
      n(`SELECT count(*) AS n FROM person p WHERE p.kind = 'client'
         AND NOT EXISTS (SELECT 1 FROM consent c WHERE c.person_id = p.id AND c.purpose = ? AND c.action = 'grant')`, purpose);
    expect(never('personalisation')).toBeGreaterThan(10);
    expect(never('relationship_mapping')).toBeGreaterThan(5);
    const found: Record<string, number> = {};
    for (const category of consentOnly) {
      const purposes = CATEGORIES[category].purposes.filter((p) => PURPOSES[p].perPerson);
      const neverGranted = `p.kind = 'client' AND NOT EXISTS (SELECT 1 FROM consent c WHERE c.person_id = p.id AND c.action = 'grant'
        AND c.purpose IN (${purposes.map(() => '?').join(', ')}))`;
      for (const holder of CATEGORIES[category].holders) {
        for (const by of holder.by) {
          const held = holder.column === undefined ? '' : ` AND t."${holder.column}" IS NOT NULL`;
          const count = n(
            `SELECT count(*) AS n FROM "${holder.table}" t JOIN person p ON p.id = t."${by}" WHERE ${neverGranted}${held}`,
            ...purposes,
          );
          if (count > 0) found[`${category}: ${holder.table}.${holder.column ?? by}`] = count;
        }
      }
    }
    expect(found).toEqual({});
  });

  it('keeps about people who are not clients only the fields, kinds and categories the policy allows them', () => {
    const found: Record<string, number> = {};
    const note = (key: string, count: number): void => {
      if (count > 0) found[key] = (found[key] ?? 0) + count;
    };
    for (const category of categories) {
      const allowance = CATEGORIES[category].nonClient;
      for (const holder of CATEGORIES[category].holders) {
        const table = holder.table;
        if (table === 'person') {
          // Fields on the person's own row: only the allowed ones may be set.
          for (const column of columnsOf(category, 'person')) {
            if (isTechnicalField(`person.${column}`)) continue;
            if (allowance && (allowance.fields as readonly string[]).includes(`person.${column}`)) continue;
            note(`person.${column}`, n(`SELECT count(*) AS n FROM person WHERE kind <> 'client' AND "${column}" IS NOT NULL`));
          }
          continue;
        }
        for (const by of holder.by) {
          const rows = `FROM "${table}" t JOIN person p ON p.id = t."${by}" WHERE p.kind <> 'client'`;
          if (!allowance) {
            note(`${category}: ${table}`, n(`SELECT count(*) AS n ${rows}`));
            continue;
          }
          for (const column of columnsOf(category, table)) {
            if ((allowance.fields as readonly string[]).includes(`${table}.${column}`)) continue;
            note(`${table}.${column}`, n(`SELECT count(*) AS n ${rows} AND t."${column}" IS NOT NULL`));
          }
          if (allowance.kinds) {
            const kindColumn = table === 'moment' ? 'kind' : 'domain';
            note(
              `${table}.${kindColumn} not in ${allowance.kinds.join('/')}`,
              n(`SELECT count(*) AS n ${rows} AND t."${kindColumn}" NOT IN (${allowance.kinds.map(() => '?').join(', ')})`, ...allowance.kinds),
            );
          }
        }
      }
    }
    // Everyone around a client is around a client who granted relationship mapping.
    note(
      'non-client without a client who granted relationship mapping',
      // (Only clients have consent rows.)
      n(
        `SELECT count(*) AS n FROM person x WHERE x.kind <> 'client' AND x.id NOT IN (
           SELECT r.from_person_id FROM relation r JOIN consent k ON k.person_id = r.to_person_id AND k.purpose = ? AND k.action = 'grant'
           UNION
           SELECT r.to_person_id FROM relation r JOIN consent k ON k.person_id = r.from_person_id AND k.purpose = ? AND k.action = 'grant')`,
        NON_CLIENT_PURPOSE,
        NON_CLIENT_PURPOSE,
      ),
    );
    expect(found).toEqual({});
    // The circle is still there: families and assistants, their names, birthdays, sizes and tastes.
    expect(n("SELECT count(*) AS n FROM relation WHERE kind = 'assistant'")).toBeGreaterThan(0);
    expect(n("SELECT count(*) AS n FROM moment m JOIN person p ON p.id = m.person_id WHERE p.kind <> 'client'")).toBeGreaterThan(0);
    expect(n("SELECT count(*) AS n FROM preference f JOIN person p ON p.id = f.person_id WHERE p.kind <> 'client'")).toBeGreaterThan(0);
  });

  it('writes nothing consent-only after the client withdrew the consent it rests on', async () => {
    const withdrawn = store.raw
      .prepare("SELECT person_id AS id, purpose, effective_at AS at FROM consent WHERE action = 'withdraw' AND channel IS NULL")
      .all() as { id: string; purpose: Purpose; at: string }[];
    expect(withdrawn.some((w) => w.purpose === 'personalisation')).toBe(true);
    const found: Record<string, number> = {};
    for (const w of withdrawn) {
      for (const category of consentOnly) {
        if (!CATEGORIES[category].purposes.includes(w.purpose)) continue;
        for (const holder of CATEGORIES[category].holders) {
          if (holder.table === 'person') continue;
          for (const by of holder.by) {
            const count = n(`SELECT count(*) AS n FROM "${holder.table}" WHERE "${by}" = ? AND created_at >= ?`, w.id, w.at);
            if (count > 0) found[`${category}: ${holder.table}`] = (found[`${category}: ${holder.table}`] ?? 0) + count;
          }
        }
      }
      if (w.purpose === NON_CLIENT_PURPOSE) {
        // The people around them, and what is kept about them, recorded after the withdrawal.
        for (const table of ['person', 'preference', 'moment'] as const) {
          const by = table === 'person' ? 'id' : 'person_id';
          const count = n(
            `SELECT count(*) AS n FROM "${table}" t JOIN relation r ON r.from_person_id = t."${by}" AND r.to_person_id = ?
             JOIN person x ON x.id = r.from_person_id AND x.kind <> 'client' WHERE t.created_at >= ?`,
            w.id,
            w.at,
          );
          if (count > 0) found[`around: ${table}`] = (found[`around: ${table}`] ?? 0) + count;
        }
      }
    }
    expect(found).toEqual({});
  });

  it('passes every stored row through the write gate, refused only where its purpose was since withdrawn', async () => {
    const db = store.db;
    const statesOf = new Map<string, ConsentStates>();
    const states = async (id: string): Promise<ConsentStates> => {
      let s = statesOf.get(id);
      if (!s) statesOf.set(id, (s = await loadStates(db, id)));
      return s;
    };
    const kindOf = new Map<string, string>(
      (store.raw.prepare('SELECT id, kind FROM person').all() as { id: string; kind: string }[]).map((p) => [p.id, p.kind]),
    );
    /** Why a refusal of this category for this person is expected, if it is. */
    const excused = async (personId: string, category: DataCategory, code: string): Promise<boolean> => {
      if (kindOf.get(personId) === 'client') {
        if (code === 'RESTRICTED') return true;
        return code === 'CONSENT_MISSING' && withdrawalBehind(category, await states(personId)) !== null;
      }
      const linked = await linkedClients(db, personId);
      if (code === 'RESTRICTED') return linked.some((c) => c.status === 'restricted');
      if (code !== 'CONSENT_MISSING') return false;
      for (const c of linked) if ((await states(c.id)).state(NON_CLIENT_PURPOSE) === 'withdrawn') return true;
      return false;
    };
    const refused: Record<string, number> = {};
    let checked = 0;
    const check = async (personId: string, category: DataCategory, fields: string[], kind?: string): Promise<void> => {
      checked++;
      try {
        await assertMayWrite(db, { personId, category, fields, kind });
      } catch (error) {
        if (!(error instanceof CarnetError)) throw error;
        if (await excused(personId, category, error.code)) return;
        const key = `${category} ${kindOf.get(personId) === 'client' ? 'client' : 'non-client'}: ${error.code}`;
        refused[key] = (refused[key] ?? 0) + 1;
      }
    };
    for (const category of categories) {
      for (const holder of CATEGORIES[category].holders) {
        const columns = columnsOf(category, holder.table).filter((c) => !isTechnicalField(`${holder.table}.${c}`));
        const kindColumn = holder.table === 'moment' ? 'kind' : holder.table === 'preference' ? 'domain' : null;
        const rows = store.raw.prepare(`SELECT * FROM "${holder.table}"`).all() as Record<string, unknown>[];
        for (const row of rows) {
          const fields = columns.filter((c) => row[c] !== null && row[c] !== undefined).map((c) => `${holder.table}.${c}`);
          if (fields.length === 0) continue;
          for (const by of holder.by) {
            const personId = String(row[by]);
            // A birth date on a person's row is a birthday.
            const kind = kindColumn ? String(row[kindColumn]) : holder.table === 'person' && category === 'moments' ? 'birthday' : undefined;
            await check(personId, category, fields, kind);
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(5000);
    expect(refused).toEqual({});
  }, 120_000);
});

describe('demo maison: re-submitted through the app’s own channels', () => {
  let core: Core;

  beforeAll(async () => {
    core = createCore({ profilesDir: path.join(tmp, 'app'), demoClients: CLIENTS, now: () => NOW });
    await core.session.openDemo();
  }, 60_000);

  afterAll(async () => {
    await core?.session.lock();
  });

  it('accepts a sample of the demo’s preferences, moments, gifts and contact points again', async () => {
    const store = core.session.requireStore();
    const raw = store.raw;
    const clients = (raw.prepare("SELECT id, status FROM person WHERE kind = 'client' ORDER BY id").all() as { id: string; status: string }[]).filter(
      (_, k) => k % 4 === 0,
    );
    const sample = new Set(clients.map((c) => c.id));
    // The people around the sampled clients, and every non-client that has a contact point.
    const around = (
      raw.prepare("SELECT r.from_person_id AS id, r.to_person_id AS client FROM relation r JOIN person p ON p.id = r.from_person_id WHERE p.kind <> 'client'").all() as {
        id: string;
        client: string;
      }[]
    ).filter((r) => sample.has(r.client));
    const people = new Set([...sample, ...around.map((r) => r.id)]);
    const kindOf = new Map((raw.prepare('SELECT id, kind FROM person').all() as { id: string; kind: string }[]).map((p) => [p.id, p.kind]));

    const outcomes: Record<string, number> = {};
    let accepted = 0;
    const submit = async (channel: string, personId: string, category: DataCategory, input: Record<string, unknown>): Promise<void> => {
      const result = await core.router.dispatch(channel, input);
      if (result.ok) {
        accepted++;
        return;
      }
      const code = result.error.code;
      const client = kindOf.get(personId) === 'client';
      if (client) {
        const states = await loadStates(store.db, personId);
        if (code === 'CONSENT_MISSING' && withdrawalBehind(category, states) !== null) return;
        if (code === 'RESTRICTED' && (raw.prepare('SELECT status FROM person WHERE id = ?').get(personId) as { status: string }).status === 'restricted') return;
      } else {
        const linked = await linkedClients(store.db, personId);
        if (code === 'RESTRICTED' && linked.some((c) => c.status === 'restricted')) return;
        if (code === 'CONSENT_MISSING') {
          let withdrawn = false;
          for (const c of linked) if ((await loadStates(store.db, c.id)).state(NON_CLIENT_PURPOSE) === 'withdrawn') withdrawn = true;
          if (withdrawn) return;
        }
      }
      const key = `${channel} (${client ? 'client' : 'non-client'}): ${code}`;
      outcomes[key] = (outcomes[key] ?? 0) + 1;
    };
    const provenance = (p: string): 'declared' | 'observed' => (p === 'observed' ? 'observed' : 'declared');

    const allPrefs = raw.prepare('SELECT person_id, domain, label, value, provenance FROM preference').all() as {
      person_id: string;
      domain: string;
      label: string;
      value: string;
      provenance: string;
    }[];
    for (const p of allPrefs.filter((r) => people.has(r.person_id))) {
      const domain = domainOf(p.domain, p.label);
      const fixed = domain === 'rtw_size' || domain === 'shoe_size' || domain === 'ring_size';
      await submit('preferences.add', p.person_id, 'preferences', {
        personId: p.person_id,
        domain: domain === 'other' ? p.domain : domain,
        ...(fixed ? {} : { label: p.label }),
        value: p.value,
        provenance: provenance(p.provenance),
      });
    }
    const allMoments = raw.prepare('SELECT person_id, kind, date, recurring, label, note, provenance FROM moment').all() as {
      person_id: string;
      kind: string;
      date: string;
      recurring: number;
      label: string | null;
      note: string | null;
      provenance: string;
    }[];
    for (const m of allMoments.filter((r) => people.has(r.person_id))) {
      await submit('moments.add', m.person_id, 'moments', {
        personId: m.person_id,
        kind: m.kind,
        date: m.date,
        recurring: m.recurring === 1,
        ...(m.label === null ? {} : { label: m.label }),
        ...(m.note === null ? {} : { note: m.note }),
        provenance: provenance(m.provenance),
      });
    }
    const allGifts = raw.prepare('SELECT client_id, recipient_person_id, given_at, occasion, item, note FROM gift').all() as {
      client_id: string;
      recipient_person_id: string;
      given_at: string;
      occasion: string;
      item: string;
      note: string | null;
    }[];
    for (const g of allGifts.filter((r) => sample.has(r.client_id))) {
      await submit('gifts.add', g.client_id, 'gifts', {
        clientId: g.client_id,
        recipientPersonId: g.recipient_person_id,
        givenAt: g.given_at,
        occasion: g.occasion,
        item: g.item,
        ...(g.note === null ? {} : { note: g.note }),
        force: true,
      });
    }
    const allContacts = raw.prepare('SELECT c.person_id, c.channel, c.value, c.provenance, p.kind FROM contact_point c JOIN person p ON p.id = c.person_id').all() as {
      person_id: string;
      channel: string;
      value: string;
      provenance: string;
      kind: string;
    }[];
    for (const c of allContacts.filter((r) => people.has(r.person_id) || r.kind !== 'client')) {
      await submit('contacts.set', c.person_id, 'contact', {
        personId: c.person_id,
        channel: c.channel,
        value: c.value,
        preferred: false,
        provenance: provenance(c.provenance),
      });
    }
    expect(accepted).toBeGreaterThan(300);
    expect(outcomes).toEqual({});
  }, 120_000);
});
