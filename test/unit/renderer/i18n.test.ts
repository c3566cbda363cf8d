/** English and French say the same things: same keys, and every error code explained in both. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorCodes } from '../../../electron/contract/index.js';

const dir = path.resolve(import.meta.dirname, '../../../renderer/src/i18n');
type Tree = { [key: string]: string | Tree };
const read = (file: string): Tree => JSON.parse(fs.readFileSync(file, 'utf8')) as Tree;
/** The main file and its parts (`parts/<name>.<lang>.json`, each under its own top-level keys), as i18n/index.ts merges them. */
function load(name: string): Tree {
  const lang = name.replace('.json', '');
  const parts = fs
    .readdirSync(path.join(dir, 'parts'))
    .filter((f) => f.endsWith(`.${lang}.json`))
    .map((f) => read(path.join(dir, 'parts', f)));
  const main = read(path.join(dir, name));
  for (const part of parts) {
    const clash = Object.keys(part).filter((k) => k in main);
    if (clash.length > 0) throw new Error(`A translation part redefines top-level keys: ${clash.join(', ')}`);
    Object.assign(main, part);
  }
  return main;
}

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)));
}

/** Plural forms and gendered contexts differ by language (French adds `_zero`, `_female`): compare base keys. */
const base = (key: string): string => key.replace(/_(male|female)(?=_|$)/, '').replace(/_(zero|one|two|few|many|other)$/, '');

describe('translations', () => {
  const en = load('en.json');
  const fr = load('fr.json');

  it('have the same keys in English and French', () => {
    expect([...new Set(keys(fr).map(base))].sort()).toEqual([...new Set(keys(en).map(base))].sort());
  });

  it('explain every error code of the contract in both languages', () => {
    for (const tree of [en, fr]) {
      const all = new Set(keys(tree));
      const missing = errorCodes.filter((code) => !all.has(`errors.code.${code}`));
      expect(missing).toEqual([]);
    }
  });

  it('leave no value empty', () => {
    for (const tree of [en, fr]) {
      const empty = keys(tree).filter((k) => {
        const value = k.split('.').reduce<string | Tree | undefined>((node, part) => (typeof node === 'object' ? node[part] : undefined), tree);
        return typeof value !== 'string' || value.trim() === '';
      });
      expect(empty).toEqual([]);
    }
  });
});
