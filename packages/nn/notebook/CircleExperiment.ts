// %% [markdown]
// # CircleExperiment — stackable modules and seed 001's circle experiment
//
// The homework's `MLP0`, `MLP1` and `MLP4` fix the shape of the network. `@mytorch/nn` lets you stack
// any layers (seed 001, "EE 559 Mini Project 2"): every piece is a **module** with
//
// - `forward(X)`: input (N × in) → output (N × out),
// - `backward(dLdOut)`: $\partial L/\partial \text{out}$ → $\partial L/\partial \text{in}$, filling its parameters' gradients,
// - `parameters()`: each trainable matrix with its gradient, for the optimizer,
// - `train()` / `eval()`: the mode (only `Dropout` cares).
//
// `Sequential(...modules)` runs forward in order and backward in reverse. Activation modules take
// $\partial L/\partial A$ and return $\partial L/\partial H = \partial L/\partial A \odot \partial A/\partial H$.
//
// **The experiment.** Points uniform in $[0, 1]^2$, label $+1$ inside the circle of radius $1/\sqrt{2\pi}$
// centred at $(0.5, 0.5)$ (half the area) and $-1$ outside; 1,000 training and 1,000 test points. The
// network is $2 \to 25 \to 25 \to 25 \to 1$ with ReLU, ReLU, Tanh, Tanh after the four linear layers,
// Kaiming-normal weights, MSE loss against the $\pm 1$ labels; a point counts as correct when the sign of
// the output is its label. Each row trains for 100 epochs, about the seed's 100 gradient evaluations per
// point.
//
// Run `pnpm build` first (the notebook imports the built package), then *Restart Kernel and Run All*.
// The four trainings take about half a minute.

// %%
import * as tslab from "tslab";
import { Matrix, createRng } from "@mytorch/matrix";
// The notebooks package does not list @mytorch/nn, so the built package is imported by path.
import {
  CIRCLE_TABLE, Linear, MSELoss, ReLU, Sequential, Tanh, circleDatasets, decisionBoundarySvg, formatCircleTable,
  optim, runCircleExperiment,
} from "../packages/nn/dist/index.js";

// %% [markdown]
// ## 1. A Sequential, one training step by hand
//
// The loss is not a module: `MSELoss.forward(O, Y)` gives the number and `backward()` gives
// $\partial L/\partial O$, which goes into the model's `backward`. The optimizer holds the model's
// `parameters()` and moves each against its gradient.

// %%
const rng = createRng(0);
const model = new Sequential(
  new Linear(2, 25, { init: "kaimingNormal", rng }), new ReLU(),
  new Linear(25, 25, { init: "kaimingNormal", rng }), new ReLU(),
  new Linear(25, 25, { init: "kaimingNormal", rng }), new Tanh(),
  new Linear(25, 1, { init: "kaimingNormal", rng }), new Tanh(),
);
console.log("parameters:", model.parameters().map((p) => `${p.name} ${p.value.rows}×${p.value.cols}`).join(", "));

const { train, test } = circleDatasets(1);
const loss = new MSELoss();
const optimizer = new optim.SGD(model.parameters(), { lr: 0.02 });
const before = loss.forward(model.forward(train.X), train.Y);
optimizer.zeroGrad();
loss.forward(model.forward(train.X), train.Y);
model.backward(loss.backward());
optimizer.step();
const after = loss.forward(model.forward(train.X), train.Y);
console.log(`full-batch MSE before one step: ${before.toFixed(6)}, after: ${after.toFixed(6)}`);
if (!(after < before)) throw new Error("one SGD step on the whole training set should lower the loss");

// %% [markdown]
// ## 2. Seed 001's table
//
// | Optimizer | Train acc (seed) | Test acc (seed) |
// |---|---|---|
// | SGD batch size = 1 | 98.7 | 97.5 |
// | SGD batch size = 2 | 97.6 | 96.5 |
// | SGD with momentum batch size = 1 | 98.7 | 97.2 |
// | Adam | 94.7 | 94.7 |
//
// The same four rows here (settings in the last column; `runCircleExperiment` in `packages/nn/src/circle.ts`):

// %%
const rows = runCircleExperiment({ seed: 1 });
console.log(formatCircleTable(rows));
const html = rows
  .map((r) => `<tr><td>${r.label}</td><td>${(100 * r.trainAccuracy).toFixed(1)}</td><td>${(100 * r.testAccuracy).toFixed(1)}</td></tr>`)
  .join("");
tslab.display.html(`<table><tr><th>Optimizer</th><th>Train acc %</th><th>Test acc %</th></tr>${html}</table>`);
rows
  .filter((r) => r.optimizer === "sgd")
  .forEach((r) => {
    if (r.testAccuracy < 0.95) throw new Error(`${r.label}: test accuracy ${(100 * r.testAccuracy).toFixed(1)}% is below 95%`);
  });
console.log(`every SGD row reaches ≥ 95% test accuracy (${CIRCLE_TABLE.length} rows run)`);

// %% [markdown]
// ## 3. What the network learned
//
// The background is the sign of the output on a 60 × 60 grid (blue: predicted inside, orange: outside);
// the dots are the 1,000 test points coloured by their true label (blue inside, red outside), a black ring
// marks a point the network gets wrong, and the dashed circle is the true boundary.

// %%
for (const r of rows) {
  const predict = (X: Matrix): Matrix => r.model.eval().forward(X);
  tslab.display.svg(
    decisionBoundarySvg(predict, test, {
      size: 320,
      title: `${r.label}: test ${(100 * r.testAccuracy).toFixed(1)}%`,
    }),
  );
}
