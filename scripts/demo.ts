/**
 * Writes the demo maison into a profiles folder, in one command:
 *
 *   npm run demo -- --dir <folder> [--clients N] [--seed S] [--passphrase P] [--today YYYY-MM-DD]
 *
 * It creates the folder if needed, creates an encrypted demo profile through the same session
 * service the app uses, generates the synthetic book, locks, and prints one line of figures —
 * never any personal data. Bad arguments exit with code 2.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CarnetError } from '../electron/contract/index.js';
import { DEMO_PASSPHRASE, DEMO_PROFILE } from '../electron/services/demo/constants.js';
import { MAX_DEMO_CLIENTS, generateDemo, type DemoStats } from '../electron/services/demo/generate.js';
import { parseDay } from '../electron/services/demo/time.js';
import { createCore } from '../electron/services/index.js';
import { assessPassphrase, passphraseReasons } from '../electron/services/session/passphrase.js';

const USAGE = 'usage: npm run demo -- --dir <folder> [--clients N] [--seed S] [--passphrase P] [--today YYYY-MM-DD]';

interface Args {
  dir: string;
  clients: number;
  seed: number;
  passphrase: string;
  today: string;
}

class UsageError extends Error {}

function integer(name: string, text: string | undefined, fallback: number, min: number, max: number): number {
  if (text === undefined) return fallback;
  if (!/^-?\d+$/.test(text.trim())) throw new UsageError(`--${name} must be a whole number, got "${text}".`);
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new UsageError(`--${name} must be between ${min} and ${max}.`);
  }
  return value;
}

function parse(argv: string[]): Args {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        dir: { type: 'string' },
        clients: { type: 'string' },
        seed: { type: 'string' },
        passphrase: { type: 'string' },
        today: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) throw new UsageError('');
  if (!values.dir || values.dir.trim() === '') throw new UsageError('--dir <folder> is required.');
  const today = values.today ?? new Date().toISOString().slice(0, 10);
  if (parseDay(today) === null) throw new UsageError(`--today must be a real date written YYYY-MM-DD, got "${today}".`);
  const passphrase = values.passphrase ?? DEMO_PASSPHRASE;
  const verdict = assessPassphrase(passphrase);
  if (!verdict.ok) throw new UsageError(`--passphrase refused: ${passphraseReasons[verdict.reason]}`);
  return {
    dir: path.resolve(values.dir),
    clients: integer('clients', values.clients, 300, 1, MAX_DEMO_CLIENTS),
    seed: integer('seed', values.seed, 1, 0, Number.MAX_SAFE_INTEGER),
    passphrase,
    today,
  };
}

async function main(argv: string[]): Promise<number> {
  let args: Args;
  try {
    args = parse(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      if (error.message) console.error(`demo: ${error.message}`);
      console.error(USAGE);
      return 2;
    }
    throw error;
  }
  const started = performance.now();
  fs.mkdirSync(args.dir, { recursive: true, mode: 0o700 });
  const core = createCore({ profilesDir: args.dir });
  if (core.session.listProfiles().some((p) => p.demo)) {
    console.error(`demo: ${args.dir} already holds a demo profile; choose another --dir or delete that profile first.`);
    return 1;
  }
  const profileId = (await core.session.createProfile({ ...DEMO_PROFILE, passphrase: args.passphrase, demo: true })).id;
  const generating = performance.now();
  let stats: DemoStats;
  try {
    stats = generateDemo(core.session.requireStore().raw, {
      seed: args.seed,
      clients: args.clients,
      today: args.today,
      advisorId: profileId,
    });
  } catch (error) {
    // Leave no half-written demo behind (deleting needs the profile unlocked, as it is here).
    await core.session.deleteProfile(profileId, DEMO_PROFILE.displayName);
    throw error;
  }
  await core.session.lock();
  const generated = (performance.now() - generating) / 1000;
  const total = (performance.now() - started) / 1000;
  console.log(
    `demo maison: ${stats.clients} clients, ${stats.people} people, ${stats.interactions} interactions, ` +
      `${stats.purchases} purchases in ${generated.toFixed(1)} s (${total.toFixed(1)} s with profile creation and lock)`,
  );
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // No stack: the demo's data is synthetic, but the habit is not to print traces.
    const what = error instanceof CarnetError ? error.code : error instanceof Error ? `${error.name}: ${error.message}` : 'unknown error';
    console.error(`demo: failed (${what}).`);
    process.exitCode = 1;
  },
);
