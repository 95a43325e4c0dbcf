import { describe, expect, it } from "vitest";
import fixture from "../fixtures/rng.json" with { type: "json" };
import { Matrix } from "./matrix.js";
import { createRng, defaultRng, manualSeed, shuffle } from "./rng.js";

describe("Rng: the same stream on every machine", () => {
  // The expected streams come from an independent Python implementation (fixtures-gen/generate.py).
  for (const stream of fixture.streams) {
    it(`seed ${stream.seed}: uint32 and uniform match the reference exactly`, () => {
      const a = createRng(stream.seed);
      expect(stream.uint32.map(() => a.uint32())).toEqual(stream.uint32);
      const b = createRng(stream.seed);
      expect(stream.uniform.map(() => b.uniform())).toEqual(stream.uniform);
    });

    it(`seed ${stream.seed}: normal matches the reference to 1 ulp-ish (4e-16 relative)`, () => {
      const g = createRng(stream.seed);
      for (const expected of stream.normal) {
        const got = g.normal();
        expect(Math.abs(got - expected)).toBeLessThanOrEqual(4e-16 * Math.max(1, Math.abs(expected)));
      }
    });
  }

  it("different seeds give different streams", () => {
    expect(createRng(1).uint32()).not.toBe(createRng(2).uint32());
    expect(createRng(2 ** 40).uint32()).not.toBe(createRng(0).uint32());
  });

  it("rejects seeds that are not safe integers", () => {
    expect(() => createRng(1.5)).toThrow(/^createRng: seed must be a safe integer, got 1.5$/);
    expect(() => createRng(NaN)).toThrow(RangeError);
  });
});

describe("Rng statistics", () => {
  const n = 200_000;

  it("uniform lies in [0, 1) with mean 1/2 and variance 1/12 (±0.005 and ±0.002)", () => {
    const g = createRng(3);
    let sum = 0, sumSq = 0, min = 1, max = 0;
    for (let i = 0; i < n; i++) {
      const u = g.uniform();
      sum += u; sumSq += u * u; min = Math.min(min, u); max = Math.max(max, u);
    }
    const mean = sum / n;
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.005);
    expect(Math.abs(sumSq / n - mean * mean - 1 / 12)).toBeLessThan(0.002);
  });

  it("normal has mean 0 and variance 1 (±0.01 and ±0.02)", () => {
    const m = Matrix.randn(n, 1, { rng: createRng(4) });
    const mean = m.mean();
    const variance = m.map((x) => (x - mean) ** 2).mean();
    expect(Math.abs(mean)).toBeLessThan(0.01);
    expect(Math.abs(variance - 1)).toBeLessThan(0.02);
  });

  it("int(n) is uniform over 0..n−1 and checks n", () => {
    const g = createRng(5);
    const counts = [0, 0, 0];
    for (let i = 0; i < 30_000; i++) counts[g.int(3)]!++;
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(500);
    expect(() => g.int(0)).toThrow(/^Rng.int: n must be an integer in \[1, 2\^32\], got 0$/);
  });

  it("rand draws from [low, high)", () => {
    const m = Matrix.rand(100, 10, { rng: createRng(6), low: -2, high: 3 });
    expect(Math.min(...m.data)).toBeGreaterThanOrEqual(-2);
    expect(Math.max(...m.data)).toBeLessThan(3);
  });
});

describe("manualSeed and shuffle", () => {
  it("manualSeed makes the default Rng repeat", () => {
    manualSeed(11);
    const first = Matrix.randn(2, 2);
    manualSeed(11);
    expect(Matrix.randn(2, 2).equals(first)).toBe(true);
    expect(defaultRng().uniform()).toBeGreaterThanOrEqual(0);
  });

  it("shuffle permutes in place, deterministically per seed", () => {
    const a = shuffle(Array.from({ length: 20 }, (_, i) => i), createRng(9));
    const b = shuffle(Array.from({ length: 20 }, (_, i) => i), createRng(9));
    expect(a).toEqual(b);
    expect([...a].sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(a).not.toEqual(Array.from({ length: 20 }, (_, i) => i));
  });
});
