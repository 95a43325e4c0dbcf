import { describe, expect, it } from "vitest";
import fixture from "../../fixtures/products.json" with { type: "json" };
import { compareMatrices } from "../compare.js";
import { Matrix } from "../matrix.js";
import { createRng } from "../rng.js";
import { ShapeError } from "../shape-error.js";
import { matmulInto } from "./matmul.js";

const TOL = { atol: 1e-12, rtol: 1e-12 };

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

// Random and odd shapes against a naive triple loop: gemm.test.ts.
describe("matmul edge cases", () => {
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
