/**
 * What makes a passphrase acceptable for a new profile or a change. The store's key is derived
 * from it (PBKDF2-HMAC-SHA512, 256,000 iterations, SQLCipher 4), so length matters most; a few
 * patterns that add no strength are refused with a reason the advisor can act on.
 */
import { PASSPHRASE_MAX, PASSPHRASE_MIN } from '../../contract/index.js';

export type PassphraseVerdict = { ok: true } | { ok: false; reason: 'too_short' | 'too_long' | 'too_simple' | 'control_characters' };

const COMMON = ['password', 'motdepasse', 'azerty', 'qwerty', '123456', 'carnet', 'letmein', 'welcome', 'bienvenue'];

export function assessPassphrase(passphrase: string): PassphraseVerdict {
  const chars = [...passphrase];
  if (chars.length < PASSPHRASE_MIN) return { ok: false, reason: 'too_short' };
  if (passphrase.length > PASSPHRASE_MAX) return { ok: false, reason: 'too_long' };
  // eslint-disable-next-line no-control-regex -- that is the point
  if (/[\u0000-\u001f\u007f]/.test(passphrase)) return { ok: false, reason: 'control_characters' };
  if (new Set(chars).size < 6) return { ok: false, reason: 'too_simple' };
  // Digits alone are a PIN, not a passphrase, below twenty of them.
  if (/^\d+$/.test(passphrase) && chars.length < 20) return { ok: false, reason: 'too_simple' };
  const folded = passphrase.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (COMMON.some((word) => folded.length - word.length < 6 && folded.includes(word))) {
    return { ok: false, reason: 'too_simple' };
  }
  // Straight runs such as "abcdefghijkl" or "123456789012".
  let run = 1;
  for (let i = 1; i < chars.length; i++) {
    const step = (chars[i]?.codePointAt(0) ?? 0) - (chars[i - 1]?.codePointAt(0) ?? 0);
    run = Math.abs(step) === 1 || step === 0 ? run + 1 : 1;
    if (run >= chars.length - 2) return { ok: false, reason: 'too_simple' };
  }
  return { ok: true };
}

export const passphraseReasons: Record<Exclude<PassphraseVerdict, { ok: true }>['reason'], string> = {
  too_short: `Use at least ${PASSPHRASE_MIN} characters; a short sentence is easiest to remember.`,
  too_long: `Use at most ${PASSPHRASE_MAX} characters.`,
  too_simple: 'That passphrase is too easy to guess; mix words, numbers or signs.',
  control_characters: 'The passphrase contains characters that cannot be typed.',
};

/**
 * Back-off after repeated failures: the first three attempts are free, then each further one
 * waits twice as long as the last, up to five minutes.
 */
export function backoffMs(failedAttempts: number): number {
  if (failedAttempts < 3) return 0;
  return Math.min(1000 * 2 ** (failedAttempts - 3), 5 * 60 * 1000);
}
