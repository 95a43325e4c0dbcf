// Hidden tests: left out of the student handout, run by the grader.
import { describe, it } from "vitest";
import { Matrix, assertClose, createRng, numericalGradient } from "@mytorch/matrix";
import { MSELoss } from "./mse-loss.js";

const TOL = { atol: 1e-12, rtol: 1e-12 };
const FD_TOL = { atol: 1e-7, rtol: 1e-7 };

describe("Problem 2(a) MSELoss.forward", () => {
  it("(hidden) equals Σ (O − Y)² / (N·q) summed by a loop, 7×3", () => {
    const rng = createRng(31);
    const O = Matrix.randn(7, 3, { rng }), Y = Matrix.randn(7, 3, { rng });
    let s = 0;
    for (let k = 0; k < O.data.length; k++) s += (O.data[k]! - Y.data[k]!) ** 2;
    assertClose("loss", new MSELoss().forward(O, Y), s / 21, TOL);
  });
});

describe("Problem 2(b) MSELoss.backward", () => {
  it("(hidden) finite differences on a 2×9 batch", () => {
    const rng = createRng(32);
    const O = Matrix.randn(2, 9, { rng }), Y = Matrix.randn(2, 9, { rng });
    const loss = new MSELoss();
    loss.forward(O, Y);
    assertClose("dL/dO", loss.backward(), numericalGradient(() => new MSELoss().forward(O, Y), O), FD_TOL);
  });
});
