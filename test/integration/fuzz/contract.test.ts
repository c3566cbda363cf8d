/**
 * Issue 3, "Bad input": every channel of the contract, fuzzed with random and malformed input
 * against an unlocked profile that holds a demo book of 30 clients. Generic over `contract`: a
 * channel added later is fuzzed here without a change to this file.
 *
 * Each answer must be a value that passes the channel's output schema, or a typed error — a
 * contract code, never INTERNAL, a message under 300 characters that echoes no input — and a
 * refused call must leave the client book as it was. Afterwards the store passes
 * integrity_check and foreign_key_check, the audit chain holds, the demo clients are there (less
 * any a successful call legitimately erased) and no built-in prototype was touched.
 *
 * Seeded (FUZZ_SEED, fixed by default); see test/support/fuzz.ts to replay or explore.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, type Channel } from '../../../electron/contract/index.js';
import { createCore } from '../../../electron/services/index.js';
import { verifyAudit } from '../../../electron/services/privacy/audit.js';
import {
  PERSONAL,
  READ_BEYOND_JSON,
  anyValue,
  asCase,
  assertPrototypesClean,
  checkAnswer,
  createWorld,
  describeValue,
  formatOutcomes,
  fuzz,
  inputFor,
  objectShape,
  unknownChannel,
  type FuzzWorld,
} from '../../support/fuzz.js';
import { tempDir } from '../../support/tmp.js';

const CHANNELS = Object.keys(contract) as Channel[];

/**
 * Runs per channel: 200, or fewer as the contract grows (about 4,000 calls in all, at least 50 a
 * channel), so that this file stays well under a minute on two cores; half for a channel that
 * takes no input (`{}`), where most of those calls would succeed — and each successful
 * `session.lock` costs a key derivation to unlock again. FUZZ_SCALE multiplies.
 */
const BASE_RUNS = Math.max(50, Math.min(200, Math.round(4_000 / CHANNELS.length)));
const runsFor = (channel: Channel): number => {
  const shape = objectShape(contract[channel].input);
  return shape !== null && Object.keys(shape).length === 0 ? Math.ceil(BASE_RUNS / 2) : BASE_RUNS;
};
const UNKNOWN_CHANNEL_RUNS = 400;
const TIMEOUT = 60_000;

describe('fuzz — every channel, unlocked, with a demo book at stake', () => {
  let world: FuzzWorld;

  beforeAll(async () => {
    world = await createWorld();
  });
  afterAll(async () => {
    if (world && process.env.FUZZ_STATS) console.info(formatOutcomes(world));
    await world?.dispose();
  });

  for (const channel of CHANNELS) {
    it(
      `${channel}: any input settles as a valid value or a typed error that echoes nothing`,
      async () => {
        await fuzz(
          channel,
          fc.asyncProperty(inputFor(channel, world.known), async ({ value }) => {
            await world.ensureUnlocked();
            const answer = await world.call(channel, value);
            checkAnswer(channel, value, answer);
            assertPrototypesClean();
            world.assertNoInternalReports();
            // A call that legitimately locked the session or deleted the profile is put back.
            await world.ensureUnlocked();
          }),
          runsFor(channel),
        );
        await world.ensureUnlocked();
        world.assertStoreIntact();
      },
      TIMEOUT,
    );
  }

  it(
    'unknown channels — random strings, prototype names, near misses, non-strings — are UNKNOWN_CHANNEL',
    async () => {
      await fuzz(
        'unknown channels',
        fc.asyncProperty(unknownChannel.map(asCase), anyValue.map(asCase), async (channel, { value }) => {
          await world.ensureUnlocked();
          const answer = await world.call(channel.value, value);
          expect(answer).toEqual({ ok: false, error: { code: 'UNKNOWN_CHANNEL', message: 'There is no such request.' } });
          checkAnswer(channel.value, value, answer, { codes: ['UNKNOWN_CHANNEL'], refuse: true });
          assertPrototypesClean();
        }),
        UNKNOWN_CHANNEL_RUNS,
      );
    },
    TIMEOUT,
  );

  it('afterwards: the store is intact, the audit chain holds, the client book is as the successful calls left it, no prototype is polluted', async () => {
    await world.ensureUnlocked();
    const raw = world.raw();
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(raw.pragma('foreign_key_check')).toEqual([]);
    expect(verifyAudit(raw).valid).toBe(true);
    world.assertStoreIntact(); // also: the client book is as the successful calls left it
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
    expect(world.internalReports).toEqual([]);
  });
});

/** The checks themselves, so that a property cannot pass by checking nothing. */
describe('the fuzz checks catch what they must', () => {
  const refused = (message: string, code = 'INVALID_INPUT'): unknown => ({ ok: false, error: { code, message } });

  it('an echo of the input, INTERNAL, an unknown code, a long message, extra error fields, a bad value', () => {
    const input = { query: PERSONAL };
    expect(() => checkAnswer('clients.list', input, refused(`No client named ${PERSONAL.slice(0, 15)}.`))).toThrow(/echoes the input/);
    expect(() => checkAnswer('clients.list', { query: [{ deep: 'Éléonore' }] }, refused('Not Éléonore, sorry.'))).toThrow(/echoes/);
    expect(() => checkAnswer('clients.list', input, refused('Something went wrong.', 'INTERNAL'))).toThrow(/INTERNAL/);
    expect(() => checkAnswer('clients.list', input, refused('Nope.', 'TEAPOT'))).toThrow();
    expect(() => checkAnswer('clients.list', input, refused('x'.repeat(300)))).toThrow(/300|long/);
    expect(() => checkAnswer('clients.list', input, { ok: false, error: { code: 'NOT_FOUND', message: 'No.', stack: 'at x' } })).toThrow();
    expect(() => checkAnswer('clients.list', input, { ok: true, value: { total: 'many', items: [] } })).toThrow(/output schema/);
    expect(() => checkAnswer('clients.list', input, { ok: true, value: { total: 0, items: [] } }, { refuse: true })).toThrow(/refused/);
    expect(() => checkAnswer('clients.list', input, refused('Unlock first.', 'LOCKED'), { codes: ['INVALID_INPUT'] })).toThrow(/not one of/);
  });

  it('accepts a refusal that names a key or an enum option of the schema, and a valid value', () => {
    const input = { displayName: 'displayName, again and again' };
    checkAnswer('session.createProfile', input, refused('The request is not valid at “displayName” (invalid_type).'));
    checkAnswer('clients.list', { sort: 'lastContact' }, refused('Cannot sort by lastContact here.'));
    checkAnswer('clients.list', {}, { ok: true, value: { total: 0, items: [] } });
  });

  it('sees a polluted prototype, and describes any value without throwing', () => {
    const proto = Object.prototype as Record<string, unknown>;
    try {
      proto.polluted = 'yes';
      expect(() => assertPrototypesClean()).toThrow(/polluted/);
    } finally {
      delete proto.polluted;
    }
    assertPrototypesClean();
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    let deep: unknown = {};
    for (let i = 0; i < 200_000; i++) deep = { a: deep };
    const hostile = new Proxy({}, { get: () => { throw new Error('trap'); }, ownKeys: () => { throw new Error('trap'); } });
    for (const value of [cyclic, deep, hostile, 'x'.repeat(2 ** 21), Object(Symbol('s')), 1n, -0, '\uD800\u202E']) {
      expect(describeValue(value).length).toBeLessThan(800);
    }
  });
});

/**
 * Found by this fuzz: the router used to measure an input with JSON.stringify and then let zod
 * read the original object, so a value that throws where only zod reads it (inherited or
 * non-enumerable getters, toJSON, proxies, getters that throw on a second read) came back as
 * INTERNAL. The router now validates the very JSON it measured; these stay as regressions.
 */
describe('regression — input that throws where only zod would read it', () => {
  let core: ReturnType<typeof createCore>;
  let cleanup: () => void;
  const reported: string[] = [];

  beforeAll(async () => {
    const t = tempDir('carnet-fuzz-');
    cleanup = t.cleanup;
    core = createCore({ profilesDir: t.dir, onInternalError: (channel, code) => reported.push(`${channel}:${code}`) });
    const created = await core.router.dispatch('session.createProfile', {
      displayName: 'Fuzz Advisor',
      maison: 'Maison Fuzz',
      boutique: 'Genève',
      locale: 'en',
      passphrase: 'nine lanterns over the lake',
    });
    expect(created.ok).toBe(true);
  });
  afterAll(async () => {
    await core?.session.lock();
    cleanup?.();
  });

  for (const [variant, make] of Object.entries(READ_BEYOND_JSON)) {
    it(`clients.list with ${variant} under “limit” is read as plain data, never INTERNAL`, async () => {
      reported.length = 0;
      const input = make('limit');
      const answer = await core.router.dispatch('clients.list', input);
      expect(answer.ok || answer.error.code === 'INVALID_INPUT').toBe(true);
      expect(reported).toEqual([]);
    });
  }
});
