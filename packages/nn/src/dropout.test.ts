import { describe, expect, it } from "vitest";
import { Matrix, assertClose, createRng, numericalGradient } from "@mytorch/matrix";
import fixture from "../fixtures/dropout.json" with { type: "json" };
import { Dropout } from "./dropout.js";

// Reference: torch.nn.functional.dropout in float64 on a 400×500 input (fixtures-gen/nn.py): the
// factor applied to kept entries and torch's own drop rate. Our masks come from our Rng, so they
// cannot match torch's entry by entry; the rate is checked statistically. With n = 2·10⁵ entries
// the drop count's standard deviation is √(n·p(1 − p)); we allow 5 of them (about 1 in 10⁶ to fail
// by chance, and the seed is fixed).
const { rows, cols } = fixture;
const n = rows * cols;

describe("Dropout against torch.nn.functional.dropout", () => {
  fixture.cases.forEach((c) => {
    it(`p = ${c.p}: kept entries scaled by torch's 1/(1 − p) (1e-14), drop rate within 5σ of p`, () => {
      const X = Matrix.randn(rows, cols, { rng: createRng(1) });
      const Y = new Dropout(c.p, { rng: createRng(Math.round(100 * c.p)) }).forward(X);
      let dropped = 0;
      let worstScaleError = 0; // max over kept entries of |Y/X − 1/(1 − p)|
      for (let k = 0; k < n; k++) {
        if (Y.data[k] === 0) dropped++;
        else worstScaleError = Math.max(worstScaleError, Math.abs(Y.data[k]! / X.data[k]! - c.keptScale));
      }
      expect(worstScaleError).toBeLessThan(1e-14);
      const sigma = Math.sqrt(n * c.p * (1 - c.p));
      expect(Math.abs(dropped - n * c.p)).toBeLessThan(5 * sigma);
      expect(Math.abs(c.dropRate * n - n * c.p)).toBeLessThan(5 * sigma); // torch obeys the same bound
      expect(c.keptScaleSpread).toBeLessThan(1e-14); // torch's kept entries: one factor, up to Y/X rounding
    });

    it(`p = ${c.p}: eval mode is the identity (forward and backward), as torch's training=False`, () => {
      expect(c.evalIsIdentity).toBe(true);
      const X = Matrix.randn(3, 4, { rng: createRng(2) });
      const dropout = new Dropout(c.p, { rng: createRng(3) }).eval();
      expect(dropout.forward(X).equals(X)).toBe(true);
      expect(dropout.backward(X).equals(X)).toBe(true);
    });
  });

  it("the mean of the output matches the mean of the input (inverted dropout keeps E[Y] = X)", () => {
    // X = 1 everywhere: mean(Y) = kept fraction / (1 − p), standard error √(p/((1 − p) n)) ≈ 2.2e-3 at p = 0.5.
    const Y = new Dropout(0.5, { rng: createRng(4) }).forward(Matrix.full(rows, cols, 1));
    expect(Math.abs(Y.mean() - 1)).toBeLessThan(5 * Math.sqrt(0.5 / (0.5 * n)));
  });

  it("backward multiplies by the same mask (finite differences with the same seeded mask)", () => {
    const X = Matrix.randn(5, 6, { rng: createRng(5) });
    const G = Matrix.randn(5, 6, { rng: createRng(6) });
    const dropout = new Dropout(0.3, { rng: createRng(7) });
    dropout.forward(X);
    const dLdX = dropout.backward(G);
    const L = (): number => new Dropout(0.3, { rng: createRng(7) }).forward(X).mul(G).sum();
    assertClose("dL/dX", dLdX, numericalGradient(L, X), { atol: 1e-8, rtol: 1e-8 });
    expect(dLdX.equals(G.mul(dropout.lastMask()!))).toBe(true);
  });

  it("the same seed gives the same mask", () => {
    const X = Matrix.full(4, 4, 1);
    expect(new Dropout(0.5, { rng: createRng(8) }).forward(X).equals(new Dropout(0.5, { rng: createRng(8) }).forward(X))).toBe(true);
  });

  it("p outside [0, 1) throws with the value", () => {
    expect(() => new Dropout(1)).toThrow(/^Dropout: invalid dropout probability: 1 \(must be in \[0, 1\)\)$/);
    expect(() => new Dropout(-0.1)).toThrow(/^Dropout: invalid dropout probability: -0\.1 /);
    expect(() => new Dropout(Number.NaN)).toThrow(/probability: NaN/);
  });
});
