// The graded checks of one MLP class; each MLP's test file calls mlpSuite.
import { describe, expect, it } from "vitest";
import type { Activation } from "@mytorch/activation";
import { Matrix, assertClose, createRng, numericalGradient } from "@mytorch/matrix";
import fixture from "../fixtures/mlp.json" with { type: "json" };
import type { MLP0 } from "./mlp0.js";
import type { MLP1 } from "./mlp1.js";
import type { MLP4 } from "./mlp4.js";
import type { MLPOptions } from "./options.js";

// Reference values: PyTorch float64 autograd through the same network (fixtures-gen/generate.py).
const TOL = { atol: 1e-12, rtol: 1e-12 };
const FD_TOL = { atol: 1e-7, rtol: 1e-7 };

type Case = (typeof fixture.cases)[number];
type Model = MLP0 | MLP1 | MLP4;

/**
 * Activations local to this test that no problem grades (identity and sin, as
 * in the fixture), so that the points of Problem 5 grade the MLP code alone,
 * do not depend on the student's Problem 4, and this file holds no answer to it.
 */
function elementwise(f: (h: number) => number, df: (h: number) => number): Activation {
  let H: Matrix | null = null;
  return {
    forward: (input) => ((H = input), input.map(f)),
    backward: () => H!.map(df),
  };
}
const ACTIVATIONS: Record<string, () => Activation> = {
  identity: () => elementwise((h) => h, () => 1),
  sin: () => elementwise(Math.sin, Math.cos),
};
export const referenceActivations = (names: string[]) => names.map((name) => ACTIVATIONS[name]!());

/** Builds a network of the class under test from its widths (in, hidden…, out). */
export type Create = (widths: number[], options: MLPOptions) => Model;

/** The fixture's network with its weights assigned and its activations chosen. */
function build(c: Case, create: Create): Model {
  const model = create(c.widths, { rng: createRng(0), activations: referenceActivations(c.activations) });
  model.layers.forEach((layer, l) => {
    layer.W = Matrix.fromArray(c.W[l]!);
    layer.b = Matrix.fromArray(c.b[l]!);
  });
  return model;
}

function caseName(c: Case): string {
  return `widths ${c.widths.join("→")}, ${c.activations.join("/")}, N = ${c.X.length}`;
}

/** The graded checks of one MLP class: structure, forward, backward, finite differences. */
export function mlpSuite(problem: string, name: Case["model"], create: Create, defaultWidths: number[]): void {
  const layerCount = defaultWidths.length - 1;
  const make = () => create(defaultWidths, { rng: createRng(1), activations: sines(layerCount) });
  const cases = fixture.cases.filter((c) => c.model === name);
  describe(`${problem} ${name}`, () => {
    it(`has ${layerCount} Linear layer(s) and one activation per layer`, () => {
      const model = make();
      expect(model.layers).toHaveLength(layerCount);
      expect(model.activations).toHaveLength(layerCount);
    });

    for (const c of cases) {
      it(`${name}.forward matches the reference (${caseName(c)})`, () => {
        const output = build(c, create).forward(Matrix.fromArray(c.X));
        assertClose("output", output, Matrix.fromArray(c.output), TOL);
      });

      it(`${name}.backward matches the reference (${caseName(c)})`, () => {
        const model = build(c, create);
        model.forward(Matrix.fromArray(c.X));
        const dLdX = model.backward(Matrix.fromArray(c.dLdA));
        assertClose("dL/dX", dLdX, Matrix.fromArray(c.dLdX), TOL);
        model.layers.forEach((layer, l) => {
          assertClose(`layer ${l} dLdW`, layer.dLdW, Matrix.fromArray(c.dLdW[l]!), TOL);
          assertClose(`layer ${l} dLdb`, layer.dLdb, Matrix.fromArray(c.dLdb[l]!), TOL);
        });
      });
    }

    it(`${name}.backward agrees with finite differences of L = Σ output ⊙ G`, () => {
      const rng = createRng(21);
      const model = make();
      for (const layer of model.layers) layer.b = Matrix.randn(1, layer.outFeatures, { rng, std: 0.5 });
      const X = Matrix.randn(3, model.layers[0]!.inFeatures, { rng });
      const G = Matrix.randn(3, model.layers.at(-1)!.outFeatures, { rng });
      const loss = () => model.forward(X).mul(G).sum();
      model.forward(X);
      const dLdX = model.backward(G);
      const grads = model.layers.map((layer) => [layer.dLdW.clone(), layer.dLdb.clone()] as const);
      assertClose("dL/dX vs finite differences", dLdX, numericalGradient(loss, X), FD_TOL);
      model.layers.forEach((layer, l) => {
        assertClose(`layer ${l} dLdW vs finite differences`, grads[l]![0], numericalGradient(loss, layer.W), FD_TOL);
        assertClose(`layer ${l} dLdb vs finite differences`, grads[l]![1], numericalGradient(loss, layer.b), FD_TOL);
      });
    });
  });
}

/** sin after every hidden layer, identity after the last: the shape of the homework's MLPs, with no graded activation. */
export const sines = (n: number) => referenceActivations([...Array<string>(n - 1).fill("sin"), "identity"]);
