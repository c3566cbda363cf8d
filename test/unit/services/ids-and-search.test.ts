import { describe, expect, it } from 'vitest';
import { idSchema } from '../../../electron/contract/index.js';
import { toPrefixQuery } from '../../../electron/services/clientbook/clients.js';
import { encodeUlid, newId } from '../../../electron/services/ids.js';

describe('ids', () => {
  it('encodes a ULID: time-sortable, 26 Crockford characters, accepted by the contract', () => {
    const a = encodeUlid(1_700_000_000_000, new Uint8Array(10));
    const b = encodeUlid(1_700_000_000_001, new Uint8Array(10).fill(255));
    // 1,700,000,000,000 ms in Crockford base32, computed independently.
    expect(a).toBe('01HF7YAT00' + '0000000000000000');
    expect(b > a).toBe(true);
    expect(b.endsWith('ZZZZZZZZZZZZZZZZ')).toBe(true);
    expect(idSchema.safeParse(newId()).success).toBe(true);
    expect(new Set(Array.from({ length: 1000 }, () => newId())).size).toBe(1000);
  });
  it('refuses out-of-range input', () => {
    expect(() => encodeUlid(-1, new Uint8Array(10))).toThrow(RangeError);
    expect(() => encodeUlid(0, new Uint8Array(9))).toThrow(RangeError);
  });
});

describe('search query', () => {
  it('turns typed words into quoted prefix terms and drops FTS5 syntax', () => {
    expect(toPrefixQuery('Éléo')).toBe('"Éléo"*');
    expect(toPrefixQuery('  anne   marie ')).toBe('"anne"* "marie"*');
    expect(toPrefixQuery('a" OR "b')).toBe('"a"* "OR"* "b"*');
    expect(toPrefixQuery('NEAR(x y) * :')).toBe('"NEAR"* "x"* "y"*');
    expect(toPrefixQuery('*** ::: ')).toBeNull();
  });
});
