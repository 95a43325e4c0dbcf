import { describe, expect, it } from "vitest";
import { Matrix, assertClose, createRng, numericalGradient } from "@mytorch/matrix";
import fixture from "../fixtures/activation.json" with { type: "json" };
import type { Activation } from "./activation.js";
import { Identity } from "./identity.js";
import { ReLU } from "./relu.js";
import { Sigmoid } from "./sigmoid.js";
import { Tanh } from "./tanh.js";

// Reference values: PyTorch float64 autograd (fixtures-gen/generate.py); the
// special inputs include 0, ±1e-3, ±30 and ±1000.
const TOL = { atol: 1e-12, rtol: 1e-12 };
const FD_TOL = { atol: 1e-7, rtol: 1e-7 };

type Case = (typeof fixture.sigmoid)[number];

function shapeText(c: Case): string {
  return `${c.H.length}×${c.H[0]!.length}`;
}

/** The graded checks every activation gets: forward, backward, finite differences. */
function activationSuite(name: string, problem: string, make: () => Activation, cases: Case[], extra?: () => void): void {
  describe(`${problem} ${name}`, () => {
    extra?.();
    for (const c of cases) {
      it(`${name}.forward matches the reference for H ${shapeText(c)}`, () => {
        const A = make().forward(Matrix.fromArray(c.H));
        expect(A.shape).toEqual([c.H.length, c.H[0]!.length]);
        assertClose("A", A, Matrix.fromArray(c.A), TOL);
      });

      it(`${name}.backward (dA/dH) matches the reference for H ${shapeText(c)}`, () => {
        const f = make();
        f.forward(Matrix.fromArray(c.H));
        assertClose("dA/dH", f.backward(), Matrix.fromArray(c.dAdH), TOL);
      });
    }

    it(`${name}.backward agrees with finite differences (inputs away from 0)`, () => {
      const rng = createRng(12);
      const H = Matrix.randn(4, 6, { rng }).map((h) => (Math.abs(h) < 0.01 ? h + 0.1 : h));
      const f = make();
      f.forward(H);
      const dAdH = f.backward();
      // Element-wise, so d(Σ A)/dH is dA/dH entry by entry.
      const numeric = numericalGradient(() => make().forward(H).sum(), H);
      assertClose("dA/dH vs finite differences", dAdH, numeric, FD_TOL);
    });

    it(`${name}.backward uses the last forward's input`, () => {
      const f = make();
      f.forward(Matrix.row([5, -5]));
      f.forward(Matrix.row([0.5, -0.5]));
      const g = make();
      g.forward(Matrix.row([0.5, -0.5]));
      assertClose("dA/dH", f.backward(), g.backward(), TOL);
    });

    it(`${name}.backward before forward throws`, () => {
      expect(() => make().backward()).toThrow(new RegExp(`^${name}\\.backward: call forward first$`));
    });
  });
}

activationSuite("Sigmoid", "Problem 4(a)", () => new Sigmoid(), fixture.sigmoid, () => {
  it("σ(±1000) is exactly 1 and 0, with derivative 0, no NaN", () => {
    const f = new Sigmoid();
    expect(f.forward(Matrix.row([1000, -1000])).toArray()).toEqual([[1, 0]]);
    expect(f.backward().toArray()).toEqual([[0, 0]]);
  });
});
activationSuite("Tanh", "Problem 4(b)", () => new Tanh(), fixture.tanh, () => {
  it("tanh(±1000) is exactly ±1, with derivative 0", () => {
    const f = new Tanh();
    expect(f.forward(Matrix.row([1000, -1000])).toArray()).toEqual([[1, -1]]);
    expect(f.backward().toArray()).toEqual([[0, 0]]);
  });
});
activationSuite("ReLU", "Problem 4(c)", () => new ReLU(), fixture.relu, () => {
  it("ReLU'(0) = 0, as in PyTorch", () => {
    const f = new ReLU();
    f.forward(Matrix.row([0, -0, 1e-300]));
    expect(f.backward().toArray()).toEqual([[0, 0, 1]]);
  });
});
activationSuite("Identity", "Provided:", () => new Identity(), fixture.identity);
