import { describe, expect, it } from "vitest";
import { Matrix, ShapeError, assertClose, createRng, manualSeed, numericalGradient } from "@mytorch/matrix";
import fixture from "../fixtures/linear.json" with { type: "json" };
import { Linear } from "./linear.js";

// Reference values: PyTorch float64 autograd (fixtures-gen/generate.py).
const TOL = { atol: 1e-12, rtol: 1e-12 };
// Central differences with h = 1e-6 on O(1) values are good to about 1e-9.
const FD_TOL = { atol: 1e-7, rtol: 1e-7 };

/** A layer with the fixture's weights, set by assignment as the contract allows. */
function layerFrom(c: (typeof fixture.cases)[number]): Linear {
  const W = Matrix.fromArray(c.W);
  const layer = new Linear(W.rows, W.cols, { rng: createRng(0) });
  layer.W = W;
  layer.b = Matrix.fromArray(c.b);
  return layer;
}

describe("Problem 1(a) Linear initialisation", () => {
  it("W is inFeatures×outFeatures, b is 1×outFeatures of zeros", () => {
    const layer = new Linear(3, 2, { rng: createRng(1) });
    expect(layer.W.shape).toEqual([3, 2]);
    expect(layer.b.shape).toEqual([1, 2]);
    expect(layer.b.toArray()).toEqual([[0, 0]]);
  });

  it("W ~ N(0, 0.01) on a 1000×1000 layer: |mean| < 1e-3, |variance − 0.01| < 2e-4", () => {
    // With 10⁶ samples the mean's standard error is 1e-4 and the variance's 1.4e-5.
    const W = new Linear(1000, 1000, { rng: createRng(2) }).W;
    const mean = W.mean();
    const variance = W.map((w) => (w - mean) ** 2).mean();
    expect(Math.abs(mean)).toBeLessThan(1e-3);
    expect(Math.abs(variance - 0.01)).toBeLessThan(2e-4);
  });

  it("the same seed gives the same weights, another seed different ones", () => {
    const a = new Linear(4, 3, { rng: createRng(42) }).W;
    expect(new Linear(4, 3, { rng: createRng(42) }).W.equals(a)).toBe(true);
    expect(new Linear(4, 3, { rng: createRng(43) }).W.equals(a)).toBe(false);
  });

  it("without an rng option the layer draws from the default Rng (manualSeed)", () => {
    manualSeed(5);
    const a = new Linear(2, 2).W;
    manualSeed(5);
    expect(new Linear(2, 2).W.equals(a)).toBe(true);
  });

  it("rejects sizes that are not positive integers", () => {
    expect(() => new Linear(0, 2)).toThrow(/^Linear: inFeatures and outFeatures must be integers ≥ 1, got 0 and 2$/);
  });
});

describe("Problem 1(b) Linear.forward", () => {
  it("(1×2)·W + b by hand: [1, 2]·[[1, 0], [0, 1]] + [10, 20] = [11, 22]", () => {
    const layer = new Linear(2, 2);
    layer.W = Matrix.identity(2);
    layer.b = Matrix.row([10, 20]);
    const O = layer.forward(Matrix.row([1, 2]));
    expect(O.shape).toEqual([1, 2]);
    expect(O.toArray()).toEqual([[11, 22]]);
  });

  for (const c of fixture.cases) {
    it(`matches the reference for A ${c.A.length}×${c.A[0]!.length} → O ${c.O.length}×${c.O[0]!.length}`, () => {
      const O = layerFrom(c).forward(Matrix.fromArray(c.A));
      assertClose("O", O, Matrix.fromArray(c.O), TOL);
    });
  }

  it("does not change its input", () => {
    const A = Matrix.row([1, 2, 3]);
    new Linear(3, 2, { rng: createRng(0) }).forward(A);
    expect(A.toArray()).toEqual([[1, 2, 3]]);
  });

  it("throws ShapeError when A has the wrong number of features", () => {
    const layer = new Linear(3, 2, { rng: createRng(0) });
    expect(() => layer.forward(Matrix.zeros(4, 2))).toThrow(ShapeError);
    expect(() => layer.forward(Matrix.zeros(4, 2))).toThrow(/^Linear\.forward: A must be N×3 \(inFeatures = 3\), got 4×2$/);
  });

  it("throws ShapeError when an assigned W or b does not fit the layer", () => {
    const layer = new Linear(3, 2, { rng: createRng(0) });
    layer.b = Matrix.zeros(2, 1);
    expect(() => layer.forward(Matrix.zeros(1, 3))).toThrow(/^Linear\.forward: b must be 1×2, got 2×1$/);
  });
});

describe("Problem 1(c) Linear.backward", () => {
  for (const c of fixture.cases) {
    it(`dL/dA, dLdW and dLdb match the reference for A ${c.A.length}×${c.A[0]!.length}`, () => {
      const layer = layerFrom(c);
      layer.forward(Matrix.fromArray(c.A));
      const dLdA = layer.backward(Matrix.fromArray(c.dLdO));
      assertClose("dL/dA", dLdA, Matrix.fromArray(c.dLdA), TOL);
      assertClose("dLdW", layer.dLdW, Matrix.fromArray(c.dLdW), TOL);
      assertClose("dLdb", layer.dLdb, Matrix.fromArray(c.dLdb), TOL);
    });
  }

  it("agrees with finite differences of L = Σ O ⊙ G for A, W and b", () => {
    const rng = createRng(8);
    const layer = new Linear(4, 3, { rng });
    layer.b = Matrix.randn(1, 3, { rng });
    const A = Matrix.randn(5, 4, { rng });
    const G = Matrix.randn(5, 3, { rng }); // dL/dO for L = Σ O ⊙ G
    const loss = () => layer.forward(A).mul(G).sum();
    layer.forward(A);
    const dLdA = layer.backward(G);
    assertClose("dL/dA vs finite differences", dLdA, numericalGradient(loss, A), FD_TOL);
    assertClose("dLdW vs finite differences", layer.dLdW, numericalGradient(loss, layer.W), FD_TOL);
    assertClose("dLdb vs finite differences", layer.dLdb, numericalGradient(loss, layer.b), FD_TOL);
  });

  it("an empty batch (0×d) gives zero gradients of the right shapes", () => {
    const layer = new Linear(3, 2, { rng: createRng(0) });
    layer.forward(Matrix.zeros(0, 3));
    expect(layer.backward(Matrix.zeros(0, 2)).shape).toEqual([0, 3]);
    expect(layer.dLdW.toArray()).toEqual([[0, 0], [0, 0], [0, 0]]);
    expect(layer.dLdb.toArray()).toEqual([[0, 0]]);
  });

  it("throws when called before forward, or with dLdO of the wrong shape", () => {
    const layer = new Linear(3, 2, { rng: createRng(0) });
    expect(() => layer.backward(Matrix.zeros(1, 2))).toThrow(/^Linear\.backward: call forward first$/);
    layer.forward(Matrix.zeros(4, 3));
    expect(() => layer.backward(Matrix.zeros(4, 3))).toThrow(
      /^Linear\.backward: dLdO must be 4×2 \(the shape of the last output\), got 4×3$/,
    );
  });
});
