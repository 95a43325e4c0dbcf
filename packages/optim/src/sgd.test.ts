import { describe, expect, it } from "vitest";
import { Matrix, ShapeError, assertClose, createRng } from "@mytorch/matrix";
import { Linear } from "@mytorch/linear";
import fixture from "../fixtures/sgd.json" with { type: "json" };
import { SGD, type LayerParameters } from "./sgd.js";

// Reference trajectories: torch.optim.SGD in float64 (fixtures-gen/generate.py).
const TOL = { atol: 1e-12, rtol: 1e-12 };

/** A plain layer holder, so that Problem 3's points do not depend on Problem 1's Linear. */
function layerOf(W: Matrix, b: Matrix): LayerParameters {
  return { W, b, dLdW: Matrix.zeros(W.rows, W.cols), dLdb: Matrix.zeros(b.rows, b.cols) };
}

describe("Problem 3 SGD.step", () => {
  it("by hand: W = 1, dLdW = 2, lr = 0.1 gives W = 0.8; b likewise", () => {
    const layer = layerOf(Matrix.row([1]), Matrix.row([0]));
    layer.dLdW = Matrix.row([2]);
    layer.dLdb = Matrix.row([-1]);
    new SGD({ layers: [layer] }, 0.1).step();
    assertClose("W", layer.W, Matrix.row([0.8]), TOL);
    assertClose("b", layer.b, Matrix.row([0.1]), TOL);
  });

  for (const c of fixture.cases) {
    const shapes = c.initial.map((p) => `${p.W.length}×${p.W[0]!.length}`).join(", ");
    it(`matches torch.optim.SGD over ${c.steps.length} steps: lr ${c.lr}, momentum ${c.momentum}, W ${shapes}`, () => {
      const layers = c.initial.map((p) => layerOf(Matrix.fromArray(p.W), Matrix.fromArray(p.b)));
      const optimizer = new SGD({ layers }, c.lr, c.momentum);
      c.steps.forEach((s, step) => {
        layers.forEach((layer, l) => {
          layer.dLdW = Matrix.fromArray(s.grads[l]!.dLdW);
          layer.dLdb = Matrix.fromArray(s.grads[l]!.dLdb);
        });
        optimizer.step();
        layers.forEach((layer, l) => {
          assertClose(`step ${step + 1}, layer ${l} W`, layer.W, Matrix.fromArray(s.after[l]!.W), TOL);
          assertClose(`step ${step + 1}, layer ${l} b`, layer.b, Matrix.fromArray(s.after[l]!.b), TOL);
        });
      });
    });
  }

  it("defaults to lr 0.1 and momentum 0", () => {
    const optimizer = new SGD({ layers: [] });
    expect(optimizer.lr).toBe(0.1);
    expect(optimizer.momentum).toBe(0);
  });
});

describe("SGD settings and gradients", () => {
  it("updates a Linear layer's W and b in place", () => {
    const layer = new Linear(2, 3, { rng: createRng(0) });
    const W = layer.W.clone();
    layer.dLdW = Matrix.full(2, 3, 1);
    layer.dLdb = Matrix.full(1, 3, 2);
    new SGD({ layers: [layer] }, 0.5).step();
    assertClose("W", layer.W, W.sub(0.5), TOL);
    assertClose("b", layer.b, Matrix.full(1, 3, -1), TOL);
  });

  it("rejects a negative learning rate and momentum outside [0, 1), with the value", () => {
    expect(() => new SGD({ layers: [] }, -0.1)).toThrow(/^SGD: invalid learning rate: -0.1 \(must be ≥ 0\)$/);
    expect(() => new SGD({ layers: [] }, 0.1, 1)).toThrow(/^SGD: invalid momentum: 1 \(must be in \[0, 1\)\)$/);
    expect(() => new SGD({ layers: [] }, NaN)).toThrow(RangeError);
  });

  it("throws ShapeError when a gradient does not have its parameter's shape", () => {
    const layer = new Linear(2, 3, { rng: createRng(0) });
    layer.dLdW = Matrix.zeros(3, 2);
    expect(() => new SGD({ layers: [layer] }).step()).toThrow(ShapeError);
    expect(() => new SGD({ layers: [layer] }).step()).toThrow(
      /^SGD\.step: layer 0 dLdW must have the shape of the parameter \(2×3\), got 3×2$/,
    );
  });

  it("throws on a non-finite gradient instead of writing NaN into the weights", () => {
    const layer = new Linear(1, 2, { rng: createRng(0) });
    layer.dLdb = Matrix.row([0, NaN]);
    expect(() => new SGD({ layers: [layer] }).step()).toThrow(/^SGD\.step: layer 0 dLdb must be finite, got NaN at \(0, 1\)$/);
  });
});
