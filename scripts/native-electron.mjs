#!/usr/bin/env node
/**
 * Builds better-sqlite3-multiple-ciphers for Electron's ABI, once, into
 * build/native/<electron version>/better_sqlite3.node (ARCHITECTURE.md, "Native module, two
 * ABIs"). Run by `npm start` and `npm run dev` before Electron starts; electron/main/native.ts
 * passes the result to better-sqlite3 as `nativeBinding`.
 *
 * - Skips at once when that file exists.
 * - Builds in a temporary copy of the package (without its build/ folder): Node's own build in
 *   node_modules/better-sqlite3-multiple-ciphers/build, which the tests use, is never touched —
 *   and the script checks that it was not.
 * - node-gyp runs with the npm_config_* variables removed: npm exports the user's .npmrc as
 *   npm_config_*, node-gyp lets those override its command line, and a `nodedir` or `target`
 *   there would silently build against Node's headers instead of Electron's.
 * - Needs Electron's headers (https://electronjs.org/headers) once; node-gyp caches them.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const packageDir = path.join(root, 'node_modules', 'better-sqlite3-multiple-ciphers');
const nodeBuildDir = path.join(packageDir, 'build');
const nodeGyp = path.join(root, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
const DIST_URL = 'https://electronjs.org/headers';
const FILE = 'better_sqlite3.node';

/** npm config that node-gyp may keep: how to reach the network and where to cache headers. */
const KEPT_NPM_CONFIG = new Set(['proxy', 'https_proxy', 'http_proxy', 'noproxy', 'cafile', 'strict_ssl', 'devdir', 'python']);

/** A failure to report in one sentence; thrown so that `finally` still removes the temp copy. */
class Failure extends Error {}

function fail(sentence) {
  throw new Failure(sentence);
}

function readElectronVersion() {
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8'));
    if (typeof manifest.version === 'string' && /^\d+\.\d+\.\d+(-[\w.]+)?$/.test(manifest.version)) return manifest.version;
  } catch {
    // reported below
  }
  return fail('Electron is not installed in node_modules; run "npm ci" first.');
}

function cleanEnv() {
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    const npmConfig = /^npm_config_(.*)$/i.exec(key);
    if (npmConfig && !KEPT_NPM_CONFIG.has(npmConfig[1].toLowerCase())) continue;
    if (/^npm_package_config_node_gyp_/i.test(key)) continue;
    env[key] = value;
  }
  return env;
}

/** Size and time of Node's build, to prove afterwards that it was left alone. */
function snapshot(dir) {
  const file = path.join(dir, 'Release', FILE);
  try {
    const stat = fs.statSync(file);
    return `${stat.size}:${stat.mtimeMs}`;
  } catch {
    return 'absent';
  }
}

function main() {
  const version = readElectronVersion();
  const target = path.join(root, 'build', 'native', version, FILE);
  const shown = path.relative(root, target);

  if (fs.existsSync(target)) {
    console.log(`native-electron: SQLite module for Electron ${version} already built (${shown}).`);
    return;
  }
  if (!fs.existsSync(path.join(packageDir, 'binding.gyp'))) {
    fail('better-sqlite3-multiple-ciphers is not installed in node_modules; run "npm ci" first.');
  }
  if (!fs.existsSync(nodeGyp)) fail('node-gyp is not installed in node_modules; run "npm ci" first.');

  console.log(`native-electron: building the SQLite module for Electron ${version} (once)…`);
  const before = snapshot(nodeBuildDir);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'carnet-native-'));
  try {
    const source = path.join(work, 'better-sqlite3-multiple-ciphers');
    fs.cpSync(packageDir, source, {
      recursive: true,
      filter: (from) => from !== nodeBuildDir && !from.startsWith(nodeBuildDir + path.sep),
    });
    const env = cleanEnv();
    const gyp = (args, stdio) =>
      spawnSync(process.execPath, [nodeGyp, ...args, `--target=${version}`, `--dist-url=${DIST_URL}`], {
        cwd: source,
        env,
        stdio,
        encoding: 'utf8',
      });

    // 1. Electron's headers (downloaded once, then cached by node-gyp).
    const headers = gyp(['install', '--ensure'], 'pipe');
    if (headers.error || headers.status !== 0) {
      fail(
        `could not get the Electron ${version} headers from ${DIST_URL}; connect this machine to the internet ` +
          '(or set https_proxy) once and run "npm start" again — nothing was built or changed.',
      );
    }

    // 2. The build itself, in the copy.
    const build = gyp(['rebuild', '--release', '--runtime=electron'], 'inherit');
    if (build.error || build.status !== 0) {
      fail(`building the SQLite module for Electron ${version} failed (compiler output above); nothing was installed.`);
    }

    // 3. Out of the copy, atomically.
    const built = path.join(source, 'build', 'Release', FILE);
    if (!fs.existsSync(built)) fail(`node-gyp finished but produced no ${FILE}; nothing was installed.`);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const partial = `${target}.${process.pid}.partial`;
    fs.copyFileSync(built, partial);
    fs.renameSync(partial, target);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }

  if (snapshot(nodeBuildDir) !== before) {
    fail(`Node's build in ${path.relative(root, nodeBuildDir)} changed during the Electron build; run "npm rebuild better-sqlite3-multiple-ciphers".`);
  }
  console.log(`native-electron: built ${shown}.`);
}

try {
  main();
} catch (error) {
  if (!(error instanceof Failure)) throw error;
  console.error(`native-electron: ${error.message}`);
  process.exitCode = 1;
}
