// Hidden tests: left out of the student handout, run by the grader.
import { describe, it } from "vitest";
import { Matrix, assertClose, createRng } from "@mytorch/matrix";
import type { Activation } from "./activation.js";
import { ReLU } from "./relu.js";
import { Sigmoid } from "./sigmoid.js";
import { Tanh } from "./tanh.js";

const TOL = { atol: 1e-12, rtol: 1e-12 };
const H = Matrix.randn(9, 4, { rng: createRng(61), std: 4 });

function check(problem: string, name: string, make: () => Activation, f: (h: number) => number, df: (h: number) => number): void {
  describe(`${problem} ${name}`, () => {
    it(`(hidden) ${name} forward and backward match φ and φ' entry by entry on a 9×4 batch`, () => {
      const act = make();
      assertClose("A", act.forward(H), H.map(f), TOL);
      assertClose("dA/dH", act.backward(), H.map(df), TOL);
    });
  });
}

const sigma = (h: number) => (h >= 0 ? 1 / (1 + Math.exp(-h)) : Math.exp(h) / (1 + Math.exp(h)));
check("Problem 4(a)", "Sigmoid", () => new Sigmoid(), sigma, (h) => sigma(h) * (1 - sigma(h)));
check("Problem 4(b)", "Tanh", () => new Tanh(), Math.tanh, (h) => 1 / Math.cosh(h) ** 2);
check("Problem 4(c)", "ReLU", () => new ReLU(), (h) => Math.max(0, h), (h) => (h > 0 ? 1 : 0));
