import { afterEach, describe, expect, it, vi } from "vitest";
import { Matrix, createRng, getMatmulBackend, setMatmulBackend, singleThreadBackend } from "@mytorch/matrix";
import { WasmUnavailableError } from "@mytorch/wasm";
import { ParallelMatmul, stopParallelMatmul, useParallelMatmul } from "./parallel-backend.js";

// The workers run dist/worker.js: `pnpm test` builds the package first.
// Reference: the single-thread kernel of @mytorch/matrix (itself checked against
// the naive triple loop there). Each thread computes whole rows with that same
// kernel, so the parallel result must be bit-for-bit identical.

afterEach(() => {
  stopParallelMatmul();
});

/** The three products of an (m×k)·(k×n) problem on the current backend. */
function products(m: number, k: number, n: number, seed: number): Matrix[] {
  const rng = createRng(seed);
  const a = Matrix.randn(m, k, { rng }), b = Matrix.randn(k, n, { rng });
  return [a.matmul(b), a.transpose().transposeMatmul(b), a.matmulTranspose(b.transpose())];
}

describe("useParallelMatmul", () => {
  const shapes: [number, number, number][] = [[256, 784, 256], [784, 256, 256], [256, 256, 10], [301, 257, 129], [40, 97, 1031], [1000, 3, 400]];
  for (const [m, k, n] of shapes) {
    it(`(${m}×${k})·(${k}×${n}) on 2 threads equals one thread exactly, for A·B, Aᵀ·B, A·Bᵀ`, () => {
      const expected = products(m, k, n, m + k + n);
      const backend = useParallelMatmul({ threads: 2, minWork: 0 })!;
      const actual = products(m, k, n, m + k + n);
      for (let e = 0; e < 3; e++) expect(actual[e]!.equals(expected[e]!)).toBe(true);
      expect(backend.stats.parallel).toBeGreaterThan(0);
    });
  }

  it("the split follows the measured speeds, stays in [0.1, 0.9], and never changes the result", () => {
    const backend = useParallelMatmul({ threads: 2, minWork: 0 })!;
    expect(backend.callerFraction).toBe(0.5);
    const rng = createRng(21);
    const a = Matrix.randn(256, 300, { rng }), b = Matrix.randn(300, 200, { rng });
    const expected = singleThread(() => a.matmul(b));
    const fractions: number[] = [];
    for (const start of [0.1, 0.9, 0.5, 0.5, 0.5]) {
      backend.callerFraction = start; // as after a run of products with one core slowed down
      expect(a.matmul(b).equals(expected)).toBe(true);
      fractions.push(backend.callerFraction);
    }
    for (const f of fractions) {
      expect(f).toBeGreaterThanOrEqual(0.1);
      expect(f).toBeLessThanOrEqual(0.9);
    }
    // One product halves the distance to the measured fraction: from 0.1 (the caller doing a tenth
    // of the rows at the same speed as the worker) it rises.
    expect(fractions[0]).toBeGreaterThan(0.1);
  });

  it("a worker later than workerTimeoutMs is given up: the caller computes its rows (same bits), warns once, and stays alone", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      const rng = createRng(33);
      const a = Matrix.randn(512, 1024, { rng }), b = Matrix.randn(1024, 512, { rng });
      const expected = singleThread(() => a.matmul(b));
      const backend = useParallelMatmul({ threads: 2, minWork: 0, workerTimeoutMs: 0 })!;
      // The caller takes one 16-row tile, the worker 496 rows (~40 ms): still busy when the caller looks.
      backend.callerFraction = 0.04;
      expect(a.matmul(b).equals(expected)).toBe(true);
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0]![0])).toMatch(
        /^parallel matmul: worker 0 did not finish within 0 ms of the calling thread; it is presumed dead, and this and every later product run on the calling thread only\.$/,
      );
      expect(a.matmul(b).equals(expected)).toBe(true); // now on one thread
      expect(backend.stats).toEqual({ parallel: 1, total: 2 });
      expect(warn).toHaveBeenCalledTimes(1);
    } finally {
      warn.mockRestore();
    }
  });

  for (const [m, k, n] of [[256, 784, 256], [784, 256, 256], [301, 257, 129]] as const) {
    it(`kernel "wasm": (${m}×${k})·(${k}×${n}) on 2 threads equals the TS kernel on one thread exactly`, () => {
      const expected = products(m, k, n, 5 * m + k);
      const backend = useParallelMatmul({ threads: 2, minWork: 0, kernel: "wasm" })!;
      expect(backend.name).toBe("parallel(2, wasm-simd)");
      const actual = products(m, k, n, 5 * m + k);
      for (let e = 0; e < 3; e++) expect(actual[e]!.equals(expected[e]!)).toBe(true);
      expect(backend.stats.parallel).toBeGreaterThan(0);
    });
  }

  it('kernel "wasm" without WebAssembly SIMD: WasmUnavailableError, and the backend stays as it was', () => {
    const api = (globalThis as unknown as { WebAssembly: { validate(bytes: Uint8Array): boolean } }).WebAssembly;
    const validate = vi.spyOn(api, "validate").mockReturnValue(false);
    try {
      expect(() => useParallelMatmul({ kernel: "wasm" })).toThrow(WasmUnavailableError);
      expect(getMatmulBackend()).toBe(singleThreadBackend);
    } finally {
      validate.mockRestore();
    }
  });

  it("3 threads split the rows three ways and still match", () => {
    const expected = products(200, 150, 90, 1);
    useParallelMatmul({ threads: 3, minWork: 0 });
    const actual = products(200, 150, 90, 1);
    for (let e = 0; e < 3; e++) expect(actual[e]!.equals(expected[e]!)).toBe(true);
  });

  it("a growing problem reallocates the shared buffer and the workers follow", () => {
    const backend = useParallelMatmul({ threads: 2, minWork: 0 })!;
    for (const size of [48, 200, 60, 400]) {
      const rng = createRng(size);
      const a = Matrix.randn(size, size, { rng }), b = Matrix.randn(size, size, { rng });
      const parallel = a.matmul(b);
      expect(parallel.equals(singleThread(() => a.matmul(b)))).toBe(true);
    }
    expect(backend.stats.parallel).toBe(4);
  });

  it("products below minWork, or too few rows to split, stay on the calling thread", () => {
    const backend = useParallelMatmul({ threads: 2 })!; // default minWork 2²⁰ multiply-adds
    Matrix.randn(64, 64).matmul(Matrix.randn(64, 64)); // 2¹⁸
    Matrix.randn(16, 2000).matmul(Matrix.randn(2000, 200)); // large, but one 16-row tile
    expect(backend.stats).toEqual({ parallel: 0, total: 2 });
    Matrix.randn(128, 128).matmul(Matrix.randn(128, 128)); // 2²¹
    expect(backend.stats).toEqual({ parallel: 1, total: 3 });
  });

  it("{ threads: 1 } forces one thread; stopParallelMatmul restores the single-thread backend", () => {
    expect(useParallelMatmul({ threads: 2 })).toBeInstanceOf(ParallelMatmul);
    expect(getMatmulBackend().name).toBe("parallel(2)");
    expect(useParallelMatmul({ threads: 1 })).toBeNull();
    expect(getMatmulBackend()).toBe(singleThreadBackend);
    useParallelMatmul();
    stopParallelMatmul();
    expect(getMatmulBackend()).toBe(singleThreadBackend);
  });

  it("rejects a bad thread count with the value in the message", () => {
    expect(() => new ParallelMatmul({ threads: 0 })).toThrow(/^ParallelMatmul: threads must be an integer ≥ 2, got 0$/);
    expect(() => new ParallelMatmul({ threads: 2.5 })).toThrow(RangeError);
    expect(() => new ParallelMatmul({ threads: 2, workerTimeoutMs: -1 })).toThrow(/^ParallelMatmul: workerTimeoutMs must be ≥ 0, got -1$/);
  });
});

/** Runs f on the single-thread backend, then puts the current backend back. */
function singleThread<T>(f: () => T): T {
  const previous = setMatmulBackend(null);
  try {
    return f();
  } finally {
    setMatmulBackend(previous);
  }
}
