// %% [markdown]
// # ActivationTester — Problem 4: `Sigmoid`, `Tanh`, `ReLU` (2 points each)
//
// An activation applies $\phi : \mathbb{R} \to \mathbb{R}$ to every entry of the hidden variables
// $H \in \mathbb{R}^{N \times h}$: $A = \phi(H)$. Its `backward()` returns the element-wise derivative
// $\partial A/\partial H = \phi'(H)$ at the last input, with the shape of $H$ (the MLP multiplies it with
// $\partial L/\partial A$).
//
// | | $\phi(h)$ | $\phi'(h)$ |
// |---|---|---|
// | Sigmoid | $\sigma(h) = 1/(1 + e^{-h})$ | $\sigma(h)(1 - \sigma(h))$ |
// | Tanh | $\tanh h$ | $1 - \tanh^2 h$ |
// | ReLU | $\max(0, h)$ | $1$ if $h > 0$, else $0$ (also at $h = 0$, as PyTorch) |
//
// This notebook checks `@mytorch/activation` (your `packages/activation/src/sigmoid.ts`, `tanh.ts`,
// `relu.ts`). Expected values: PyTorch float64 (`torch.sigmoid`, `torch.tanh`, `torch.relu` and autograd;
// `packages/activation/fixtures/activation.json`) on random inputs and on the special row
// $[0, 10^{-3}, -10^{-3}, 1000, -1000, 30, -30, 0.5]$ (a naive sigmoid overflows at $-1000$), and central
// finite differences of your own `forward` on seeded random inputs away from 0.
//
// Run `pnpm build` after changing the package, then *Restart Kernel and Run All*.

// %%
import * as tslab from "tslab";
import { ReLU, Sigmoid, Tanh, type Activation } from "@mytorch/activation";
import { Matrix, createRng, numericalGradient } from "@mytorch/matrix";
import { CheckReport, loadFixture, printSummary, type ActivationCase, type ActivationFixture } from "./src/index.js";

const fixture = loadFixture<ActivationFixture>("activation", "activation.json");
const TOL = { atol: 1e-12, rtol: 1e-12 }; //   against PyTorch float64
const FD_TOL = { atol: 1e-7, rtol: 1e-7 }; // against central differences (h = 1e-6)
const inputName = (c: ActivationCase): string =>
  c.H[0]!.includes(1000) ? "H = [0, ±1e−3, ±1000, ±30, 0.5]" : `H ${c.H.length}×${c.H[0]!.length}`;

/** Forward and backward against every PyTorch case, then backward against finite differences. */
function checkActivation(title: string, name: string, make: () => Activation, cases: ActivationCase[]): CheckReport {
  const report = new CheckReport(title);
  for (const c of cases) {
    report.matrix(`${name}.forward, ${inputName(c)} (PyTorch)`, () => make().forward(Matrix.fromArray(c.H)), Matrix.fromArray(c.A), TOL);
    report.matrix(
      `${name}.backward = dA/dH, ${inputName(c)} (PyTorch)`,
      () => {
        const f = make();
        f.forward(Matrix.fromArray(c.H));
        return f.backward();
      },
      Matrix.fromArray(c.dAdH),
      TOL,
    );
  }
  // Seeded inputs, moved away from 0 where ReLU has its kink. Element-wise, so d(Σ A)/dH = dA/dH.
  const H = Matrix.randn(4, 6, { rng: createRng(12) }).map((h) => (Math.abs(h) < 0.01 ? h + 0.1 : h));
  report.matrix(
    `${name}.backward vs finite differences (4×6)`,
    () => {
      const f = make();
      f.forward(H);
      return f.backward();
    },
    () => numericalGradient(() => make().forward(H).sum(), H),
    FD_TOL,
  );
  report.matrix(
    `${name}.backward uses the last forward's input`,
    () => {
      const f = make();
      f.forward(Matrix.row([5, -5]));
      f.forward(Matrix.row([0.5, -0.5]));
      return f.backward();
    },
    () => {
      const g = make();
      g.forward(Matrix.row([0.5, -0.5]));
      return g.backward();
    },
    TOL,
  );
  return report;
}
console.log(`PyTorch ${fixture.torch} (float64): ${fixture.sigmoid.length} inputs per activation`);

// %% [markdown]
// ## 4(a) Sigmoid
//
// Also by hand: $\sigma(\pm 1000)$ is exactly 1 and 0 in float64, with derivative 0, and no NaN.

// %%
const sigmoidReport = checkActivation("Problem 4(a) Sigmoid", "Sigmoid", () => new Sigmoid(), fixture.sigmoid);
sigmoidReport.matrix("by hand: σ([1000, −1000]) = [1, 0]", () => new Sigmoid().forward(Matrix.row([1000, -1000])), Matrix.row([1, 0]), { atol: 0, rtol: 0 });
sigmoidReport.finish(tslab.display);

// %% [markdown]
// ## 4(b) Tanh
//
// Also by hand: $\tanh(\pm 1000) = \pm 1$ exactly, with derivative 0.

// %%
const tanhReport = checkActivation("Problem 4(b) Tanh", "Tanh", () => new Tanh(), fixture.tanh);
tanhReport.matrix(
  "by hand: tanh'([1000, −1000]) = [0, 0]",
  () => {
    const f = new Tanh();
    f.forward(Matrix.row([1000, -1000]));
    return f.backward();
  },
  Matrix.row([0, 0]),
  { atol: 0, rtol: 0 },
);
tanhReport.finish(tslab.display);

// %% [markdown]
// ## 4(c) ReLU
//
// Also by hand: $\mathrm{ReLU}'$ at $[0, -0, 10^{-300}]$ is $[0, 0, 1]$ — the derivative at exactly 0 is 0,
// as in PyTorch.

// %%
const reluReport = checkActivation("Problem 4(c) ReLU", "ReLU", () => new ReLU(), fixture.relu);
reluReport.matrix(
  "by hand: ReLU'([0, −0, 1e−300]) = [0, 0, 1]",
  () => {
    const f = new ReLU();
    f.forward(Matrix.row([0, -0, 1e-300]));
    return f.backward();
  },
  Matrix.row([0, 0, 1]),
  { atol: 0, rtol: 0 },
);
reluReport.finish(tslab.display);

// %% [markdown]
// ## Summary

// %%
printSummary("Problem 4 Activations", ["Problem 4(a) Sigmoid", "Problem 4(b) Tanh", "Problem 4(c) ReLU"]);
