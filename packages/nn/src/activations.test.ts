import { describe, expect, it } from "vitest";
import { Matrix, ShapeError, assertClose, createRng, numericalGradient } from "@mytorch/matrix";
import { Identity, ReLU, Sigmoid, Tanh, type ActivationModule } from "./activations.js";

const FD_TOL = { atol: 1e-7, rtol: 1e-7 };

describe("activation modules: backward takes dL/dA and returns dL/dH", () => {
  const cases: [string, () => ActivationModule][] = [
    ["ReLU", () => new ReLU()],
    ["Tanh", () => new Tanh()],
    ["Sigmoid", () => new Sigmoid()],
    ["Identity", () => new Identity()],
  ];
  cases.forEach(([name, make]) => {
    it(`${name}: dL/dH matches finite differences of L = Σ φ(H) ⊙ G`, () => {
      const rng = createRng(name.length);
      // Keep H away from ReLU's kink at 0 so the finite difference is valid.
      const H = Matrix.randn(4, 3, { rng }).map((h) => (Math.abs(h) < 0.05 ? h + 0.2 : h));
      const G = Matrix.randn(4, 3, { rng });
      const module = make();
      module.forward(H);
      const dLdH = module.backward(G);
      assertClose(`${name} dL/dH`, dLdH, numericalGradient(() => make().forward(H).mul(G).sum(), H), FD_TOL);
      expect(module.parameters()).toEqual([]);
    });
  });

  it("a dL/dA of the wrong shape throws ShapeError naming the call", () => {
    const relu = new ReLU();
    relu.forward(Matrix.zeros(2, 3));
    expect(() => relu.backward(Matrix.zeros(3, 2))).toThrow(ShapeError);
    expect(() => relu.backward(Matrix.zeros(3, 2))).toThrow(/^ReLU\.backward: dLdA must be 2×3 \(the shape of the last output\), got 3×2$/);
  });

  it("backward before forward throws", () => {
    expect(() => new Tanh().backward(Matrix.zeros(1, 1))).toThrow(/^Tanh\.backward: call forward first$/);
  });
});
