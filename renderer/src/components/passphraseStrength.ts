import { PASSPHRASE_MIN } from '../api/contract';

export type Strength = { level: 0; missing: number } | { level: 1 | 2 | 3 | 4 };

/**
 * A quiet estimate for the hint under the field, not a gate: the core decides. Length matters
 * most (the key is derived from the whole phrase); words and variety help.
 */
export function estimateStrength(passphrase: string): Strength {
  const chars = [...passphrase];
  if (chars.length < PASSPHRASE_MIN) return { level: 0, missing: PASSPHRASE_MIN - chars.length };
  if (new Set(chars).size < 6) return { level: 1 };
  const classes = [/\p{Ll}/u, /\p{Lu}/u, /\p{N}/u, /[^\p{L}\p{N}\s]/u, /\s/u].filter((re) => re.test(passphrase)).length;
  const words = passphrase.split(/[\s\-_.]+/u).filter((w) => w.length >= 3).length;
  let score = 1;
  if (chars.length >= 16) score += 1;
  if (chars.length >= 22) score += 1;
  if (classes >= 3 || words >= 4) score += 1;
  return { level: Math.min(4, score) as 1 | 2 | 3 | 4 };
}
