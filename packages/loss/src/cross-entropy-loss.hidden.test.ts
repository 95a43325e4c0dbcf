// Hidden tests: left out of the student handout, run by the grader.
import { describe, it } from "vitest";
import { Matrix, assertClose, createRng, numericalGradient } from "@mytorch/matrix";
import { CrossEntropyLoss } from "./cross-entropy-loss.js";

const FD_TOL = { atol: 1e-7, rtol: 1e-7 };

/** −(1/N) Σᵢ Σⱼ Yᵢⱼ (Oᵢⱼ − logsumexpᵢ), with logsumexp shifted by the row max, by loops. */
function referenceLoss(O: Matrix, Y: Matrix): number {
  let total = 0;
  for (let i = 0; i < O.rows; i++) {
    let m = -Infinity;
    for (let j = 0; j < O.cols; j++) m = Math.max(m, O.get(i, j));
    let z = 0;
    for (let j = 0; j < O.cols; j++) z += Math.exp(O.get(i, j) - m);
    const lse = m + Math.log(z);
    for (let j = 0; j < O.cols; j++) total -= Y.get(i, j) * (O.get(i, j) - lse);
  }
  return total / O.rows;
}

function softTargets(rows: number, cols: number, seed: number): Matrix {
  const P = Matrix.rand(rows, cols, { rng: createRng(seed), low: 0.05, high: 1 });
  return P.div(P.sumCols());
}

describe("Problem 2(c) CrossEntropyLoss.forward", () => {
  it("(hidden) matches a loop-by-loop log-sum-exp on 5×7 logits of size ~500 with soft targets", () => {
    const O = Matrix.randn(5, 7, { rng: createRng(41), std: 500 });
    const Y = softTargets(5, 7, 42);
    assertClose("loss", new CrossEntropyLoss().forward(O, Y), referenceLoss(O, Y), { atol: 1e-9, rtol: 1e-12 });
  });
});

describe("Problem 2(d) CrossEntropyLoss.backward", () => {
  it("(hidden) finite differences with soft targets, 3×4", () => {
    const O = Matrix.randn(3, 4, { rng: createRng(43) });
    const Y = softTargets(3, 4, 44);
    const loss = new CrossEntropyLoss();
    loss.forward(O, Y);
    assertClose("dL/dO", loss.backward(), numericalGradient(() => new CrossEntropyLoss().forward(O, Y), O), FD_TOL);
  });
});
