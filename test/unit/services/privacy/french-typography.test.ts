/**
 * Carnet's own French texts (the privacy policy as data, and the record of processing built from
 * it) are typeset at the source: a narrow no-break space (U+202F) before ; ? ! and a no-break
 * space (U+00A0) before :, never a plain space, so no screen or export has to correct them.
 */
import { describe, expect, it } from 'vitest';
import * as policy from '../../../../electron/services/privacy/policy.js';

function frenchTexts(value: unknown, path = 'policy', out: { path: string; text: string }[] = []): { path: string; text: string }[] {
  if (value === null || typeof value !== 'object') return out;
  const record = value as Record<string, unknown>;
  if (typeof record['fr'] === 'string' && typeof record['en'] === 'string') out.push({ path, text: record['fr'] });
  for (const [key, child] of Object.entries(record)) frenchTexts(child, `${path}.${key}`, out);
  return out;
}

const misplaced = (text: string): boolean => /[ \u00a0][;?!]| :|\u202f:|\S[;?!:](?=\s|$)/u.test(text.replace(/https?:\/\/\S+/g, ''));

describe('French typography in the policy', () => {
  const texts = frenchTexts({ PURPOSES: policy.PURPOSES, BASES: policy.BASES, CHANNEL_LABELS: policy.CHANNEL_LABELS, CATEGORIES: policy.CATEGORIES });

  it('finds the French texts it checks', () => {
    expect(texts.length).toBeGreaterThan(30);
  });

  it('puts U+202F before ; ? ! and U+00A0 before :', () => {
    expect(texts.filter((t) => misplaced(t.text)).map((t) => `${t.path}: ${t.text}`)).toEqual([]);
  });

  it('holds for the retention texts too', () => {
    const rules = Object.values(policy.CATEGORIES).map((c) => (c as { retention?: Parameters<typeof policy.retentionText>[0] }).retention).filter(Boolean);
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) {
      for (const subject of ['client', 'nonClient'] as const) {
        const text = policy.retentionText(rule!, 'fr', subject);
        expect(misplaced(text), text).toBe(false);
      }
    }
  });

  it('the check itself sees a plain space and a missing space', () => {
    expect(misplaced('Servir le client : le reconnaître')).toBe(true);
    expect(misplaced('oui ; non')).toBe(true);
    expect(misplaced('oui; non')).toBe(true);
    expect(misplaced('oui\u202f; non\u00a0: fin\u202f?')).toBe(false);
  });
});
