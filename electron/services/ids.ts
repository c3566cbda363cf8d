/** ULIDs: 48 bits of milliseconds and 80 random bits, Crockford base32, sortable by time. */
import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Encodes a ULID from a time and 10 random bytes; the demo passes seeded bytes to stay deterministic. */
export function encodeUlid(timeMs: number, random: Uint8Array): string {
  if (!Number.isInteger(timeMs) || timeMs < 0 || timeMs > 2 ** 48 - 1) throw new RangeError('ULID time out of range');
  if (random.length !== 10) throw new RangeError('ULID needs 10 random bytes');
  let out = '';
  let t = timeMs;
  for (let i = 0; i < 10; i++) {
    out = ALPHABET[t % 32] + out;
    t = Math.floor(t / 32);
  }
  // 80 bits → 16 characters of 5 bits.
  let bits = 0;
  let value = 0;
  for (const byte of random) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += ALPHABET[(value >> bits) & 31];
      value &= (1 << bits) - 1;
    }
  }
  return out;
}

/** The core passes the session's clock (`session.now().getTime()`); the default serves tests and scripts. */
export function newId(now: number = Date.now()): string {
  return encodeUlid(now, randomBytes(10));
}
