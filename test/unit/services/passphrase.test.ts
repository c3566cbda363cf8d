import { describe, expect, it } from 'vitest';
import { assessPassphrase, backoffMs } from '../../../electron/services/session/passphrase.js';

describe('passphrase policy', () => {
  it('accepts sentences and mixed passphrases', () => {
    for (const p of ['la boutique ouvre à dix heures', 'velours-et-soie-2026', 'Tr0mpe-l’œil, 1925!']) {
      expect(assessPassphrase(p)).toEqual({ ok: true });
    }
  });
  it('refuses short, repetitive, sequential, common, digit-only and control-character passphrases', () => {
    expect(assessPassphrase('short one')).toEqual({ ok: false, reason: 'too_short' });
    expect(assessPassphrase('ééééééééééééé')).toEqual({ ok: false, reason: 'too_simple' });
    expect(assessPassphrase('abcdefghijklmn')).toEqual({ ok: false, reason: 'too_simple' });
    expect(assessPassphrase('Password1234!')).toEqual({ ok: false, reason: 'too_simple' });
    expect(assessPassphrase('918273645501')).toEqual({ ok: false, reason: 'too_simple' });
    expect(assessPassphrase('good length\u0000 but nul')).toEqual({ ok: false, reason: 'control_characters' });
    expect(assessPassphrase('x'.repeat(2000))).toEqual({ ok: false, reason: 'too_long' });
  });
  it('counts characters, not UTF-16 units', () => {
    expect(assessPassphrase('🦊🐺🦉🐻🦌🐗🦡🐿').ok).toBe(false);
  });
  it('backs off from the fourth attempt, doubling, capped at five minutes', () => {
    expect([0, 1, 2].map(backoffMs)).toEqual([0, 0, 0]);
    expect([3, 4, 5, 6].map(backoffMs)).toEqual([1000, 2000, 4000, 8000]);
    expect(backoffMs(40)).toBe(300_000);
  });
});
