import { describe, expect, it } from "vitest";
import { Matrix, ShapeError, assertClose, createRng, numericalGradient } from "@mytorch/matrix";
import fixture from "../fixtures/loss.json" with { type: "json" };
import { MSELoss } from "./mse-loss.js";

// Reference values: PyTorch float64, F.mse_loss(reduction="mean") (fixtures-gen/generate.py).
const TOL = { atol: 1e-12, rtol: 1e-12 };
const FD_TOL = { atol: 1e-7, rtol: 1e-7 };

describe("Problem 2(a) MSELoss.forward", () => {
  it("by hand: O = [[1, 2], [3, 4]], Y = 0 gives (1 + 4 + 9 + 16) / (2·2) = 7.5", () => {
    expect(new MSELoss().forward(Matrix.fromArray([[1, 2], [3, 4]]), Matrix.zeros(2, 2))).toBe(7.5);
  });

  for (const c of fixture.mse) {
    it(`matches the reference for ${c.O.length}×${c.O[0]!.length} (÷ N·q)`, () => {
      assertClose("loss", new MSELoss().forward(Matrix.fromArray(c.O), Matrix.fromArray(c.Y)), c.loss, TOL);
    });
  }

  it("throws ShapeError when Y and O differ in shape", () => {
    const call = () => new MSELoss().forward(Matrix.zeros(4, 3), Matrix.zeros(4, 2));
    expect(call).toThrow(ShapeError);
    expect(call).toThrow(/^MSELoss\.forward: Y must have the shape of O \(4×3\), got 4×2$/);
  });

  it("throws on an empty batch and on non-finite inputs instead of returning NaN", () => {
    expect(() => new MSELoss().forward(Matrix.zeros(0, 3), Matrix.zeros(0, 3))).toThrow(
      /^MSELoss\.forward: needs at least one row and one column, got 0×3$/,
    );
    expect(() => new MSELoss().forward(Matrix.row([1, NaN]), Matrix.row([0, 0]))).toThrow(
      /^MSELoss\.forward: O must be finite, got NaN at \(0, 1\)$/,
    );
  });
});

describe("Problem 2(b) MSELoss.backward", () => {
  for (const c of fixture.mse) {
    it(`dL/dO matches the reference for ${c.O.length}×${c.O[0]!.length}`, () => {
      const loss = new MSELoss();
      loss.forward(Matrix.fromArray(c.O), Matrix.fromArray(c.Y));
      const dLdO = loss.backward();
      expect(dLdO.shape).toEqual([c.O.length, c.O[0]!.length]);
      assertClose("dL/dO", dLdO, Matrix.fromArray(c.dLdO), TOL);
    });
  }

  it("agrees with finite differences of forward", () => {
    const rng = createRng(3);
    const O = Matrix.randn(5, 3, { rng }), Y = Matrix.randn(5, 3, { rng });
    const loss = new MSELoss();
    loss.forward(O, Y);
    const dLdO = loss.backward();
    assertClose("dL/dO vs finite differences", dLdO, numericalGradient(() => new MSELoss().forward(O, Y), O), FD_TOL);
  });

  it("throws when called before forward", () => {
    expect(() => new MSELoss().backward()).toThrow(/^MSELoss\.backward: call forward first$/);
  });
});
