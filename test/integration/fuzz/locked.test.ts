/**
 * Issue 3, "Bad input", while locked. Every channel that needs an unlocked profile refuses any
 * input — LOCKED, or a refusal of the input itself — and nothing is written to the profiles
 * folder (sizes and mtimes compared after every call, the bytes at the end). Then the session
 * channels that run while locked are fuzzed too; a call that legitimately unlocks or creates a
 * profile is undone after it, and the fuzz profile's store is checked at the end.
 *
 * Seeded (FUZZ_SEED, fixed by default); see test/support/fuzz.ts to replay or explore.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, type Channel, type ChannelSpec } from '../../../electron/contract/index.js';
import {
  FuzzViolation,
  assertPrototypesClean,
  checkAnswer,
  createWorld,
  fingerprintFolder,
  formatOutcomes,
  statFolder,
  fuzz,
  inputFor,
  type Case,
  type FuzzWorld,
} from '../../support/fuzz.js';

const CHANNELS = Object.keys(contract) as Channel[];
const spec = (c: Channel): ChannelSpec => contract[c];
const NEEDS_UNLOCK = CHANNELS.filter((c) => !spec(c).whileLocked);
const WHILE_LOCKED = CHANNELS.filter((c) => spec(c).whileLocked === true);
const REFUSALS = ['LOCKED', 'INVALID_INPUT', 'PAYLOAD_TOO_LARGE', 'UNKNOWN_CHANNEL'] as const;
/** About 1,500 calls in all for the refusals, 360 for the session channels; FUZZ_SCALE multiplies. */
const REFUSAL_RUNS = Math.max(300, Math.min(1_500, NEEDS_UNLOCK.length * 60));
const SESSION_RUNS = WHILE_LOCKED.length * 60;
const TIMEOUT = 60_000;

describe('fuzz — while locked', () => {
  let world: FuzzWorld;

  beforeAll(async () => {
    world = await createWorld();
    await world.ensureLocked();
  });
  afterAll(async () => {
    if (world && process.env.FUZZ_STATS) console.info(formatOutcomes(world));
    await world?.dispose();
  });

  /** A channel of `channels` and an input for it (each channel's arbitrary built once). */
  const callsTo = (channels: readonly Channel[]): fc.Arbitrary<readonly [Channel, Case]> =>
    fc.oneof(...channels.map((channel) => inputFor(channel, world.known).map((c) => [channel, c] as const)));

  it(
    `channels that need an unlocked profile (${NEEDS_UNLOCK.length}) refuse any input and write nothing`,
    async () => {
      await world.ensureLocked();
      const before = fingerprintFolder(world.dir);
      const stats = statFolder(world.dir);
      await fuzz(
        'locked: channels that need an unlocked profile',
        fc.asyncProperty(
          callsTo(NEEDS_UNLOCK),
          async ([channel, { value }]) => {
            const answer = await world.call(channel, value);
            checkAnswer(channel, value, answer, { codes: REFUSALS, refuse: true });
            if (world.core.session.store !== null) throw new FuzzViolation(`${channel} unlocked the session`);
            // Size and mtime after every call; the bytes themselves once, at the end.
            if (statFolder(world.dir) !== stats) throw new FuzzViolation(`${channel} wrote to the profiles folder`);
            assertPrototypesClean();
            world.assertNoInternalReports();
          },
        ),
        REFUSAL_RUNS,
      );
      expect(fingerprintFolder(world.dir)).toEqual(before);
    },
    TIMEOUT,
  );

  it(
    `session channels that run while locked (${WHILE_LOCKED.length}) settle as a valid value or a typed error`,
    async () => {
      await fuzz(
        'locked: session channels',
        fc.asyncProperty(
          callsTo(WHILE_LOCKED),
          async ([channel, { value }]) => {
            // A successful unlock, openDemo or createProfile is undone here; a deleted fuzz
            // profile would be rebuilt.
            await world.ensureLocked();
            const answer = await world.call(channel, value);
            checkAnswer(channel, value, answer);
            assertPrototypesClean();
            world.assertNoInternalReports();
            await world.ensureLocked();
          },
        ),
        SESSION_RUNS,
      );
      await world.ensureUnlocked();
      world.assertStoreIntact();
      await world.ensureLocked();
    },
    TIMEOUT,
  );
});
