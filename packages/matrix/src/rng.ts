/**
 * A seeded random number generator: xoshiro128** seeded through splitmix32.
 * Only 32-bit integer arithmetic (Math.imul, shifts) makes the uniform stream,
 * so the same seed gives the same numbers on every machine and every engine;
 * normal() adds Math.log and Math.sqrt (Marsaglia's polar method, no sin/cos).
 */
export interface Rng {
  /** A uniform float in [0, 1) with 53 random bits. */
  uniform(): number;
  /** A standard normal N(0, 1) sample. */
  normal(): number;
  /** A uniform integer in [0, n), for n a positive integer ≤ 2³². */
  int(n: number): number;
  /** A uniform unsigned 32-bit integer. */
  uint32(): number;
}

class Xoshiro128 implements Rng {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  private spareNormal: number | null = null;

  constructor(seed: number) {
    if (!Number.isSafeInteger(seed)) {
      throw new RangeError(`createRng: seed must be a safe integer, got ${seed}`);
    }
    // splitmix32 over both 32-bit halves of the seed fills the four state words.
    let x = (seed >>> 0) ^ Math.imul(Math.floor(seed / 2 ** 32) >>> 0, 0x9e3779b1);
    const next = (): number => {
      x = (x + 0x9e3779b9) | 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.s0 = next();
    this.s1 = next();
    this.s2 = next();
    this.s3 = next();
  }

  uint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  uniform(): number {
    // 27 high bits + 26 high bits = 53 bits, divided by 2⁵³.
    const hi = this.uint32() >>> 5;
    const lo = this.uint32() >>> 6;
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  normal(): number {
    if (this.spareNormal !== null) {
      const spare = this.spareNormal;
      this.spareNormal = null;
      return spare;
    }
    // Marsaglia polar: (u, v) uniform in the unit disc, s = u² + v²,
    // then u·√(−2 ln s / s) and v·√(−2 ln s / s) are independent N(0, 1).
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * this.uniform() - 1;
      v = 2 * this.uniform() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const factor = Math.sqrt((-2 * Math.log(s)) / s);
    this.spareNormal = v * factor;
    return u * factor;
  }

  int(n: number): number {
    if (!Number.isInteger(n) || n <= 0 || n > 2 ** 32) {
      throw new RangeError(`Rng.int: n must be an integer in [1, 2^32], got ${n}`);
    }
    // Rejection sampling removes the modulo bias.
    const limit = 2 ** 32 - (2 ** 32 % n);
    let x: number;
    do {
      x = this.uint32();
    } while (x >= limit);
    return x % n;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** A new generator; the same seed gives the same stream everywhere. */
export function createRng(seed: number): Rng {
  return new Xoshiro128(seed);
}

let defaultGenerator: Rng = createRng(0);

/** Reseeds the default Rng, used wherever no `rng` option is given. */
export function manualSeed(seed: number): void {
  defaultGenerator = createRng(seed);
}

/** The default Rng (seed 0 until manualSeed is called). */
export function defaultRng(): Rng {
  return defaultGenerator;
}

/** Shuffles `array` in place (Fisher–Yates) and returns it. */
export function shuffle<A extends { length: number; [index: number]: unknown }>(array: A, rng: Rng = defaultRng()): A {
  for (let i = array.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const tmp = array[i];
    array[i] = array[j];
    array[j] = tmp;
  }
  return array;
}
