/**
 * Where the better-sqlite3-multiple-ciphers binary built for Electron's ABI lives
 * (ARCHITECTURE.md, "Native module, two ABIs"). `node_modules/…/build` holds Node's build, for
 * tests and tools; Electron never loads that one.
 *
 * - dev (`npm start`): `<app root>/build/native/<electron version>/better_sqlite3.node`, written
 *   once by scripts/native-electron.mjs;
 * - packaged: `<resources>/native/better_sqlite3.node`, copied there by electron-builder's
 *   `extraResources` (build/electron-builder.yml).
 *
 * No `electron` import: `index.ts` passes the facts in, and test/unit/main/native.test.ts checks
 * the decision.
 */
import fs from 'node:fs';
import path from 'node:path';

export const NATIVE_FILE = 'better_sqlite3.node';

export interface NativeLocation {
  isPackaged: boolean;
  /** `app.getAppPath()`: the folder with package.json in dev. */
  appPath: string;
  /** `process.resourcesPath`. */
  resourcesPath: string;
  /** `process.versions.electron`. */
  electronVersion: string;
}

export function nativeBindingPath(where: NativeLocation): string {
  if (where.isPackaged) return path.join(where.resourcesPath, 'native', NATIVE_FILE);
  if (!/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(where.electronVersion)) {
    throw new Error('Unexpected Electron version string; cannot locate the native SQLite binding.');
  }
  return path.join(where.appPath, 'build', 'native', where.electronVersion, NATIVE_FILE);
}

/**
 * The binding's path, or a sentence saying what to do when it is missing — checked before any
 * profile is opened, so the advisor sees one clear message rather than a failed unlock.
 */
export function locateNativeBinding(where: NativeLocation): { ok: true; path: string } | { ok: false; message: string } {
  const file = nativeBindingPath(where);
  if (fs.existsSync(file)) return { ok: true, path: file };
  return {
    ok: false,
    message: where.isPackaged
      ? 'This copy of Carnet is incomplete (its SQLite module is missing). Reinstall Carnet.'
      : `The SQLite module for Electron ${where.electronVersion} has not been built. Run “npm start” ` +
        '(scripts/native-electron.mjs builds it once) on a machine that can reach electronjs.org.',
  };
}
