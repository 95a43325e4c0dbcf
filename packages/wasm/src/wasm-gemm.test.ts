import { describe, expect, it } from "vitest";
import { createRng, gemm, type GemmArgs } from "@mytorch/matrix";
import { wasmGemm } from "./wasm-gemm.js";
import { firstDifference, randomMatrix } from "./same-bits.test-helper.js";

// The reference is gemm from @mytorch/matrix (the TS kernel, itself checked
// against the naive loops there). Every product must be equal bit for bit.

/** GemmArgs of op(A) (m×k)·op(B) (k×n), each operand stored as itself or transposed. */
function problem(m: number, k: number, n: number, transA: boolean, transB: boolean, seed: number, special = 0): GemmArgs {
  const rng = createRng(seed);
  const a = randomMatrix(transA ? k : m, transA ? m : k, rng, special).data;
  const b = randomMatrix(transB ? n : k, transB ? k : n, rng, special).data;
  return {
    m, n, k,
    a, aRowStride: transA ? 1 : k, aColStride: transA ? m : 1,
    b, bRowStride: transB ? 1 : n, bColStride: transB ? k : 1,
    c: new Float64Array(m * n).fill(Number.NaN), // overwritten, never read
  };
}

/** C from the TS kernel and from the wasm kernel, on the same inputs. */
function both(args: GemmArgs, rowStart = 0, rowEnd = args.m): [Float64Array, Float64Array] {
  const ts = args.c.slice(), wasm = args.c.slice();
  gemm({ ...args, c: ts }, rowStart, rowEnd);
  wasmGemm({ ...args, c: wasm }, rowStart, rowEnd);
  return [ts, wasm];
}

describe("wasmGemm: the same bits as the TS kernel", () => {
  // (m, k, n): empty, single, odd, tiny (the TS direct path), and sizes crossing
  // KC = 256 (k = 257, 513), the tile (4), MC = 128 (m = 129, 261) and NC = 1024 (n = 1030).
  const shapes: [number, number, number][] = [
    [0, 5, 7], [7, 0, 5], [5, 7, 0], [1, 1, 1], [1, 300, 9], [9, 300, 1], [2, 40, 40], [40, 40, 2], [13, 4, 29],
    [3, 5, 3], [15, 15, 15], [17, 33, 9], [31, 256, 31], [5, 257, 11], [33, 513, 19], [129, 70, 37],
    [261, 31, 45], [6, 9, 1030], [64, 784, 64], [100, 300, 10],
  ];
  for (const [m, k, n] of shapes) {
    for (const transA of [false, true]) {
      for (const transB of [false, true]) {
        const name = `${transA ? "Aᵀ" : "A"}·${transB ? "Bᵀ" : "B"}`;
        it(`(${m}×${k})·(${k}×${n}) ${name}`, () => {
          const [ts, wasm] = both(problem(m, k, n, transA, transB, m * 7 + k * 3 + n));
          expect(wasm.length).toBe(m * n);
          expect(firstDifference(ts, wasm)).toBe(-1);
        });
      }
    }
  }

  it("random shapes (60 draws, every transpose combination)", () => {
    const rng = createRng(2024);
    for (let draw = 0; draw < 60; draw++) {
      const m = 1 + rng.int(90), k = 1 + rng.int(600), n = 1 + rng.int(90);
      const args = problem(m, k, n, rng.int(2) === 1, rng.int(2) === 1, draw);
      const [ts, wasm] = both(args);
      expect(firstDifference(ts, wasm), `draw ${draw}: (${m}×${k})·(${k}×${n})`).toBe(-1);
    }
  });

  it("NaN, ±Infinity and −0 in the inputs propagate the same way", () => {
    const seen = new Set<number>();
    for (const [m, k, n] of [[37, 300, 21], [8, 9, 8], [64, 64, 64], [50, 20, 50]] as const) {
      for (const transA of [false, true]) {
        const [ts, wasm] = both(problem(m, k, n, transA, !transA, m + n, 0.004));
        for (const x of ts) if (!Number.isFinite(x)) seen.add(x);
        expect(firstDifference(ts, wasm)).toBe(-1);
      }
    }
    expect([...seen].sort()).toEqual([Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY, Number.NaN].sort());
  });

  it("products of ±0 keep the sign of zero the TS kernel gives", () => {
    const args = problem(24, 300, 24, false, false, 5);
    args.a.fill(-0);
    for (let i = 0; i < args.b.length; i += 2) args.b[i] = -args.b[i]!;
    const [ts, wasm] = both(args);
    expect(firstDifference(ts, wasm)).toBe(-1);
    expect(ts.every((x) => x === 0)).toBe(true);
  });

  it("row ranges (as a worker computes them) equal those rows of one call, and leave other rows alone", () => {
    const args = problem(150, 300, 70, true, false, 9);
    const [full] = both(args);
    for (const [start, end] of [[0, 16], [16, 150], [3, 5], [131, 150]] as const) {
      const [ts, wasm] = both(args, start, end);
      expect(firstDifference(ts, wasm)).toBe(-1);
      expect(firstDifference(wasm.subarray(start * 70, end * 70), full.subarray(start * 70, end * 70))).toBe(-1);
      expect(Number.isNaN(wasm[0 === start ? end * 70 : 0])).toBe(true);
    }
  });

  it("strided views with offsets and non-unit strides on both sides", () => {
    const rng = createRng(77);
    // op(A) (m×k) inside a wider buffer: rows 3k+1 apart, columns 2 apart, from offset 5.
    const m = 41, k = 290, n = 23;
    const a = randomMatrix(1, 5 + (m - 1) * (2 * k + 1) + 2 * (k - 1) + 1, rng).data;
    const b = randomMatrix(1, 3 + (k - 1) + (n - 1) * (k + 2) + 1, rng).data;
    const args: GemmArgs = {
      m, n, k, a, aRowStride: 2 * k + 1, aColStride: 2, aOffset: 5,
      b, bRowStride: 1, bColStride: k + 2, bOffset: 3,
      c: new Float64Array(7 + m * n), cOffset: 7,
    };
    const [ts, wasm] = both(args);
    expect(firstDifference(ts, wasm)).toBe(-1);
  });

  it("a large product after a small one grows the memory and still matches", () => {
    for (const size of [20, 300, 40, 700]) {
      const [ts, wasm] = both(problem(size, 260, size, false, true, size));
      expect(firstDifference(ts, wasm)).toBe(-1);
    }
  });
});

describe("firstDifference", () => {
  it("tells −0 from +0 and counts NaN as equal", () => {
    expect(firstDifference(new Float64Array([1, -0]), new Float64Array([1, 0]))).toBe(1);
    expect(firstDifference(new Float64Array([Number.NaN]), new Float64Array([Number.NaN]))).toBe(-1);
  });
});
