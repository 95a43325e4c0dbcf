import { afterEach, describe, expect, it } from "vitest";
import { Matrix } from "../matrix.js";
import { getMatmulBackend, setMatmulBackend, singleThreadBackend, type MatmulBackend } from "../matmul-backend.js";
import { createRng } from "../rng.js";
import { gemm } from "./gemm.js";
import { matmulInto, matmulTransposeInto, transposeMatmulInto } from "./matmul.js";

// The blocked kernel (packing, 6×5 micro-kernel, edge tiles, thin-shape loops)
// against the textbook triple loop. Tolerance, entry by entry, relative to the
// size of the terms summed: |got − expected| ≤ 1e-12 · Σₚ |A[i][p]|·|B[p][j]|.
const RTOL = 1e-12;

/** C[i][j] = Σₚ A[i][p]·B[p][j] in the plainest order, and the scale Σₚ |A[i][p]·B[p][j]|. */
function naiveProduct(a: Matrix, b: Matrix): { value: Matrix; scale: Matrix } {
  const value = Matrix.zeros(a.rows, b.cols), scale = Matrix.zeros(a.rows, b.cols);
  for (let i = 0; i < a.rows; i++) {
    for (let j = 0; j < b.cols; j++) {
      let s = 0, t = 0;
      for (let p = 0; p < a.cols; p++) {
        const term = a.data[i * a.cols + p]! * b.data[p * b.cols + j]!;
        s += term;
        t += Math.abs(term);
      }
      value.data[i * b.cols + j] = s;
      scale.data[i * b.cols + j] = t;
    }
  }
  return { value, scale };
}

/** The worst entry's error in units of RTOL·scale (≤ 1 passes), with its place, for the failure message. */
function expectMatches(call: string, got: Matrix, reference: { value: Matrix; scale: Matrix }): void {
  expect(got.shape, call).toEqual(reference.value.shape);
  let worst = 0, where = "";
  for (let e = 0; e < got.data.length; e++) {
    const error = Math.abs(got.data[e]! - reference.value.data[e]!);
    const allowed = RTOL * reference.scale.data[e]! + Number.MIN_VALUE;
    const ratio = Number.isNaN(error) ? Infinity : error / allowed;
    if (ratio > worst) {
      worst = ratio;
      where = `entry ${e}: got ${got.data[e]}, expected ${reference.value.data[e]}`;
    }
  }
  expect(worst, `${call}: ${where}`).toBeLessThanOrEqual(1);
}

/** All three products of the same (m×k)·(k×n) problem, each from its own storage layout. */
function checkAllProducts(m: number, k: number, n: number, seed: number): void {
  const rng = createRng(seed);
  const a = Matrix.randn(m, k, { rng }), b = Matrix.randn(k, n, { rng });
  const reference = naiveProduct(a, b);
  const aT = a.transpose(), bT = b.transpose();
  expectMatches("matmul", matmulInto(a, b, Matrix.full(m, n, NaN)), reference);
  expectMatches("transposeMatmul", transposeMatmulInto(aT, b, Matrix.full(m, n, NaN)), reference);
  expectMatches("matmulTranspose", matmulTransposeInto(a, bT, Matrix.full(m, n, NaN)), reference);
}

describe("blocked matmul against the naive triple loop (error ≤ 1e-12 · Σ|terms|)", () => {
  const named: [number, number, number][] = [
    [1, 1, 1], [1, 7, 1], [1, 784, 256], [256, 784, 1], [256, 1, 256], [2, 3, 2],
    [6, 256, 5], [7, 257, 6], [12, 300, 10], [256, 256, 10], [97, 101, 103],
    [300, 257, 129], [96, 256, 900], [97, 513, 901], [13, 1031, 7],
    // around the 16×5 tile: one row short of, exactly and one past a panel, odd and even k
    [15, 33, 5], [16, 257, 10], [17, 65, 11], [33, 255, 6], [48, 512, 15],
  ];
  for (const [m, k, n] of named) {
    it(`(${m}×${k})·(${k}×${n}), Aᵀ·B and A·Bᵀ`, () => checkAllProducts(m, k, n, m * 1_000_003 + k * 1009 + n));
  }

  const rng = createRng(11);
  const sizes = [1, 2, 3, 4, 5, 6, 7, 11, 13, 17, 31, 61, 97, 127, 131, 257];
  for (let trial = 0; trial < 20; trial++) {
    const m = sizes[rng.int(sizes.length)]!, k = sizes[rng.int(sizes.length)]!, n = sizes[rng.int(sizes.length)]!;
    it(`random shape ${trial}: (${m}×${k})·(${k}×${n})`, () => checkAllProducts(m, k, n, trial));
  }
});

describe("gemm on strided views", () => {
  it("row ranges computed separately fill the same C as one call (the parallel split)", () => {
    const rng = createRng(3);
    const m = 301, k = 129, n = 77;
    const a = Matrix.randn(m, k, { rng }), b = Matrix.randn(k, n, { rng });
    const whole = Matrix.zeros(m, n), parts = Matrix.full(m, n, NaN);
    const args = { m, n, k, a: a.data, aRowStride: k, aColStride: 1, b: b.data, bRowStride: n, bColStride: 1 };
    gemm({ ...args, c: whole.data });
    for (const [start, end] of [[0, 100], [100, 101], [101, 233], [233, 301]] as const) gemm({ ...args, c: parts.data }, start, end);
    expect(parts.equals(whole)).toBe(true);
    expectMatches("gemm", whole, naiveProduct(a, b));
  });

  it("a view with row stride > cols (every other column of a wider matrix)", () => {
    const rng = createRng(5);
    const m = 40, k = 33, n = 21;
    const wide = Matrix.randn(m, 2 * k, { rng }), b = Matrix.randn(k, n, { rng });
    const a = Matrix.zeros(m, k); // the even columns of `wide`, as the reference sees them
    for (let i = 0; i < m; i++) for (let p = 0; p < k; p++) a.data[i * k + p] = wide.data[i * 2 * k + 2 * p]!;
    const c = Matrix.full(m, n, NaN);
    gemm({ m, n, k, a: wide.data, aRowStride: 2 * k, aColStride: 2, b: b.data, bRowStride: n, bColStride: 1, c: c.data });
    expectMatches("gemm, strided view", c, naiveProduct(a, b));
  });

  it("index offsets: rows r… of A and C held in separate buffers (a worker's view, negative offsets)", () => {
    const rng = createRng(6);
    const m = 90, k = 70, n = 50, r = 37;
    const a = Matrix.randn(m, k, { rng }), b = Matrix.randn(k, n, { rng });
    const whole = a.matmul(b);
    const aRows = a.data.slice(r * k), cRows = new Float64Array((m - r) * n).fill(NaN);
    const args = { m, n, k, a: aRows, aOffset: -r * k, aRowStride: k, aColStride: 1, b: b.data, bRowStride: n, bColStride: 1 };
    gemm({ ...args, c: cRows, cOffset: -r * n }, r, m);
    expect(Array.from(cRows)).toEqual(Array.from(whole.data.subarray(r * n)));
  });

  it("k = 0 zeroes C; m = 0 or n = 0 leaves an empty result", () => {
    expect(Matrix.full(3, 0, 1).matmul(Matrix.zeros(0, 4)).toArray()).toEqual([[0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]]);
    expect(Matrix.zeros(5, 0).transposeMatmul(Matrix.zeros(5, 3)).shape).toEqual([0, 3]);
    expect(Matrix.zeros(4, 6).matmulTranspose(Matrix.zeros(0, 6)).shape).toEqual([4, 0]);
  });

  it("the same product twice gives bit-identical results (no state leaks between calls)", () => {
    const rng = createRng(9);
    const a = Matrix.randn(50, 70, { rng }), b = Matrix.randn(70, 40, { rng });
    const first = a.matmul(b);
    Matrix.randn(300, 257, { rng }).matmul(Matrix.randn(257, 129, { rng })); // dirties the packing buffer
    expect(a.matmul(b).equals(first)).toBe(true);
  });
});

describe("matmul backends", () => {
  afterEach(() => {
    setMatmulBackend(null);
  });

  it("every product goes through the installed backend; null restores the single-thread one", () => {
    const seen: string[] = [];
    const counting: MatmulBackend = {
      name: "counting",
      gemm: (args) => {
        seen.push(`${args.m}×${args.k}·${args.k}×${args.n}`);
        singleThreadBackend.gemm(args);
      },
    };
    expect(setMatmulBackend(counting)).toBe(singleThreadBackend);
    const a = Matrix.fromArray([[1, 2], [3, 4], [5, 6]]);
    expect(a.matmul(Matrix.fromArray([[1], [1]])).toArray()).toEqual([[3], [7], [11]]);
    a.transposeMatmul(a);
    a.matmulTranspose(a);
    expect(seen).toEqual(["3×2·2×1", "2×3·3×2", "3×2·2×3"]);
    expect(getMatmulBackend()).toBe(counting);
    expect(setMatmulBackend(null)).toBe(counting);
    expect(getMatmulBackend()).toBe(singleThreadBackend);
  });

  it("shape errors are thrown before the backend is called", () => {
    let called = false;
    setMatmulBackend({ name: "spy", gemm: () => { called = true; } });
    expect(() => Matrix.zeros(2, 3).matmul(Matrix.zeros(4, 2))).toThrow(/^matmul: inner dimensions must match, got 2×3 · 4×2$/);
    expect(called).toBe(false);
  });
});
