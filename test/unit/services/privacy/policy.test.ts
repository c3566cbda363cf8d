/**
 * The policy table and the consent derivation, as pure functions: no store.
 */
import { describe, expect, it } from 'vitest';
import { dataCategoryIds, outreachChannelIds, purposeIds } from '../../../../electron/contract/index.js';
import { ConsentStates, consentName, isLawful, newestFirst, parseInstant, type LedgerRow } from '../../../../electron/services/privacy/consent.js';
import {
  CATEGORIES,
  PURPOSES,
  consentPurposesOf,
  consentSlots,
  retentionText,
  specialCategoryOf,
} from '../../../../electron/services/privacy/policy.js';
import { categoryLawful, visibleForClient, withdrawalBehind } from '../../../../electron/services/privacy/projection.js';

let n = 0;
function row(purpose: string, action: 'grant' | 'withdraw', effective: string, recorded = effective, channel: string | null = null): LedgerRow {
  n++;
  return {
    id: `01J00000000000000000000${String(n).padStart(3, '0')}`,
    person_id: 'P',
    purpose,
    channel,
    action,
    source: 'in_person',
    evidence: null,
    notice_version: 'v1',
    effective_at: `${effective}T10:00:00.000Z`,
    recorded_at: `${recorded}T10:00:00.000Z`,
  };
}

describe('policy table', () => {
  it('has the five purposes with their bases; analytics is never about one person', () => {
    expect(Object.keys(PURPOSES)).toEqual([...purposeIds]);
    expect(Object.fromEntries(purposeIds.map((p) => [p, PURPOSES[p].basis]))).toEqual({
      service: 'contract',
      personalisation: 'consent',
      outreach: 'consent',
      relationship_mapping: 'consent',
      analytics: 'legitimate_interest',
    });
    expect(purposeIds.filter((p) => !PURPOSES[p].perPerson)).toEqual(['analytics']);
    expect(purposeIds.filter((p) => PURPOSES[p].perChannel)).toEqual(['outreach']);
  });

  it('maps every category to purposes, retention and holders, in both languages', () => {
    expect(Object.keys(CATEGORIES)).toEqual([...dataCategoryIds]);
    for (const c of dataCategoryIds) {
      const p = CATEGORIES[c];
      expect(p.purposes.length, c).toBeGreaterThan(0);
      expect(p.fields.length, c).toBeGreaterThan(0);
      expect(p.holders.length, c).toBeGreaterThan(0);
      expect(p.label.en && p.label.fr && p.description.en && p.description.fr, c).toBeTruthy();
      expect(retentionText(p.retention, 'en')).toMatch(/^(kept|confirmed)/);
      expect(retentionText(p.retention, 'fr')).toMatch(/^(conservation|vérification)/);
    }
    expect(CATEGORIES.purchases.retention).toMatchObject({ kind: 'after_record', months: 120 });
    expect(CATEGORIES.preferences.retention).toMatchObject({ kind: 'review', months: 24 });
    expect(CATEGORIES.identity.nonClient?.retention).toEqual({ kind: 'after_last_contact', months: 24 });
    expect(consentPurposesOf('preferences')).toEqual(['personalisation']);
    expect(consentPurposesOf('purchases')).toEqual([]);
  });

  it('lists ten consent slots: one per purpose, one per outreach channel', () => {
    const slots = consentSlots();
    expect(slots).toHaveLength(4 + outreachChannelIds.length);
    expect(slots.filter((s) => s.purpose === 'outreach').map((s) => s.channel)).toEqual([...outreachChannelIds]);
  });

  it('recognises special categories by word, in English and French, without false friends', () => {
    expect(specialCategoryOf('person.health_notes')).toBe('health');
    expect(specialCategoryOf('santé')).toBe('health');
    expect(specialCategoryOf('Allergies')).toBe('health');
    expect(specialCategoryOf('religious_holiday')).toBe('religion');
    expect(specialCategoryOf('opinion_politique')).toBe('political_opinion');
    expect(specialCategoryOf('sexualOrientation')).toBe('sexual_life');
    expect(specialCategoryOf('personHealthNotes')).toBe('health');
    expect(specialCategoryOf('sexual_orientation')).toBe('sexual_life');
    expect(specialCategoryOf('origine_ethnique')).toBe('ethnicity');
    expect(specialCategoryOf('dna_profile')).toBe('genetic');
    expect(specialCategoryOf('fingerprint_hash')).toBe('biometric');
    expect(specialCategoryOf('casier_judiciaire')).toBe('criminal');
    expect(specialCategoryOf('trade_union_member')).toBe('trade_union');
    for (const harmless of ['bracelet', 'brace', 'person.first_name', 'preference.value', 'paris', 'wedding_anniversary', 'penalty_fee', 'embraceLuxury']) {
      expect(specialCategoryOf(harmless), harmless).toBeNull();
    }
  });
});

describe('consent derivation', () => {
  it('takes the latest by effective time, then by recording time', () => {
    const states = new ConsentStates([
      row('personalisation', 'grant', '2024-01-01', '2024-06-01'),
      row('personalisation', 'withdraw', '2024-03-01'),
    ]);
    expect(states.state('personalisation')).toBe('withdrawn');
    const tie = new ConsentStates([row('personalisation', 'withdraw', '2024-03-01'), row('personalisation', 'grant', '2024-03-01', '2024-03-02')]);
    expect(tie.state('personalisation')).toBe('granted');
    const a = row('analytics', 'grant', '2024-01-01');
    const b = row('analytics', 'withdraw', '2024-01-02');
    expect([a, b].sort(newestFirst)).toEqual([b, a]);
  });

  it('judges lawfulness by basis', () => {
    expect(isLawful('service', 'none')).toBe(true);
    expect(isLawful('service', 'withdrawn')).toBe(true);
    expect(isLawful('personalisation', 'none')).toBe(false);
    expect(isLawful('personalisation', 'granted')).toBe(true);
    expect(isLawful('analytics', 'none')).toBe(true);
    expect(isLawful('analytics', 'withdrawn')).toBe(false);
  });

  it('keeps outreach channel by channel; outreach in general is lawful when any channel is', () => {
    const states = new ConsentStates([row('outreach', 'grant', '2024-01-01', undefined, 'email'), row('outreach', 'withdraw', '2024-02-01', undefined, 'sms')]);
    expect(states.lawful('outreach', 'email')).toBe(true);
    expect(states.lawful('outreach', 'sms')).toBe(false);
    expect(states.lawful('outreach')).toBe(true);
    expect(new ConsentStates([]).lawful('outreach')).toBe(false);
  });

  it('projects categories from the states and finds the withdrawal behind a hidden one', () => {
    const none = new ConsentStates([]);
    expect(visibleForClient(none)).toEqual(['identity', 'contact', 'purchases', 'notes', 'appointments', 'after_sales']);
    const withdrawn = new ConsentStates([row('personalisation', 'grant', '2024-01-01'), row('personalisation', 'withdraw', '2024-05-01')]);
    expect(categoryLawful('preferences', withdrawn)).toBe(false);
    expect(withdrawalBehind('preferences', withdrawn)?.purpose).toBe('personalisation');
    expect(withdrawalBehind('preferences', none)).toBeNull();
    expect(withdrawalBehind('notes', withdrawn)).toBeNull();
    // Analytics alone never makes a category visible.
    expect(visibleForClient(new ConsentStates([row('analytics', 'grant', '2024-01-01')]))).not.toContain('preferences');
  });

  it('names consents for messages and parses instants strictly', () => {
    expect(consentName('personalisation')).toBe('Personalisation consent');
    expect(consentName('relationship_mapping')).toBe('Relationship-mapping consent');
    expect(consentName('outreach', 'email')).toBe('E-mail outreach consent');
    expect(consentName('outreach', 'wechat')).toBe('WeChat outreach consent');
    expect(parseInstant('2025-06-01T10:00:00Z')).toBe('2025-06-01T10:00:00.000Z');
    expect(parseInstant('2025-06-01T10:00:00.5Z')).toBe('2025-06-01T10:00:00.500Z');
    expect(parseInstant('2025-02-30T10:00:00Z')).toBeNull();
    expect(parseInstant('2025-02-28T24:00:00Z')).toBeNull();
    expect(parseInstant('soon')).toBeNull();
  });
});
