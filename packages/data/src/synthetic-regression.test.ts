import { describe, expect, it } from "vitest";
import { createRng, type Matrix } from "@mytorch/matrix";
import { syntheticRegression } from "./synthetic-regression.js";

/** Ordinary least squares for y ≈ x₁w₁ + x₂w₂ + b by the 3×3 normal equations (Cramer's rule). */
function leastSquares(X: Matrix, Y: Matrix): [number, number, number] {
  const A = [[0, 0, 0], [0, 0, 0], [0, 0, 0]], r = [0, 0, 0];
  for (let i = 0; i < X.rows; i++) {
    const z = [X.get(i, 0), X.get(i, 1), 1];
    for (let p = 0; p < 3; p++) {
      r[p]! += z[p]! * Y.get(i, 0);
      for (let q = 0; q < 3; q++) A[p]![q]! += z[p]! * z[q]!;
    }
  }
  const det = (M: number[][]) =>
    M[0]![0]! * (M[1]![1]! * M[2]![2]! - M[1]![2]! * M[2]![1]!) -
    M[0]![1]! * (M[1]![0]! * M[2]![2]! - M[1]![2]! * M[2]![0]!) +
    M[0]![2]! * (M[1]![0]! * M[2]![1]! - M[1]![1]! * M[2]![0]!);
  const withColumn = (c: number) => A.map((row, p) => row.map((v, q) => (q === c ? r[p]! : v)));
  const d = det(A);
  return [det(withColumn(0)) / d, det(withColumn(1)) / d, det(withColumn(2)) / d];
}

describe("syntheticRegression", () => {
  it("X is n×2, Y is n×1, with d2l's defaults w = [2, −3.4], b = 4.2 recovered by least squares", () => {
    const { X, Y } = syntheticRegression({ n: 2000, rng: createRng(0) });
    expect(X.shape).toEqual([2000, 2]);
    expect(Y.shape).toEqual([2000, 1]);
    // With noise 0.01 the least-squares error is about 0.01/√2000 ≈ 2·10⁻⁴; allow 2·10⁻³.
    const [w1, w2, b] = leastSquares(X, Y);
    expect(Math.abs(w1 - 2)).toBeLessThan(2e-3);
    expect(Math.abs(w2 + 3.4)).toBeLessThan(2e-3);
    expect(Math.abs(b - 4.2)).toBeLessThan(2e-3);
  });

  it("X ~ N(0, 1): mean within 0.05 and variance within 0.05 of 1 over 20,000 entries", () => {
    const { X } = syntheticRegression({ n: 10_000, rng: createRng(1) });
    const mean = X.mean();
    const variance = X.map((x) => (x - mean) ** 2).mean();
    expect(Math.abs(mean)).toBeLessThan(0.05);
    expect(Math.abs(variance - 1)).toBeLessThan(0.05);
  });

  it("residuals y − (Xw + b) have the standard deviation `noise` (within 5%), and noise 0 is exact", () => {
    const w = [0.5, 1, -1], b = -2;
    const { X, Y } = syntheticRegression({ n: 5000, w, b, noise: 0.3, rng: createRng(2) });
    expect(X.shape).toEqual([5000, 3]);
    const residuals = Array.from({ length: 5000 }, (_, i) => Y.get(i, 0) - (b + w.reduce((s, wj, j) => s + wj * X.get(i, j), 0)));
    const std = Math.sqrt(residuals.reduce((s, e) => s + e * e, 0) / residuals.length);
    expect(Math.abs(std / 0.3 - 1)).toBeLessThan(0.05);
    const exact = syntheticRegression({ n: 10, w, b, noise: 0, rng: createRng(2) });
    for (let i = 0; i < 10; i++) {
      expect(exact.Y.get(i, 0)).toBeCloseTo(b + w.reduce((s, wj, j) => s + wj * exact.X.get(i, j), 0), 12);
    }
  });

  it("the same seed gives the same data", () => {
    const a = syntheticRegression({ n: 5, rng: createRng(3) });
    const c = syntheticRegression({ n: 5, rng: createRng(3) });
    expect(a.X.equals(c.X) && a.Y.equals(c.Y)).toBe(true);
  });

  it("rejects bad settings", () => {
    expect(() => syntheticRegression({ n: 0 })).toThrow(/^syntheticRegression: n must be an integer ≥ 1, got 0$/);
    expect(() => syntheticRegression({ n: 3, w: [] })).toThrow(/^syntheticRegression: w must be a non-empty list of finite numbers, got \[\]$/);
    expect(() => syntheticRegression({ n: 3, noise: -1 })).toThrow(/^syntheticRegression: noise must be ≥ 0, got -1$/);
  });
});
