// %% [markdown]
// # SGDTester — Problem 3: `SGD.step` with momentum (2 points)
//
// Stochastic gradient descent moves every layer's parameters against their gradients. With momentum
// $\mu$ (as in PyTorch, dampening 0) each parameter $P \in \{W, b\}$ keeps a velocity $v$, zero at first:
//
// $$v \leftarrow \mu v + \frac{\partial L}{\partial P}, \qquad P \leftarrow P - \eta\, v .$$
//
// With $\mu = 0$ this is plain SGD, $P \leftarrow P - \eta\, \partial L/\partial P$.
//
// This notebook checks `SGD` from `@mytorch/optim` (your `packages/optim/src/sgd.ts`) on plain
// parameter holders `{ W, b, dLdW, dLdb }`, so it does not depend on your `Linear`. Expected values:
// the trajectories of `torch.optim.SGD` in float64 over four steps with fixed gradients
// (`packages/optim/fixtures/sgd.json`), and a step worked by hand.
//
// Run `pnpm build` after changing the package, then *Restart Kernel and Run All*.

// %%
import * as tslab from "tslab";
import { Matrix } from "@mytorch/matrix";
import { SGD, type LayerParameters } from "@mytorch/optim";
import { CheckReport, loadFixture, once, printSummary, type SGDFixture } from "./src/index.js";

const fixture = loadFixture<SGDFixture>("optim", "sgd.json");
const TOL = { atol: 1e-12, rtol: 1e-12 }; // against torch.optim.SGD in float64

/** A plain parameter holder (what SGD needs of a layer), with zero gradients. */
function holder(W: Matrix, b: Matrix): LayerParameters {
  return { W, b, dLdW: Matrix.zeros(W.rows, W.cols), dLdb: Matrix.zeros(b.rows, b.cols) };
}
console.log(`${fixture.cases.length} trajectories computed by torch.optim.SGD (PyTorch ${fixture.torch}, float64)`);

// %% [markdown]
// ## 3 `SGD.step`
//
// By hand: $W = 1$, $\partial L/\partial W = 2$, $\eta = 0.1$ gives $W = 1 - 0.1 \cdot 2 = 0.8$; $b = 0$,
// $\partial L/\partial b = -1$ gives $b = 0.1$. Then each PyTorch trajectory: the parameters after every
// one of four steps, for plain SGD, momentum 0.9 and 0.5, and two layers at once. A wrong momentum
// update passes step 1 (the velocity starts at zero) and fails from step 2 on.

// %%
const sgd = new CheckReport("Problem 3 SGD.step");
const byHand = once(() => {
  const layer = holder(Matrix.row([1]), Matrix.row([0]));
  layer.dLdW = Matrix.row([2]);
  layer.dLdb = Matrix.row([-1]);
  new SGD({ layers: [layer] }, 0.1).step();
  return layer;
});
sgd.matrix("by hand: W = 1, dLdW = 2, lr 0.1 → W", () => byHand().W, Matrix.row([0.8]), TOL);
sgd.matrix("by hand: b = 0, dLdb = −1, lr 0.1 → b", () => byHand().b, Matrix.row([0.1]), TOL);

fixture.cases.forEach((c, caseIndex) => {
  // Run the whole trajectory once; keep a copy of every layer's W and b after each step.
  const trajectory = once(() => {
    const layers = c.initial.map((p) => holder(Matrix.fromArray(p.W), Matrix.fromArray(p.b)));
    const optimizer = new SGD({ layers }, c.lr, c.momentum);
    return c.steps.map((s) => {
      layers.forEach((layer, l) => {
        layer.dLdW = Matrix.fromArray(s.grads[l]!.dLdW);
        layer.dLdb = Matrix.fromArray(s.grads[l]!.dLdb);
      });
      optimizer.step();
      return layers.map((layer) => ({ W: layer.W.clone(), b: layer.b.clone() }));
    });
  });
  const name = `case ${caseIndex + 1} (lr ${c.lr}, momentum ${c.momentum})`;
  c.steps.forEach((s, step) => {
    s.after.forEach((expected, l) => {
      const layerName = c.initial.length > 1 ? ` layer ${l}` : "";
      sgd.matrix(`${name} step ${step + 1}:${layerName} W`, () => trajectory()[step]![l]!.W, Matrix.fromArray(expected.W), TOL);
      sgd.matrix(`${name} step ${step + 1}:${layerName} b`, () => trajectory()[step]![l]!.b, Matrix.fromArray(expected.b), TOL);
    });
  });
});
sgd.finish(tslab.display);

// %% [markdown]
// ## Summary

// %%
printSummary("Problem 3 SGD", ["Problem 3 SGD.step"]);
