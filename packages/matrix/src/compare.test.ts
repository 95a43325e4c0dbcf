import { describe, expect, it } from "vitest";
import { assertClose, compareMatrices, compareNumbers } from "./compare.js";
import { Matrix } from "./matrix.js";
import { numericalGradient } from "./numerical-gradient.js";

describe("compareMatrices", () => {
  it("accepts differences within atol + rtol·|expected|", () => {
    const r = compareMatrices(Matrix.row([1 + 1e-13, 2]), Matrix.row([1, 2]));
    expect(r.ok).toBe(true);
    expect(r.maxAbsDiff).toBeGreaterThan(0);
  });

  it("reports the worst entry, both values and the tolerance", () => {
    const r = compareMatrices(Matrix.fromArray([[1, 2], [3, 4.5]]), Matrix.fromArray([[1, 2], [3, 4]]), { atol: 1e-9, rtol: 0 });
    expect(r.ok).toBe(false);
    expect(r.message).toBe("2×2, max |diff| 5.00e-1, worst at (1, 1): got 4.5, expected 4; tolerance |got − expected| ≤ 1e-9 + 0e+0·|expected|");
  });

  it("fails on a shape mismatch and on NaN", () => {
    expect(compareMatrices(Matrix.zeros(1, 2), Matrix.zeros(2, 1)).message).toBe("shape mismatch: expected 2×1, got 1×2");
    expect(compareMatrices(Matrix.row([NaN]), Matrix.row([0])).ok).toBe(false);
  });

  it("matches equal infinities", () => {
    expect(compareMatrices(Matrix.row([Infinity]), Matrix.row([Infinity])).ok).toBe(true);
  });
});

describe("compareMatrices on malformed matrices", () => {
  const fake = (rows: number, cols: number, data: unknown) => ({ rows, cols, data }) as unknown as Matrix;
  it("rejects data that is empty, too short, too long or not a Float64Array, whatever rows and cols say", () => {
    const expected = Matrix.zeros(2, 2);
    expect(compareMatrices(fake(2, 2, new Float64Array(0)), expected).message).toBe("not a well-formed Matrix (got): data must hold rows×cols = 4 entries, got 0");
    expect(compareMatrices(fake(2, 2, new Float64Array(5)), expected).ok).toBe(false);
    expect(compareMatrices(fake(2, 2, [0, 0, 0, 0]), expected).message).toBe("not a well-formed Matrix (got): data must be a Float64Array, got Array");
    expect(compareMatrices(fake(2.5, 2, new Float64Array(5)), expected).message).toMatch(/^not a well-formed Matrix \(got\): rows and cols must be integers ≥ 0, got 2\.5 and 2$/);
  });
});

describe("compareNumbers and assertClose", () => {
  it("compareNumbers applies the same rule", () => {
    expect(compareNumbers(1, 1 + 1e-13).ok).toBe(true);
    expect(compareNumbers(NaN, 1).ok).toBe(false);
  });

  it("assertClose throws with the label and what differs", () => {
    expect(() => assertClose("loss", 1, 2)).toThrow(/^loss: got 1, expected 2/);
    expect(() => assertClose("O", Matrix.zeros(1, 1), 0)).toThrow(/^O: expected a number, got a Matrix$/);
    expect(() => assertClose("O", Matrix.zeros(1, 1), Matrix.zeros(1, 1))).not.toThrow();
  });
});

describe("numericalGradient", () => {
  it("f(x) = Σ x² has gradient 2x (central differences are exact for quadratics up to rounding)", () => {
    const x = Matrix.fromArray([[1, -2], [0.5, 3]]);
    const grad = numericalGradient(() => x.mul(x).sum(), x);
    const r = compareMatrices(grad, x.scale(2), { atol: 1e-8, rtol: 1e-8 });
    expect(r.ok, r.message).toBe(true);
  });

  it("restores x after probing", () => {
    const x = Matrix.row([1, 2, 3]);
    numericalGradient(() => x.exp().sum(), x);
    expect(x.toArray()).toEqual([[1, 2, 3]]);
  });
});
