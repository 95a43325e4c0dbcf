// Hidden-test helper: left out of the student handout, used by the grader.
import { describe, it } from "vitest";
import { Matrix, assertClose, createRng } from "@mytorch/matrix";
import type { Activation } from "./activation.js";

const TOL = { atol: 1e-12, rtol: 1e-12 };
const H = Matrix.randn(9, 4, { rng: createRng(61), std: 4 });

/** Checks forward and backward entry by entry against φ and φ' on a 9×4 batch. */
export function checkActivation(problem: string, name: string, make: () => Activation, f: (h: number) => number, df: (h: number) => number): void {
  describe(`${problem} ${name}`, () => {
    it(`(hidden) ${name} forward and backward match φ and φ' entry by entry on a 9×4 batch`, () => {
      const act = make();
      assertClose("A", act.forward(H), H.map(f), TOL);
      assertClose("dA/dH", act.backward(), H.map(df), TOL);
    });
  });
}
