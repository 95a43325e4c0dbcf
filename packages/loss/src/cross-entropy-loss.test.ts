import { describe, expect, it } from "vitest";
import { Matrix, ShapeError, assertClose, createRng, numericalGradient } from "@mytorch/matrix";
import fixture from "../fixtures/loss.json" with { type: "json" };
import { CrossEntropyLoss } from "./cross-entropy-loss.js";

// Reference values: PyTorch float64, F.cross_entropy with probability targets (fixtures-gen/generate.py).
const TOL = { atol: 1e-12, rtol: 1e-12 };
const FD_TOL = { atol: 1e-7, rtol: 1e-7 };

function describeCase(c: { O: number[][]; Y: number[][] }): string {
  const big = Math.max(...c.O.flat().map(Math.abs)) >= 1000 ? ", logits ±1000" : "";
  const soft = c.Y.flat().some((y) => y !== 0 && y !== 1) ? ", soft targets" : "";
  return `${c.O.length}×${c.O[0]!.length}${big}${soft}`;
}

describe("Problem 2(c) CrossEntropyLoss.forward", () => {
  it("by hand: equal logits over q classes give log q", () => {
    const L = new CrossEntropyLoss().forward(Matrix.zeros(2, 4), Matrix.fromArray([[1, 0, 0, 0], [0, 0, 1, 0]]));
    assertClose("loss", L, Math.log(4), TOL);
  });

  for (const c of fixture.crossEntropy) {
    it(`matches the reference for ${describeCase(c)} (÷ N)`, () => {
      const L = new CrossEntropyLoss().forward(Matrix.fromArray(c.O), Matrix.fromArray(c.Y));
      expect(Number.isFinite(L)).toBe(true);
      assertClose("loss", L, c.loss, TOL);
    });
  }

  it("throws ShapeError when Y and O differ in shape", () => {
    expect(() => new CrossEntropyLoss().forward(Matrix.zeros(2, 3), Matrix.zeros(3, 3))).toThrow(ShapeError);
    expect(() => new CrossEntropyLoss().forward(Matrix.zeros(2, 3), Matrix.zeros(3, 3))).toThrow(
      /^CrossEntropyLoss\.forward: Y must have the shape of O \(2×3\), got 3×3$/,
    );
  });

  it("throws on non-finite logits instead of returning NaN", () => {
    expect(() => new CrossEntropyLoss().forward(Matrix.row([Infinity, 0]), Matrix.row([1, 0]))).toThrow(
      /^CrossEntropyLoss\.forward: O must be finite, got Infinity at \(0, 0\)$/,
    );
  });
});

describe("Problem 2(d) CrossEntropyLoss.backward", () => {
  for (const c of fixture.crossEntropy) {
    it(`dL/dO = (softmax(O) − Y) / N matches the reference for ${describeCase(c)}`, () => {
      const loss = new CrossEntropyLoss();
      loss.forward(Matrix.fromArray(c.O), Matrix.fromArray(c.Y));
      assertClose("dL/dO", loss.backward(), Matrix.fromArray(c.dLdO), TOL);
    });
  }

  it("agrees with finite differences of forward", () => {
    const rng = createRng(4);
    const O = Matrix.randn(6, 5, { rng });
    const Y = Matrix.zeros(6, 5);
    for (let i = 0; i < 6; i++) Y.set(i, rng.int(5), 1);
    const loss = new CrossEntropyLoss();
    loss.forward(O, Y);
    const numeric = numericalGradient(() => new CrossEntropyLoss().forward(O, Y), O);
    assertClose("dL/dO vs finite differences", loss.backward(), numeric, FD_TOL);
  });

  it("throws when called before forward", () => {
    expect(() => new CrossEntropyLoss().backward()).toThrow(/^CrossEntropyLoss\.backward: call forward first$/);
  });
});
