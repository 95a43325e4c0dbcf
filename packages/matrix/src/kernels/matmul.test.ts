import { describe, expect, it } from "vitest";
import fixture from "../../fixtures/products.json" with { type: "json" };
import { compareMatrices } from "../compare.js";
import { Matrix } from "../matrix.js";
import { createRng } from "../rng.js";
import { ShapeError } from "../shape-error.js";
import { matmulInto } from "./matmul.js";

const TOL = { atol: 1e-12, rtol: 1e-12 };

/** The textbook triple loop, C[i][j] = Σₖ A[i][k]·B[k][j], as an independent reference. */
function naiveMatmul(a: Matrix, b: Matrix): Matrix {
  const c = Matrix.zeros(a.rows, b.cols);
  for (let i = 0; i < a.rows; i++) {
    for (let j = 0; j < b.cols; j++) {
      let s = 0;
      for (let k = 0; k < a.cols; k++) s += a.data[i * a.cols + k]! * b.data[k * b.cols + j]!;
      c.data[i * c.cols + j] = s;
    }
  }
  return c;
}

function expectClose(actual: Matrix, expected: Matrix): void {
  const result = compareMatrices(actual, expected, TOL);
  expect(result.ok, result.message).toBe(true);
}

describe("matmul and the transposed products against PyTorch (float64)", () => {
  for (const c of fixture.cases) {
    const a = Matrix.fromArray(c.a), b = Matrix.fromArray(c.b);
    const at = Matrix.fromArray(c.at), bt = Matrix.fromArray(c.bt);
    it(`(${a.rows}×${a.cols})·(${b.rows}×${b.cols})`, () => {
      const product = a.matmul(b);
      expect(product.shape).toEqual([a.rows, b.cols]);
      expectClose(product, Matrix.fromArray(c.matmul));
    });
    it(`(${at.rows}×${at.cols})ᵀ·(${b.rows}×${b.cols}) without forming the transpose`, () => {
      expectClose(at.transposeMatmul(b), Matrix.fromArray(c.transposeMatmul));
    });
    it(`(${a.rows}×${a.cols})·(${bt.rows}×${bt.cols})ᵀ without forming the transpose`, () => {
      expectClose(a.matmulTranspose(bt), Matrix.fromArray(c.matmulTranspose));
    });
    it(`sums of a ${a.rows}×${a.cols} over rows and over columns`, () => {
      expectClose(a.sumRows(), Matrix.fromArray(c.sumRows));
      expectClose(a.sumCols(), Matrix.fromArray(c.sumCols));
    });
  }
});

describe("matmul against the naive triple loop on random shapes", () => {
  const rng = createRng(7);
  const sizes = [1, 2, 3, 5, 7, 13, 31, 64, 97];
  for (let trial = 0; trial < 24; trial++) {
    const m = sizes[rng.int(sizes.length)]!, k = sizes[rng.int(sizes.length)]!, n = sizes[rng.int(sizes.length)]!;
    it(`(${m}×${k})·(${k}×${n}), Aᵀ·B and A·Bᵀ agree to 1e-12`, () => {
      const a = Matrix.randn(m, k, { rng }), b = Matrix.randn(k, n, { rng });
      const reference = naiveMatmul(a, b);
      expectClose(a.matmul(b), reference);
      expectClose(a.transpose().transposeMatmul(b), reference);
      expectClose(a.matmulTranspose(b.transpose()), reference);
    });
  }

  it("k = 0 gives a zero matrix; an empty batch gives 0 rows", () => {
    expect(Matrix.zeros(2, 0).matmul(Matrix.zeros(0, 3)).toArray()).toEqual([[0, 0, 0], [0, 0, 0]]);
    expect(Matrix.zeros(0, 4).matmul(Matrix.zeros(4, 3)).shape).toEqual([0, 3]);
  });

  it("matmulInto overwrites whatever out held", () => {
    const out = Matrix.full(1, 1, 99);
    matmulInto(Matrix.row([2]), Matrix.row([3]), out);
    expect(out.get(0, 0)).toBe(6);
  });
});

describe("matmul shape errors", () => {
  it("(2×3)·(4×2) throws ShapeError naming both shapes", () => {
    const call = () => Matrix.zeros(2, 3).matmul(Matrix.zeros(4, 2));
    expect(call).toThrow(ShapeError);
    expect(call).toThrow(/^matmul: inner dimensions must match, got 2×3 · 4×2$/);
  });

  it("Aᵀ·B needs equal row counts", () => {
    expect(() => Matrix.zeros(2, 3).transposeMatmul(Matrix.zeros(3, 2))).toThrow(
      /^transposeMatmul: Aᵀ·B needs equal row counts, got 2×3ᵀ · 3×2$/,
    );
  });

  it("A·Bᵀ needs equal column counts", () => {
    expect(() => Matrix.zeros(2, 3).matmulTranspose(Matrix.zeros(3, 2))).toThrow(
      /^matmulTranspose: A·Bᵀ needs equal column counts, got 2×3 · 3×2ᵀ$/,
    );
  });

  it("out must have the result's shape and must not alias an input", () => {
    const a = Matrix.zeros(2, 2);
    expect(() => matmulInto(a, a, Matrix.zeros(2, 3))).toThrow(/^matmul: out must be 2×2, got 2×3$/);
    expect(() => matmulInto(a, Matrix.zeros(2, 2), a)).toThrow(/^matmul: out must not share memory with an input$/);
  });
});

describe("transpose", () => {
  it("(2×3)ᵀ is 3×2 with rows and columns swapped", () => {
    expect(Matrix.fromArray([[1, 2, 3], [4, 5, 6]]).transpose().toArray()).toEqual([[1, 4], [2, 5], [3, 6]]);
  });

  it("(1×n)ᵀ is n×1 and (Aᵀ)ᵀ = A", () => {
    const a = Matrix.randn(7, 5, { rng: createRng(1) });
    expect(Matrix.row([1, 2]).transpose().shape).toEqual([2, 1]);
    expect(a.transpose().transpose().equals(a)).toBe(true);
  });
});
