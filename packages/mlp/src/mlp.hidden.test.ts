// Hidden tests: left out of the student handout, run by the grader.
import { describe, it } from "vitest";
import type { Activation } from "@mytorch/activation";
import { Matrix, assertClose, createRng, numericalGradient } from "@mytorch/matrix";
import { MLP0 } from "./mlp0.js";
import { MLP1 } from "./mlp1.js";
import { MLP4 } from "./mlp4.js";

const FD_TOL = { atol: 1e-7, rtol: 1e-7 };

/** Softplus, a smooth activation the students never wrote, so only the MLP code is graded. */
function softplus(): Activation {
  let H: Matrix | null = null;
  return {
    forward: (input) => ((H = input), input.map((h) => Math.log1p(Math.exp(h)))),
    backward: () => H!.map((h) => 1 / (1 + Math.exp(-h))),
  };
}

function fdSuite(problem: string, name: string, make: () => MLP0 | MLP1 | MLP4): void {
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

const softplusAll = (n: number) => Array.from({ length: n }, softplus);
fdSuite("Problem 5(a)", "MLP0", () => new MLP0(5, 3, { rng: createRng(1), activations: softplusAll(1) }));
fdSuite("Problem 5(b)", "MLP1", () => new MLP1(2, 7, 3, { rng: createRng(2), activations: softplusAll(2) }));
fdSuite("Problem 5(c)", "MLP4", () => new MLP4(3, [4, 2, 5, 3], 2, { rng: createRng(3), activations: softplusAll(5) }));
