/**
 * The record of processing (GDPR art. 30), generated from the policy table: every purpose and
 * every data category named, in English and in French, with the controller from the advisor
 * row, retention, recipients (none), transfers (none) and security — and no client's data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATEGORIES, PURPOSES, SPECIAL_CATEGORIES, categories, purposes } from '../../../electron/services/privacy/policy.js';
import { ADVISOR, openWorld, type World } from './support.js';

describe('privacy.recordOfProcessing', () => {
  let w: World;

  beforeAll(async () => {
    w = await openWorld({ demoClients: 20 });
  });
  afterAll(async () => {
    await w.close();
  });

  for (const locale of ['en', 'fr'] as const) {
    it(`names the controller, every purpose, category, retention and safeguard (${locale})`, async () => {
      const r = await w.call('privacy.recordOfProcessing', { locale });
      expect(r.ok).toBe(true);
      expect(r.value.locale).toBe(locale);
      const sections = r.value.sections as { id: string; title: string; paragraphs: string[] }[];
      expect(sections.map((s) => s.id)).toEqual(['controller', 'purposes', 'subjects', 'categories', 'retention', 'recipients', 'transfers', 'security', 'rights']);
      for (const s of sections) {
        expect(s.title.length).toBeGreaterThan(3);
        expect(s.paragraphs.length).toBeGreaterThan(0);
        for (const p of s.paragraphs) expect(p).toMatch(/[.!?]$/);
      }
      const section = (id: string) => (sections.find((s) => s.id === id) as { paragraphs: string[] }).paragraphs.join('\n');
      const text = sections.map((s) => `${s.title}\n${s.paragraphs.join('\n')}`).join('\n');

      expect(section('controller')).toContain(ADVISOR.maison);
      expect(section('controller')).toContain(ADVISOR.displayName);
      for (const p of purposes) expect(section('purposes'), p).toContain(PURPOSES[p].label[locale]);
      for (const c of categories) {
        expect(section('categories'), c).toContain(CATEGORIES[c].label[locale]);
        expect(section('retention'), c).toContain(CATEGORIES[c].label[locale]);
      }
      for (const s of Object.values(SPECIAL_CATEGORIES)) expect(section('categories')).toContain(s.label[locale]);
      expect(section('security')).toContain('SQLCipher 4');
      expect(section('security')).toContain('10');
      expect(section('retention')).toContain('30');
      expect(section('retention')).toContain(locale === 'en' ? '10 years' : '10 ans');
      expect(section('retention')).toContain(locale === 'en' ? 'every 2 years' : 'tous les 2 ans');
      expect(section('recipients')).toMatch(locale === 'en' ? /^None outside this laptop/ : /^Aucun en dehors de cet ordinateur/);
      expect(section('transfers')).toMatch(locale === 'en' ? /^None/ : /^Aucun/);
      expect(section('subjects')).toContain(locale === 'en' ? 'never contacted' : 'jamais contactés');

      // No client's name in the record.
      const names = w.raw.prepare('SELECT first_name, last_name FROM person').all() as { first_name: string; last_name: string }[];
      for (const n of names) expect(text).not.toContain(`${n.first_name} ${n.last_name}`);
      if (locale === 'fr') {
        expect(text).not.toMatch(/\b(the|and|of)\b/);
        // Typeset at the source: U+202F before ; ? ! and U+00A0 before :, never a plain space.
        expect(text.match(/.{0,30}( [;?!:]|\S[;?!:](?=\s))/gu) ?? []).toEqual([]);
      } else {
        expect(text).not.toMatch(/\b(les|des|et)\b/);
      }
    });
  }

  it('follows the settings it describes', async () => {
    await w.call('privacy.settings.set', { purgeGraceDays: 45 });
    await w.call('session.setAutoLock', { minutes: 7 });
    const r = await w.call('privacy.recordOfProcessing', { locale: 'en' });
    const text = JSON.stringify(r.value.sections);
    expect(text).toContain('deleted 45 days later');
    expect(text).toContain('after 7 minutes without activity');
  });

  it('refuses another language', async () => {
    for (const locale of ['de', '', 'EN', null]) {
      expect((await w.call('privacy.recordOfProcessing', { locale })).error?.code).toBe('INVALID_INPUT');
    }
  });
});
