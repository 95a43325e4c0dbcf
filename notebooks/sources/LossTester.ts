// %% [markdown]
// # LossTester — Problem 2: `MSELoss` and `CrossEntropyLoss` (2 points each part)
//
// For outputs $O \in \mathbb{R}^{N \times q}$ and targets $Y \in \mathbb{R}^{N \times q}$:
//
// - mean squared error, normalised by $Nq$:
//   $L = \frac{1}{Nq}\sum_{ij} (O_{ij} - Y_{ij})^2$, so $\partial L/\partial O = \frac{2}{Nq}(O - Y)$;
// - cross entropy with a softmax over each row, normalised by $N$:
//   $L = -\frac{1}{N}\sum_{ij} Y_{ij} \log \mathrm{softmax}(O)_{ij}$, so
//   $\partial L/\partial O = \frac{1}{N}(\mathrm{softmax}(O) - Y)$.
//
// This notebook checks `@mytorch/loss` (your `packages/loss/src/mse-loss.ts` and
// `cross-entropy-loss.ts`). Expected values: PyTorch float64 (`F.mse_loss`, `F.cross_entropy` with
// probability targets, autograd for the gradients; `packages/loss/fixtures/loss.json`), central finite
// differences of your own `forward`, and small cases worked by hand. The cross-entropy cases include
// logits of ±1000, which a naive softmax turns into NaN, and soft targets.
//
// Run `pnpm build` after changing the package, then *Restart Kernel and Run All*.

// %%
import * as tslab from "tslab";
import { CrossEntropyLoss, MSELoss } from "@mytorch/loss";
import { Matrix, ShapeError, createRng, numericalGradient } from "@mytorch/matrix";
import { CheckReport, loadFixture, printSummary, type LossCase, type LossFixture } from "./src/index.js";

const fixture = loadFixture<LossFixture>("loss", "loss.json");
const TOL = { atol: 1e-12, rtol: 1e-12 }; //   against PyTorch float64
const FD_TOL = { atol: 1e-7, rtol: 1e-7 }; // against central differences (h = 1e-6)

/** "4×3", with what makes the case special: large outputs, soft (not one-hot) targets. */
function describeCase(c: LossCase, kind: "mse" | "crossEntropy"): string {
  const largest = Math.max(...c.O.flat().map(Math.abs));
  const big = largest >= 100 ? `, |O| up to ${largest.toFixed(0)}` : "";
  const soft = kind === "crossEntropy" && c.Y.flat().some((y) => y !== 0 && y !== 1) ? ", soft targets" : "";
  return `${c.O.length}×${c.O[0]!.length}${big}${soft}`;
}
console.log(`${fixture.mse.length} MSE and ${fixture.crossEntropy.length} cross-entropy cases computed by PyTorch ${fixture.torch} (float64)`);

// %% [markdown]
// ## 2(a) `MSELoss.forward`
//
// By hand: $O = [[1, 2], [3, 4]]$, $Y = 0$ gives $(1 + 4 + 9 + 16)/(2 \cdot 2) = 7.5$ (dividing by $N$
// alone would give 15).

// %%
const mseForward = new CheckReport("Problem 2(a) MSELoss.forward");
mseForward.number("by hand: O = [[1, 2], [3, 4]], Y = 0", () => new MSELoss().forward(Matrix.fromArray([[1, 2], [3, 4]]), Matrix.zeros(2, 2)), 7.5, TOL);
for (const c of fixture.mse) {
  mseForward.number(`loss for ${describeCase(c, "mse")} (PyTorch)`, () => new MSELoss().forward(Matrix.fromArray(c.O), Matrix.fromArray(c.Y)), c.loss, TOL);
}
mseForward.throws(
  "Y of another shape than O",
  () => new MSELoss().forward(Matrix.zeros(2, 3), Matrix.zeros(3, 3)),
  /^MSELoss\.forward: Y must have the shape of O \(2×3\), got 3×3$/,
  ShapeError,
);
mseForward.finish(tslab.display);

// %% [markdown]
// ## 2(b) `MSELoss.backward`

// %%
const mseBackward = new CheckReport("Problem 2(b) MSELoss.backward");
for (const c of fixture.mse) {
  mseBackward.matrix(
    `dL/dO for ${describeCase(c, "mse")} (PyTorch)`,
    () => {
      const loss = new MSELoss();
      loss.forward(Matrix.fromArray(c.O), Matrix.fromArray(c.Y));
      return loss.backward();
    },
    Matrix.fromArray(c.dLdO),
    TOL,
  );
}
{
  const rng = createRng(3);
  const O = Matrix.randn(5, 4, { rng });
  const Y = Matrix.randn(5, 4, { rng });
  mseBackward.matrix(
    "dL/dO vs finite differences of forward (5×4)",
    () => {
      const loss = new MSELoss();
      loss.forward(O, Y);
      return loss.backward();
    },
    () => numericalGradient(() => new MSELoss().forward(O, Y), O),
    FD_TOL,
  );
}
mseBackward.finish(tslab.display);

// %% [markdown]
// ## 2(c) `CrossEntropyLoss.forward`
//
// By hand: equal logits over $q$ classes give every class probability $1/q$, so $L = \log q$
// whatever the targets ($\log 4 \approx 1.386294$ here).

// %%
const ceForward = new CheckReport("Problem 2(c) CrossEntropyLoss.forward");
ceForward.number(
  "by hand: equal logits over 4 classes give log 4",
  () => new CrossEntropyLoss().forward(Matrix.zeros(2, 4), Matrix.fromArray([[1, 0, 0, 0], [0, 0, 1, 0]])),
  Math.log(4),
  TOL,
);
for (const c of fixture.crossEntropy) {
  ceForward.number(`loss for ${describeCase(c, "crossEntropy")} (PyTorch)`, () => new CrossEntropyLoss().forward(Matrix.fromArray(c.O), Matrix.fromArray(c.Y)), c.loss, TOL);
}
ceForward.throws(
  "Y of another shape than O",
  () => new CrossEntropyLoss().forward(Matrix.zeros(2, 3), Matrix.zeros(3, 3)),
  /^CrossEntropyLoss\.forward: Y must have the shape of O \(2×3\), got 3×3$/,
  ShapeError,
);
ceForward.finish(tslab.display);

// %% [markdown]
// ## 2(d) `CrossEntropyLoss.backward`

// %%
const ceBackward = new CheckReport("Problem 2(d) CrossEntropyLoss.backward");
for (const c of fixture.crossEntropy) {
  ceBackward.matrix(
    `dL/dO for ${describeCase(c, "crossEntropy")} (PyTorch)`,
    () => {
      const loss = new CrossEntropyLoss();
      loss.forward(Matrix.fromArray(c.O), Matrix.fromArray(c.Y));
      return loss.backward();
    },
    Matrix.fromArray(c.dLdO),
    TOL,
  );
}
{
  const rng = createRng(4);
  const O = Matrix.randn(6, 5, { rng });
  const Y = Matrix.zeros(6, 5);
  for (let i = 0; i < 6; i++) Y.set(i, rng.int(5), 1); // one-hot targets
  ceBackward.matrix(
    "dL/dO vs finite differences of forward (6×5)",
    () => {
      const loss = new CrossEntropyLoss();
      loss.forward(O, Y);
      return loss.backward();
    },
    () => numericalGradient(() => new CrossEntropyLoss().forward(O, Y), O),
    FD_TOL,
  );
}
ceBackward.finish(tslab.display);

// %% [markdown]
// ## Summary

// %%
printSummary("Problem 2 Loss", [
  "Problem 2(a) MSELoss.forward",
  "Problem 2(b) MSELoss.backward",
  "Problem 2(c) CrossEntropyLoss.forward",
  "Problem 2(d) CrossEntropyLoss.backward",
]);
