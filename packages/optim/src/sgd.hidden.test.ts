// Hidden tests: left out of the student handout, run by the grader.
import { describe, it } from "vitest";
import { Matrix, assertClose, createRng } from "@mytorch/matrix";
import { SGD, type LayerParameters } from "./sgd.js";

const TOL = { atol: 1e-12, rtol: 1e-12 };

describe("Problem 3 SGD.step", () => {
  it("(hidden) five momentum steps on two layers match the rule v ← μv + g, P ← P − lr·v written out per entry", () => {
    const rng = createRng(51);
    const lr = 0.03, mu = 0.7;
    const layers: LayerParameters[] = [[2, 3], [3, 1]].map(([d, h]) => ({
      W: Matrix.randn(d!, h!, { rng }), b: Matrix.randn(1, h!, { rng }),
      dLdW: Matrix.zeros(d!, h!), dLdb: Matrix.zeros(1, h!),
    }));
    // The expected trajectory, kept in plain arrays.
    const params = layers.flatMap((l) => [Array.from(l.W.data), Array.from(l.b.data)]);
    const velocity = params.map((p) => p.map(() => 0));
    const optimizer = new SGD({ layers }, lr, mu);
    for (let step = 0; step < 5; step++) {
      const grads = layers.flatMap((l) => {
        l.dLdW = Matrix.randn(l.W.rows, l.W.cols, { rng });
        l.dLdb = Matrix.randn(1, l.b.cols, { rng });
        return [Array.from(l.dLdW.data), Array.from(l.dLdb.data)];
      });
      params.forEach((p, q) => p.forEach((_, k) => {
        velocity[q]![k] = mu * velocity[q]![k]! + grads[q]![k]!;
        p[k] = p[k]! - lr * velocity[q]![k]!;
      }));
      optimizer.step();
    }
    layers.forEach((l, i) => {
      assertClose(`layer ${i} W`, l.W, new Matrix(l.W.rows, l.W.cols, Float64Array.from(params[2 * i]!)), TOL);
      assertClose(`layer ${i} b`, l.b, new Matrix(1, l.b.cols, Float64Array.from(params[2 * i + 1]!)), TOL);
    });
  });
});
