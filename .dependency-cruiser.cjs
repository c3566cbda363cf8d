/**
 * The import rules of ARCHITECTURE.md ("The four layers and which way imports point"), checked
 * by `npm run lint:imports` (depcruise electron db renderer test --config .dependency-cruiser.cjs)
 * and by test/unit/main/import-rules.test.ts, which runs these same rules over a fixture tree
 * (test/fixtures/import-rules/) where each rule is broken once.
 *
 * Paths are relative to the folder depcruise runs from. The `electron` npm package is matched by
 * its resolved location (node_modules/electron/…) or, when it cannot be resolved, by its bare
 * name — never by a bare `^electron`, which is also this repo's own electron/ folder.
 */

/** The `electron` npm package (and its subpaths such as `electron/main`), resolved or not. */
const ELECTRON_PACKAGE = '(^|/)node_modules/electron/';
const NPM = ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-bundled', 'npm-no-pkg', 'npm-unknown'];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'core-not-to-electron',
      severity: 'error',
      comment: 'electron/services and db are plain Node: they run under the test harness without Electron.',
      from: { path: '^(electron/services|db)/' },
      to: { path: ELECTRON_PACKAGE },
    },
    {
      name: 'core-not-to-electron-unresolved',
      severity: 'error',
      comment: 'Same rule, for an `electron` import that could not be resolved (no binary installed).',
      from: { path: '^(electron/services|db)/' },
      to: { couldNotResolve: true, path: '^electron(/|$)' },
    },
    {
      name: 'services-not-to-shell',
      severity: 'error',
      comment: 'The core does not know about the shell or the UI.',
      from: { path: '^electron/services/' },
      to: { path: '^(electron/(main|preload)|renderer)/' },
    },
    {
      name: 'renderer-not-to-node-side',
      severity: 'error',
      comment: 'The renderer reaches the core through window.carnet only; it may import the contract (types and schemas).',
      from: { path: '^renderer/' },
      to: { path: '^(electron/(services|main|preload)|db)/' },
    },
    {
      name: 'renderer-not-to-node-builtins',
      severity: 'error',
      comment: 'The renderer runs sandboxed in a browser page: no Node built-in modules.',
      from: { path: '^renderer/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'renderer-not-to-electron',
      severity: 'error',
      comment: 'The renderer never imports Electron; window.carnet is all it has.',
      from: { path: '^renderer/' },
      to: { path: ELECTRON_PACKAGE },
    },
    {
      name: 'contract-only-zod',
      severity: 'error',
      comment: 'The contract is shared by main, preload, renderer and the harness: it imports zod and itself, nothing else.',
      from: { path: '^electron/contract/' },
      to: { pathNot: ['^electron/contract/', '(^|/)node_modules/zod/'] },
    },
    {
      name: 'preload-only-electron-and-contract',
      severity: 'error',
      comment: 'The preload is one small sandboxed file: electron and the contract, nothing else.',
      from: { path: '^electron/preload/' },
      to: { pathNot: ['^electron/(preload|contract)/', ELECTRON_PACKAGE, '^electron$'] },
    },
    {
      name: 'preload-no-zod',
      severity: 'error',
      comment:
        'At run time the preload may import electron/contract/channels.ts only (no runtime imports); ' +
        'index.ts and the domain files pull zod into the bundle. Type-only imports are erased and allowed.',
      from: { path: '^electron/preload/' },
      to: { path: '^electron/contract/', pathNot: '^electron/contract/channels\\.ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'main-not-to-db-or-renderer',
      severity: 'error',
      comment: 'The shell reaches the store through the services, and never imports UI code.',
      from: { path: '^electron/main/' },
      to: { path: '^(db|renderer|electron/preload)/' },
    },
    {
      name: 'db-not-to-app',
      severity: 'error',
      comment: 'The store knows nothing of the app above it.',
      from: { path: '^db/' },
      to: { path: '^(electron|renderer)/' },
    },
    {
      name: 'migrations-only-kysely',
      severity: 'error',
      comment:
        'Migrations are frozen in time: kysely only (and their own index), never app code, ' +
        'so a migration builds the same store whatever the app later becomes.',
      from: { path: '^db/migrations/' },
      to: { pathNot: ['^db/migrations/', '(^|/)node_modules/kysely/'] },
    },
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import cycles (type-only cycles included: they still tangle the layers).',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: ['node_modules'], dependencyTypes: NPM },
    // node_modules is not excluded (that would drop the edges the rules look at), only not followed.
    exclude: { path: ['^out/', '^test/fixtures/import-rules/'] },
    // Type-only imports count: a layer must not even know another layer's types.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.node.json' },
    // `import … from './x.js'` resolves to x.ts (dependency-cruiser does this itself for
    // TypeScript sources); `exports` maps of packages such as zod and kysely are honoured.
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
  },
};
