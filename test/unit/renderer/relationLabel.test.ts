/**
 * Relation labels the advisor typed in English read in French when the UI is French — only exact
 * matches of the common labels; anything else is shown as typed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createInstance } from 'i18next';
import { describe, expect, it } from 'vitest';
import { knownRelationLabels, relationLabel } from '../../../renderer/src/components/relationLabel';

const dir = path.resolve(import.meta.dirname, '../../../renderer/src/i18n');
const load = (lang: string) => JSON.parse(fs.readFileSync(path.join(dir, `${lang}.json`), 'utf8')) as Record<string, unknown>;

async function translator(lng: 'en' | 'fr') {
  const i18n = createInstance();
  await i18n.init({ lng, resources: { en: { translation: load('en') }, fr: { translation: load('fr') } }, interpolation: { escapeValue: false } });
  return i18n.t;
}

describe('relationLabel', () => {
  it('translates the common labels, whatever their case', async () => {
    const fr = await translator('fr');
    expect(relationLabel(fr, 'daughter')).toBe('fille');
    expect(relationLabel(fr, 'Grandson')).toBe('petit-fils');
    expect(relationLabel(fr, 'referred by')).toBe('recommandé(e) par');
    expect(relationLabel((await translator('en')), 'business partner')).toBe('business partner');
  });

  it('shows anything else as typed, and nothing for no label', async () => {
    const fr = await translator('fr');
    expect(relationLabel(fr, 'goddaughter')).toBe('goddaughter');
    expect(relationLabel(fr, '<b>daughter</b>')).toBe('<b>daughter</b>');
    expect(relationLabel(fr, 'toString')).toBe('toString');
    expect(relationLabel(fr, null)).toBeNull();
    expect(relationLabel(fr, '')).toBeNull();
  });

  it('reads a label said of the client from the other person’s side', async () => {
    const en = await translator('en');
    const fr = await translator('fr');
    expect(relationLabel(en, 'referred by', false)).toBe('introduced the client');
    expect(relationLabel(fr, 'referred by', false)).toBe('a présenté ce client à la maison');
    expect(relationLabel(en, 'referred by', true)).toBe('referred by');
    expect(relationLabel(en, 'godmother', false)).toBe('the client is their godmother');
    expect(relationLabel(fr, 'daughter', false)).toBe('le client est fille de cette personne');
  });

  it('has every known label in both languages', () => {
    for (const lang of ['en', 'fr']) {
      const labels = load(lang)['relationLabels'] as Record<string, string>;
      expect(Object.keys(labels).filter((k) => k !== 'inverse').sort()).toEqual([...knownRelationLabels].map((l) => l.replace(/ /g, '_')).sort());
    }
  });
});
