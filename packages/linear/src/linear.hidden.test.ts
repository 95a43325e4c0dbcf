// Hidden tests: left out of the student handout, run by the grader.
import { describe, expect, it } from "vitest";
import { Matrix, assertClose, createRng, numericalGradient } from "@mytorch/matrix";
import { Linear } from "./linear.js";

const TOL = { atol: 1e-12, rtol: 1e-12 };
const FD_TOL = { atol: 1e-7, rtol: 1e-7 };

/** O[n][j] = Σₖ A[n][k]·W[k][j] + b[j], written out as loops (an independent reference). */
function referenceForward(A: Matrix, W: Matrix, b: Matrix): Matrix {
  const O = Matrix.zeros(A.rows, W.cols);
  for (let n = 0; n < A.rows; n++) {
    for (let j = 0; j < W.cols; j++) {
      let s = b.get(0, j);
      for (let k = 0; k < A.cols; k++) s += A.get(n, k) * W.get(k, j);
      O.set(n, j, s);
    }
  }
  return O;
}

describe("Problem 1(a) Linear initialisation", () => {
  it("(hidden) a 400×300 layer with another seed: std 0.1 ± 0.002, b all zeros", () => {
    const layer = new Linear(400, 300, { rng: createRng(77) });
    const W = layer.W;
    const std = Math.sqrt(W.map((w) => w * w).mean());
    expect(Math.abs(std - 0.1)).toBeLessThan(0.002);
    expect(layer.b.maxAbs()).toBe(0);
  });
});

describe("Problem 1(b) Linear.forward", () => {
  for (const [N, d, h] of [[3, 7, 5], [11, 2, 9], [1, 13, 1]] as const) {
    it(`(hidden) matches a loop-by-loop reference for ${N}×${d} → ${N}×${h}`, () => {
      const rng = createRng(N * 100 + d * 10 + h);
      const layer = new Linear(d, h, { rng });
      layer.b = Matrix.randn(1, h, { rng });
      const A = Matrix.randn(N, d, { rng });
      assertClose("O", layer.forward(A), referenceForward(A, layer.W, layer.b), TOL);
    });
  }
});

describe("Problem 1(c) Linear.backward", () => {
  for (const [N, d, h] of [[1, 1, 1], [6, 2, 5]] as const) {
    it(`(hidden) finite differences for ${N}×${d} → ${N}×${h}`, () => {
      const rng = createRng(N + d + h);
      const layer = new Linear(d, h, { rng });
      layer.b = Matrix.randn(1, h, { rng });
      const A = Matrix.randn(N, d, { rng });
      const G = Matrix.randn(N, h, { rng });
      const loss = () => layer.forward(A).mul(G).sum();
      layer.forward(A);
      const dLdA = layer.backward(G);
      assertClose("dL/dA", dLdA, numericalGradient(loss, A), FD_TOL);
      assertClose("dLdW", layer.dLdW, numericalGradient(loss, layer.W), FD_TOL);
      assertClose("dLdb", layer.dLdb, numericalGradient(loss, layer.b), FD_TOL);
    });
  }
});
