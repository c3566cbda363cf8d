/**
 * The import rules of ARCHITECTURE.md, enforced by .dependency-cruiser.cjs: run that very
 * configuration, through dependency-cruiser's API, over a fixture tree shaped like the repo in
 * which every rule is broken exactly once (test/fixtures/import-rules/, `bad-*` files) and every
 * allowed arrow is used (`ok-*` files). The set of violations must be exactly the expected one:
 * a rule that stops firing fails this test, and so does a rule that starts flagging an allowed
 * import.
 */
import path from 'node:path';
import { cruise, type ICruiseResult } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const fixture = path.join(root, 'test/fixtures/import-rules');

async function cruiseWithRepoRules(baseDir: string, targets: string[]): Promise<ICruiseResult> {
  const options = await extractDepcruiseOptions(path.join(root, '.dependency-cruiser.cjs'));
  const tsConfigFile = path.join(root, 'tsconfig.node.json');
  const result = await cruise(
    targets,
    { ...options, baseDir, tsConfig: { fileName: tsConfigFile }, outputType: 'json' },
    {},
    { tsConfig: extractTSConfig(tsConfigFile) },
  );
  const output = typeof result.output === 'string' ? (JSON.parse(result.output) as ICruiseResult) : result.output;
  return output;
}

/** `rule: from → to`, sorted; a cycle is reported once, from whichever end the cruise met first. */
function violationsOf(result: ICruiseResult): string[] {
  return result.summary.violations
    .map((v) => {
      if (v.rule.name !== 'no-circular') return `${v.rule.name}: ${v.from} → ${v.to}`;
      return `no-circular: ${[v.from, v.to].sort().join(' ↔ ')}`;
    })
    .sort();
}

describe('import rules (.dependency-cruiser.cjs)', () => {
  let fixtureViolations: string[];

  beforeAll(async () => {
    fixtureViolations = violationsOf(await cruiseWithRepoRules(fixture, ['electron', 'db', 'renderer']));
  }, 60_000);

  it('reports exactly the broken rules of the fixture, and nothing allowed', () => {
    expect(fixtureViolations).toEqual(
      [
        'contract-only-zod: electron/contract/bad-kysely.ts → ../../../node_modules/kysely/dist/index.js',
        'core-not-to-electron: electron/services/bad-electron.ts → ../../../node_modules/electron/index.js',
        'db-not-to-app: db/bad-up.ts → electron/contract/ok-schema.ts',
        'main-not-to-db-or-renderer: electron/main/bad-db.ts → db/ok-store.ts',
        'migrations-only-kysely: db/migrations/0002_bad.ts → db/ok-store.ts',
        'no-circular: electron/services/bad-cycle-a.ts ↔ electron/services/bad-cycle-b.ts',
        'preload-no-zod: electron/preload/bad-zod.ts → electron/contract/ok-schema.ts',
        'preload-only-electron-and-contract: electron/preload/bad-services.ts → electron/services/ok-service.ts',
        'renderer-not-to-electron: renderer/src/bad-electron.ts → ../../../node_modules/electron/index.js',
        'renderer-not-to-node-builtins: renderer/src/bad-node.ts → fs',
        'renderer-not-to-node-side: renderer/src/bad-core.ts → electron/services/ok-service.ts',
        'services-not-to-shell: electron/services/bad-shell.ts → electron/main/ok-main.ts',
      ].sort(),
    );
  });

  it('flags the services importing electron (the rule the brief names first)', () => {
    expect(fixtureViolations.some((v) => v.startsWith('core-not-to-electron: electron/services/'))).toBe(true);
  });

  it('never flags an ok-* file as the importer', () => {
    expect(fixtureViolations.filter((v) => /: \S*ok-[^ ]* [→↔]/.test(v))).toEqual([]);
  });
});
