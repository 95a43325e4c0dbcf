// Hidden-test helper: left out of the student handout, used by the grader.
import { describe, it } from "vitest";
import type { Activation } from "@mytorch/activation";
import { Matrix, assertClose, createRng, numericalGradient } from "@mytorch/matrix";
import type { MLP0 } from "./mlp0.js";
import type { MLP1 } from "./mlp1.js";
import type { MLP4 } from "./mlp4.js";

const FD_TOL = { atol: 1e-7, rtol: 1e-7 };

/** Softplus, a smooth activation the students never wrote, so only the MLP code is graded. */
function softplus(): Activation {
  let H: Matrix | null = null;
  return {
    forward: (input) => ((H = input), input.map((h) => Math.log1p(Math.exp(h)))),
    backward: () => H!.map((h) => 1 / (1 + Math.exp(-h))),
  };
}

export function fdSuite(problem: string, name: string, make: () => MLP0 | MLP1 | MLP4): void {
  describe(`${problem} ${name}`, () => {
    it(`(hidden) ${name} with softplus activations agrees with finite differences`, () => {
      const rng = createRng(71);
      const model = make();
      for (const layer of model.layers) layer.b = Matrix.randn(1, layer.outFeatures, { rng });
      const X = Matrix.randn(4, model.layers[0]!.inFeatures, { rng });
      const G = Matrix.randn(4, model.layers.at(-1)!.outFeatures, { rng });
      const loss = () => model.forward(X).mul(G).sum();
      model.forward(X);
      const dLdX = model.backward(G);
      const grads = model.layers.map((l) => l.dLdW.clone());
      assertClose("dL/dX", dLdX, numericalGradient(loss, X), FD_TOL);
      model.layers.forEach((l, i) => assertClose(`layer ${i} dLdW`, grads[i]!, numericalGradient(loss, l.W), FD_TOL));
    });
  });
}

export const softplusAll = (n: number) => Array.from({ length: n }, softplus);
