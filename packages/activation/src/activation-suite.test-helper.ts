// The graded checks every activation gets; each activation's test file calls it.
import { describe, expect, it } from "vitest";
import { Matrix, assertClose, createRng, numericalGradient } from "@mytorch/matrix";
import fixture from "../fixtures/activation.json" with { type: "json" };
import type { Activation } from "./activation.js";

// Reference values: PyTorch float64 autograd (fixtures-gen/generate.py); the
// special inputs include 0, ±1e-3, ±30 and ±1000.
const TOL = { atol: 1e-12, rtol: 1e-12 };
const FD_TOL = { atol: 1e-7, rtol: 1e-7 };

export { fixture };
export type Case = (typeof fixture.sigmoid)[number];

function shapeText(c: Case): string {
  return `${c.H.length}×${c.H[0]!.length}`;
}

/** The graded checks every activation gets: forward, backward, finite differences. */
export function activationSuite(name: string, problem: string, make: () => Activation, cases: Case[], extra?: () => void): void {
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

