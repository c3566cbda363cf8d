/**
 * A small, fast, seeded PRNG for the demo maison: sfc32 (Chris Doty-Humphrey's Small Fast
 * Counting generator, 128 bits of state, passes PractRand to terabytes), seeded through a
 * murmur3-style finaliser from `(seed, stream)`. Each stream is independent, so a client's details
 * come from its own stream and do not shift when another client changes. Never `Math.random`.
 */

function mix32(value: number): number {
  let h = value | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export type Weighted<T> = readonly (readonly [T, number])[];

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** `seed` is any safe integer; `stream` picks an independent sequence for that seed. */
  constructor(seed: number, stream = 0) {
    const lo = seed >>> 0;
    const hi = Math.floor(seed / 2 ** 32) >>> 0;
    this.a = mix32(lo ^ 0x9e3779b9);
    this.b = mix32(hi ^ mix32(stream ^ 0x85ebca6b));
    this.c = mix32(stream + 0x6a09e667);
    this.d = 1;
    for (let i = 0; i < 16; i++) this.next();
  }

  /** A uint32. */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A float in [0, 1). */
  float(): number {
    return this.next() / 4294967296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  /** A float in [min, max). */
  range(min: number, max: number): number {
    return min + this.float() * (max - min);
  }

  chance(probability: number): boolean {
    return this.float() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[Math.floor(this.float() * items.length)] as T;
  }

  weighted<T>(items: Weighted<T>): T {
    let total = 0;
    for (const [, w] of items) total += w;
    let r = this.float() * total;
    for (const [value, w] of items) {
      r -= w;
      if (r < 0) return value;
    }
    const last = items[items.length - 1];
    if (!last) throw new RangeError('weighted pick from an empty list');
    return last[0];
  }

  /** A roughly normal value (Irwin–Hall of 4), clamped to [min, max]. */
  normal(mean: number, sd: number, min = -Infinity, max = Infinity): number {
    const z = (this.float() + this.float() + this.float() + this.float() - 2) * Math.sqrt(3);
    return Math.min(max, Math.max(min, mean + z * sd));
  }

  /** A Poisson-distributed count (Knuth for small means, normal approximation above 30). */
  poisson(mean: number): number {
    if (mean <= 0) return 0;
    if (mean > 30) return Math.max(0, Math.round(this.normal(mean, Math.sqrt(mean))));
    const limit = Math.exp(-mean);
    let k = 0;
    let p = this.float();
    while (p > limit) {
      k++;
      p *= this.float();
    }
    return k;
  }

  /** Fisher–Yates, in place. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.float() * (i + 1));
      const tmp = items[i] as T;
      items[i] = items[j] as T;
      items[j] = tmp;
    }
    return items;
  }

  /** `count` distinct items (or all of them), in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    return this.shuffle([...items]).slice(0, Math.max(0, count));
  }

  /** Fills `out` with random bytes (for ULIDs). */
  bytes(out: Uint8Array): Uint8Array {
    for (let i = 0; i < out.length; i += 4) {
      let v = this.next();
      for (let j = i; j < Math.min(i + 4, out.length); j++) {
        out[j] = v & 0xff;
        v >>>= 8;
      }
    }
    return out;
  }
}
