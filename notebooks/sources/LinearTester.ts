// %% [markdown]
// # LinearTester — Problem 1: `Linear` (1 + 2 + 4 points)
//
// A fully connected layer computes
//
// $$O = AW + 1_N b^T,$$
//
// with $A \in \mathbb{R}^{N \times d}$ the batch (N rows), $W \in \mathbb{R}^{d \times h}$, $b \in \mathbb{R}^{h}$
// (a $1 \times h$ row here). Given $\partial L/\partial O$, its backward pass returns
// $\partial L/\partial A = \partial L/\partial O \, W^T$ and stores
// $\partial L/\partial W = A^T \, \partial L/\partial O$ and $\partial L/\partial b = 1_N^T \, \partial L/\partial O$.
//
// This notebook checks `Linear` from `@mytorch/linear` (your `packages/linear/src/linear.ts`).
// Every check shows what was expected, what came out, the largest difference, the tolerance and
// PASS or FAIL; a failed check stops with an error that names it. Expected values come from
// an independent source: PyTorch in float64 (autograd, in `packages/linear/fixtures/linear.json`,
// written by `fixtures-gen/generate.py`), central finite differences, or a case worked by hand.
//
// Run `pnpm build` after changing the package, then *Restart Kernel and Run All*.

// %%
import * as tslab from "tslab";
import { Linear } from "@mytorch/linear";
import { Matrix, ShapeError, createRng, numericalGradient } from "@mytorch/matrix";
import { CheckReport, loadFixture, printSummary, type LinearFixture } from "./src/index.js";

const fixture = loadFixture<LinearFixture>("linear", "linear.json");
const TOL = { atol: 1e-12, rtol: 1e-12 }; //   against PyTorch float64
const FD_TOL = { atol: 1e-7, rtol: 1e-7 }; // against central differences (h = 1e-6)
const shape = (rows: number[][]): string => `${rows.length}×${rows[0]!.length}`;

/** A layer holding a reference case's W and b (assigned, as the API allows). */
function layerFrom(c: LinearFixture["cases"][number]): Linear {
  const layer = new Linear(c.W.length, c.W[0]!.length, { rng: createRng(0) });
  layer.W = Matrix.fromArray(c.W);
  layer.b = Matrix.fromArray(c.b);
  return layer;
}
console.log(`${fixture.cases.length} reference cases computed by PyTorch ${fixture.torch} (float64)`);

// %% [markdown]
// ## 1(a) Initialisation
//
// $W$ is drawn from a normal distribution with variance 0.01 (standard deviation 0.1) and $b$ is all
// zeros. On a 1000×1000 layer the sample mean of the $10^6$ weights has standard error $10^{-4}$ and
// the sample variance $1.4 \cdot 10^{-5}$, so the tolerances below (1e−3 and 2e−4) are loose enough
// for any correct seed and tight enough to catch a wrong scale (variance 1, or 0.1).

// %%
const init = new CheckReport("Problem 1(a) Linear initialisation");
const bigLayer = (): Linear => new Linear(1000, 1000, { rng: createRng(2) });
init.check("W is inFeatures×outFeatures, b is 1×outFeatures", "W 3×2, b 1×2", () => {
  const layer = new Linear(3, 2, { rng: createRng(1) });
  const got = `W ${layer.W.rows}×${layer.W.cols}, b ${layer.b.rows}×${layer.b.cols}`;
  return { got, ok: got === "W 3×2, b 1×2" };
});
init.matrix("b is all zeros", () => new Linear(3, 4, { rng: createRng(1) }).b, Matrix.zeros(1, 4), { atol: 0, rtol: 0 });
init.number("mean of W on a 1000×1000 layer", () => bigLayer().W.mean(), 0, { atol: 1e-3, rtol: 0 });
init.number(
  "variance of W on a 1000×1000 layer",
  () => {
    const W = bigLayer().W;
    const mean = W.mean();
    return W.map((w) => (w - mean) ** 2).mean();
  },
  0.01,
  { atol: 2e-4, rtol: 0 },
);
init.check("the same seed gives the same W, another seed a different W", "equal, then different", () => {
  const a = new Linear(4, 3, { rng: createRng(42) }).W;
  const same = new Linear(4, 3, { rng: createRng(42) }).W.equals(a);
  const different = !new Linear(4, 3, { rng: createRng(43) }).W.equals(a);
  return { got: `${same ? "equal" : "different"}, then ${different ? "different" : "equal"}`, ok: same && different };
});
init.finish(tslab.display);

// %% [markdown]
// ## 1(b) `forward`
//
// First a case worked by hand: $[1, 2] \cdot I_2 + [10, 20] = [11, 22]$. Then every PyTorch reference
// case (shapes from 1×1 to 16×10), the input left unchanged, and the shape error for a wrong input.

// %%
const forward = new CheckReport("Problem 1(b) Linear.forward");
forward.matrix(
  "by hand: [1, 2]·I + [10, 20]",
  () => {
    const layer = new Linear(2, 2, { rng: createRng(0) });
    layer.W = Matrix.identity(2);
    layer.b = Matrix.row([10, 20]);
    return layer.forward(Matrix.row([1, 2]));
  },
  Matrix.row([11, 22]),
  TOL,
);
for (const c of fixture.cases) {
  forward.matrix(`O for A ${shape(c.A)}, W ${shape(c.W)} (PyTorch)`, () => layerFrom(c).forward(Matrix.fromArray(c.A)), Matrix.fromArray(c.O), TOL);
}
forward.matrix(
  "forward leaves A unchanged",
  () => {
    const A = Matrix.row([1, 2, 3]);
    new Linear(3, 2, { rng: createRng(0) }).forward(A);
    return A;
  },
  Matrix.row([1, 2, 3]),
  { atol: 0, rtol: 0 },
);
forward.throws(
  "A with the wrong number of features",
  () => new Linear(3, 2, { rng: createRng(0) }).forward(Matrix.zeros(4, 2)),
  /^Linear\.forward: A must be N×3 \(inFeatures = 3\), got 4×2$/,
  ShapeError,
);
forward.finish(tslab.display);

// %% [markdown]
// ## 1(c) `backward`
//
// For each PyTorch case: the returned $\partial L/\partial A$ and the stored `dLdW` and `dLdb`. Then a
// finite-difference check on a seeded random layer: for $L = \sum O \odot G$ (so $\partial L/\partial O = G$),
// central differences of $L$ with respect to every entry of $A$, $W$ and $b$.

// %%
const backward = new CheckReport("Problem 1(c) Linear.backward");
for (const c of fixture.cases) {
  const run = (): Linear => {
    const layer = layerFrom(c);
    layer.forward(Matrix.fromArray(c.A));
    return layer;
  };
  const label = `A ${shape(c.A)}, W ${shape(c.W)}`;
  backward.matrix(`dL/dA for ${label} (PyTorch)`, () => run().backward(Matrix.fromArray(c.dLdO)), Matrix.fromArray(c.dLdA), TOL);
  backward.matrix(
    `dLdW for ${label} (PyTorch)`,
    () => {
      const layer = run();
      layer.backward(Matrix.fromArray(c.dLdO));
      return layer.dLdW;
    },
    Matrix.fromArray(c.dLdW),
    TOL,
  );
  backward.matrix(
    `dLdb for ${label} (PyTorch)`,
    () => {
      const layer = run();
      layer.backward(Matrix.fromArray(c.dLdO));
      return layer.dLdb;
    },
    Matrix.fromArray(c.dLdb),
    TOL,
  );
}

const fdRng = createRng(8);
const fdLayer = new Linear(4, 3, { rng: fdRng });
fdLayer.b = Matrix.randn(1, 3, { rng: fdRng });
const fdA = Matrix.randn(5, 4, { rng: fdRng });
const fdG = Matrix.randn(5, 3, { rng: fdRng }); // dL/dO for L = Σ O ⊙ G
const fdLoss = (): number => fdLayer.forward(fdA).mul(fdG).sum();
const fdBackward = (): Linear => {
  fdLayer.forward(fdA);
  fdLayer.backward(fdG);
  return fdLayer;
};
backward.matrix(
  "dL/dA vs finite differences (5×4)",
  () => {
    fdLayer.forward(fdA);
    return fdLayer.backward(fdG);
  },
  () => numericalGradient(fdLoss, fdA),
  FD_TOL,
);
backward.matrix("dLdW vs finite differences (4×3)", () => fdBackward().dLdW, () => numericalGradient(fdLoss, fdLayer.W), FD_TOL);
backward.matrix("dLdb vs finite differences (1×3)", () => fdBackward().dLdb, () => numericalGradient(fdLoss, fdLayer.b), FD_TOL);
backward.finish(tslab.display);

// %% [markdown]
// ## Summary

// %%
printSummary("Problem 1 Linear", [
  "Problem 1(a) Linear initialisation",
  "Problem 1(b) Linear.forward",
  "Problem 1(c) Linear.backward",
]);
