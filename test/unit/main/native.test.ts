/**
 * Where Electron's build of the SQLite binding is looked for (electron/main/native.ts) — never
 * Node's build in node_modules, which the tests themselves use.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { locateNativeBinding, nativeBindingPath } from '../../../electron/main/native.js';

const dev = { isPackaged: false, appPath: '/src/carnet', resourcesPath: '/ignored', electronVersion: '45.4.1' };
const packaged = { isPackaged: true, appPath: '/App/Resources/app.asar', resourcesPath: '/App/Resources', electronVersion: '45.4.1' };

let dir: string | null = null;
afterEach(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  dir = null;
});

describe('native binding path', () => {
  it('dev: build/native/<electron version>/ under the app root', () => {
    expect(nativeBindingPath(dev)).toBe(path.join('/src/carnet', 'build', 'native', '45.4.1', 'better_sqlite3.node'));
  });

  it('packaged: resources/native/, outside the asar', () => {
    expect(nativeBindingPath(packaged)).toBe(path.join('/App/Resources', 'native', 'better_sqlite3.node'));
  });

  it('is never the Node build in node_modules', () => {
    for (const where of [dev, packaged]) expect(nativeBindingPath(where)).not.toContain('node_modules');
  });

  it('refuses a version string that could walk out of build/native', () => {
    expect(() => nativeBindingPath({ ...dev, electronVersion: '../../etc' })).toThrow();
    expect(() => nativeBindingPath({ ...dev, electronVersion: '' })).toThrow();
    expect(nativeBindingPath({ ...dev, electronVersion: '46.0.0-beta.2' })).toContain(path.join('native', '46.0.0-beta.2'));
  });

  it('says what to do when the binding has not been built, and finds it once it is', () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carnet-native-'));
    const where = { ...dev, appPath: dir };
    const missing = locateNativeBinding(where);
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.message).toMatch(/npm start/);
    const file = nativeBindingPath(where);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, '');
    expect(locateNativeBinding(where)).toEqual({ ok: true, path: file });
  });

  it('tells a packaged app to reinstall', () => {
    const result = locateNativeBinding({ ...packaged, resourcesPath: path.join(os.tmpdir(), 'carnet-no-such-dir') });
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/Reinstall/) });
  });
});
