// %% [markdown]
// # MLPTester — Problem 5: `MLP0`, `MLP1`, `MLP4` (4 points each)
//
// A multilayer perceptron alternates linear layers and element-wise activations. For $l = 1, \dots, L$,
// with $A^{(0)} = X$:
//
// $$H^{(l)} = A^{(l-1)} W^{(l)} + 1_N (b^{(l)})^T, \qquad A^{(l)} = \phi_l\big(H^{(l)}\big).$$
//
// `backward` receives $\partial L/\partial A^{(L)}$ and walks back:
// $\partial L/\partial H^{(l)} = \partial L/\partial A^{(l)} \odot \partial A^{(l)}/\partial H^{(l)}$, then the
// layer's backward gives $\partial L/\partial A^{(l-1)}$ and stores $\partial L/\partial W^{(l)}$, $\partial L/\partial b^{(l)}$.
// MLP0 has one layer (L = 1), MLP1 two, MLP4 five; by default ReLU follows every hidden layer and
// Identity the last one (MLP0: Identity).
//
// This notebook checks `@mytorch/mlp` (your `packages/mlp/src/mlp0.ts`, `mlp1.ts`, `mlp4.ts`). The
// networks get the weights of each reference case and **reference activations written in this
// notebook's helpers** (`notebooks/src/reference-activations.ts`: identity, sin, softsign, ELU — on
// purpose none of the graded ones), so the checks grade the MLP code alone, not your Problem 4; they
// do use your `Linear`, as the homework's MLPs do. A reference case whose activations the helpers do
// not have is listed as skipped. Expected values:
// PyTorch float64 autograd through the same networks (`packages/mlp/fixtures/mlp.json`), including
// sigmoid and tanh layers, and central finite differences of your own `forward`.
//
// Run `pnpm build` after changing the package, then *Restart Kernel and Run All*.

// %%
import * as tslab from "tslab";
import { Matrix, createRng, numericalGradient } from "@mytorch/matrix";
import { MLP0, MLP1, MLP4, type MLPOptions } from "@mytorch/mlp";
import { CheckReport, hasReferenceActivations, loadFixture, once, printSummary, referenceActivations, type MLPCase, type MLPFixture } from "./src/index.js";

const fixture = loadFixture<MLPFixture>("mlp", "mlp.json");
const TOL = { atol: 1e-12, rtol: 1e-12 }; //   against PyTorch float64
const FD_TOL = { atol: 1e-7, rtol: 1e-7 }; // against central differences (h = 1e-6)

type Model = MLP0 | MLP1 | MLP4;
type Create = (widths: number[], options: MLPOptions) => Model;
const CREATE: Record<MLPCase["model"], Create> = {
  MLP0: (w, options) => new MLP0(w[0]!, w[1]!, options),
  MLP1: (w, options) => new MLP1(w[0]!, w[1]!, w[2]!, options),
  MLP4: (w, options) => new MLP4(w[0]!, w.slice(1, 5), w[5]!, options),
};

/** The reference case's network: its widths, its weights assigned, reference activations. */
function build(c: MLPCase): Model {
  const model = CREATE[c.model](c.widths, { rng: createRng(0), activations: referenceActivations(c.activations) });
  model.layers.forEach((layer, l) => {
    layer.W = Matrix.fromArray(c.W[l]!);
    layer.b = Matrix.fromArray(c.b[l]!);
  });
  return model;
}

/** Every check of one MLP class: structure, forward and backward against PyTorch, finite differences. */
function checkMLP(title: string, name: MLPCase["model"], defaultWidths: number[]): CheckReport {
  const report = new CheckReport(title);
  const create = CREATE[name];
  const layerCount = defaultWidths.length - 1;
  report.check(`${name} ${defaultWidths.join("→")} has ${layerCount} Linear layer(s) and ${layerCount} activation(s)`, `${layerCount} and ${layerCount}`, () => {
    const model = create(defaultWidths, { rng: createRng(1) });
    return { got: `${model.layers.length} and ${model.activations.length}`, ok: model.layers.length === layerCount && model.activations.length === layerCount };
  });

  for (const c of fixture.cases.filter((k) => k.model === name)) {
    if (!hasReferenceActivations(c.activations)) {
      console.log(`skipped: the reference case ${c.widths.join("→")}, ${c.activations.join("/")} (no reference activation for it in notebooks/src/)`);
      continue;
    }
    const label = `${c.widths.join("→")}, ${c.activations.join("/")}, N = ${c.X.length}`;
    report.matrix(`forward: output for ${label} (PyTorch)`, () => build(c).forward(Matrix.fromArray(c.X)), Matrix.fromArray(c.output), TOL);
    const run = once(() => {
      const model = build(c);
      model.forward(Matrix.fromArray(c.X));
      const dLdX = model.backward(Matrix.fromArray(c.dLdA));
      return { dLdX, layers: model.layers };
    });
    report.matrix(`backward: dL/dX for ${label} (PyTorch)`, () => run().dLdX, Matrix.fromArray(c.dLdX), TOL);
    c.W.forEach((_, l) => {
      report.matrix(`backward: layer ${l + 1} dLdW for ${label} (PyTorch)`, () => run().layers[l]!.dLdW, Matrix.fromArray(c.dLdW[l]!), TOL);
      report.matrix(`backward: layer ${l + 1} dLdb for ${label} (PyTorch)`, () => run().layers[l]!.dLdb, Matrix.fromArray(c.dLdb[l]!), TOL);
    });
  }

  // Finite differences of L = Σ output ⊙ G on a seeded network (softsign hidden layers, Identity
  // last): smooth everywhere, so the central differences need no care about kinks.
  const fd = once(() => {
    const rng = createRng(21);
    const activations = referenceActivations([...Array<string>(layerCount - 1).fill("softsign"), "identity"]);
    const model = create(defaultWidths, { rng: createRng(1), activations });
    for (const layer of model.layers) layer.b = Matrix.randn(1, layer.outFeatures, { rng, std: 0.5 });
    const X = Matrix.randn(3, defaultWidths[0]!, { rng });
    const G = Matrix.randn(3, defaultWidths.at(-1)!, { rng });
    model.forward(X);
    const dLdX = model.backward(G);
    const grads = model.layers.map((layer) => ({ dLdW: layer.dLdW.clone(), dLdb: layer.dLdb.clone() }));
    const loss = (): number => model.forward(X).mul(G).sum();
    return { model, X, loss, dLdX, grads };
  });
  report.matrix("dL/dX vs finite differences", () => fd().dLdX, () => numericalGradient(fd().loss, fd().X), FD_TOL);
  for (let l = 0; l < layerCount; l++) {
    report.matrix(`layer ${l + 1} dLdW vs finite differences`, () => fd().grads[l]!.dLdW, () => numericalGradient(fd().loss, fd().model.layers[l]!.W), FD_TOL);
    report.matrix(`layer ${l + 1} dLdb vs finite differences`, () => fd().grads[l]!.dLdb, () => numericalGradient(fd().loss, fd().model.layers[l]!.b), FD_TOL);
  }
  return report;
}
console.log(`${fixture.cases.length} reference networks computed by PyTorch ${fixture.torch} (float64)`);

// %% [markdown]
// ## 5(a) MLP0 — no hidden layer
//
// One linear layer and one activation (Identity by default; one reference case uses a sigmoid).

// %%
checkMLP("Problem 5(a) MLP0", "MLP0", [4, 3]).finish(tslab.display);

// %% [markdown]
// ## 5(b) MLP1 — one hidden layer

// %%
checkMLP("Problem 5(b) MLP1", "MLP1", [4, 6, 3]).finish(tslab.display);

// %% [markdown]
// ## 5(c) MLP4 — four hidden layers
//
// Hidden widths are one number for all four layers or four numbers; the reference cases use four
// different widths and, in one case, a different activation in every layer.

// %%
checkMLP("Problem 5(c) MLP4", "MLP4", [4, 5, 6, 5, 4, 3]).finish(tslab.display);

// %% [markdown]
// ## Summary

// %%
printSummary("Problem 5 MLP", ["Problem 5(a) MLP0", "Problem 5(b) MLP1", "Problem 5(c) MLP4"]);
