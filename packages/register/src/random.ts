/**
 * Small deterministic PRNG toolkit for the synthetic register.
 *
 * Everything here is pure 32-bit integer arithmetic (Math.imul, >>>), so the same seed yields the
 * same numbers on every machine and Node version; Math.random and the clock are never used.
 */

/*
 * `imul` and `floor` are bound once at module level because hot loops look them up millions of times,
 * and under Jest (a vm context) every global lookup goes through a slow interceptor: about 40x
 * slower than plain Node. Locals cost the same everywhere.
 */
const { imul, floor } = Math;

const utf8 = new TextEncoder();

/**
 * 32-bit FNV-1a over the UTF-8 bytes of `text`. Hashing bytes (not UTF-16 code units) keeps the
 * value equal to any other FNV-1a implementation, should another tool need to reproduce a seed.
 */
export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of utf8.encode(text)) {
    hash ^= byte;
    hash = imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * MurmurHash3's finaliser: a bijection on 32-bit integers with full avalanche. Used to turn
 * near-identical inputs (consecutive row numbers, similar organisation ids) into unrelated seeds.
 */
export function fmix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export interface Random {
  /** Uniform integer in [0, 2^32). */
  nextUint32(): number;
  /** Uniform float in [0, 1). */
  nextFloat(): number;
  /** Uniform integer in [0, bound); bound must be a positive integer. */
  nextInt(bound: number): number;
  pick<T>(items: readonly T[]): T;
}

/**
 * mulberry32: tiny, fast and good enough for test data (not for anything security related).
 * A class rather than a closure because millions of rows are generated and V8 optimises the
 * monomorphic method calls well.
 */
export class Mulberry32 implements Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  nextUint32(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = imul(t ^ (t >>> 15), t | 1);
    t ^= t + imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  nextFloat(): number {
    return this.nextUint32() / 4294967296;
  }

  nextInt(bound: number): number {
    // Multiply-and-floor has a bias below 1e-6 for the list sizes used here, which is irrelevant
    // for synthetic data and keeps exactly one draw per call (rows rely on a fixed draw count).
    return floor(this.nextFloat() * bound);
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('Cannot pick from an empty list');
    return items[this.nextInt(items.length)] as T;
  }
}

/** Picks items with probability proportional to their weight, using one draw per pick. */
export class WeightedPicker<T> {
  private readonly items: readonly T[];
  private readonly cumulative: Float64Array;
  private readonly total: number;

  constructor(entries: readonly (readonly [T, number])[]) {
    if (entries.length === 0) throw new RangeError('WeightedPicker needs at least one entry');
    this.items = entries.map(([item]) => item);
    this.cumulative = new Float64Array(entries.length);
    let sum = 0;
    entries.forEach(([, weight], index) => {
      if (!(weight > 0) || !Number.isFinite(weight)) {
        throw new RangeError(`Weight must be a positive finite number, got ${weight}`);
      }
      sum += weight;
      this.cumulative[index] = sum;
    });
    this.total = sum;
  }

  pick(random: Random): T {
    const target = random.nextFloat() * this.total;
    // Linear scan: the longest list (Swedish län) has 21 entries, where a binary search buys nothing.
    for (let i = 0; i < this.cumulative.length; i++) {
      if (target < (this.cumulative[i] as number)) return this.items[i] as T;
    }
    // Only reachable through floating-point rounding at the very top of the range.
    return this.items[this.items.length - 1] as T;
  }
}
