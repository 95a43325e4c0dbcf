import { describe, expect, it } from "vitest";
import { Identity, ReLU, type Activation } from "@mytorch/activation";
import { Matrix, assertClose, createRng, numericalGradient } from "@mytorch/matrix";
import fixture from "../fixtures/mlp.json" with { type: "json" };
import { MLP0 } from "./mlp0.js";
import { MLP1 } from "./mlp1.js";
import { MLP4 } from "./mlp4.js";

// Reference values: PyTorch float64 autograd through the same network (fixtures-gen/generate.py).
const TOL = { atol: 1e-12, rtol: 1e-12 };
const FD_TOL = { atol: 1e-7, rtol: 1e-7 };

type Case = (typeof fixture.cases)[number];
type Model = MLP0 | MLP1 | MLP4;

/**
 * Reference activations local to this test, so that the points of Problem 5
 * grade the MLP code alone and do not depend on the student's Problem 4.
 */
function elementwise(f: (h: number) => number, df: (h: number) => number): Activation {
  let H: Matrix | null = null;
  return {
    forward: (input) => ((H = input), input.map(f)),
    backward: () => H!.map(df),
  };
}
const sigma = (h: number) => 1 / (1 + Math.exp(-h));
const ACTIVATIONS: Record<string, () => Activation> = {
  identity: () => elementwise((h) => h, () => 1),
  relu: () => elementwise((h) => (h > 0 ? h : 0), (h) => (h > 0 ? 1 : 0)),
  sigmoid: () => elementwise(sigma, (h) => sigma(h) * (1 - sigma(h))),
  tanh: () => elementwise(Math.tanh, (h) => 1 - Math.tanh(h) ** 2),
};
const referenceActivations = (names: string[]) => names.map((name) => ACTIVATIONS[name]!());

/** The fixture's network with its weights assigned and its activations chosen. */
function build(c: Case): Model {
  const w = c.widths;
  const options = { rng: createRng(0), activations: referenceActivations(c.activations) };
  const model =
    c.model === "MLP0" ? new MLP0(w[0]!, w[1]!, options)
    : c.model === "MLP1" ? new MLP1(w[0]!, w[1]!, w[2]!, options)
    : new MLP4(w[0]!, w.slice(1, 5), w[5]!, options);
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
function mlpSuite(problem: string, name: Case["model"], make: () => Model, layerCount: number): void {
  const cases = fixture.cases.filter((c) => c.model === name);
  describe(`${problem} ${name}`, () => {
    it(`has ${layerCount} Linear layer(s) and one activation per layer`, () => {
      const model = make();
      expect(model.layers).toHaveLength(layerCount);
      expect(model.activations).toHaveLength(layerCount);
    });

    for (const c of cases) {
      it(`${name}.forward matches the reference (${caseName(c)})`, () => {
        const output = build(c).forward(Matrix.fromArray(c.X));
        assertClose("output", output, Matrix.fromArray(c.output), TOL);
      });

      it(`${name}.backward matches the reference (${caseName(c)})`, () => {
        const model = build(c);
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
      // Non-zero biases keep ReLU inputs away from the kink at 0.
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

const relus = (n: number) => referenceActivations([...Array<string>(n - 1).fill("relu"), "identity"]);
mlpSuite("Problem 5(a)", "MLP0", () => new MLP0(3, 2, { rng: createRng(1), activations: relus(1) }), 1);
mlpSuite("Problem 5(b)", "MLP1", () => new MLP1(3, 5, 2, { rng: createRng(1), activations: relus(2) }), 2);
mlpSuite("Problem 5(c)", "MLP4", () => new MLP4(3, [6, 5, 4, 6], 2, { rng: createRng(1), activations: relus(5) }), 5);

describe("MLP construction", () => {
  it("default activations: Identity for MLP0; ReLU on hidden layers and Identity last for MLP1 and MLP4", () => {
    expect(new MLP0(2, 1).activations[0]).toBeInstanceOf(Identity);
    const mlp1 = new MLP1(2, 3, 1);
    expect(mlp1.activations.map((a) => a.constructor.name)).toEqual(["ReLU", "Identity"]);
    const mlp4 = new MLP4(2, 3, 1);
    expect(mlp4.activations.map((a) => a.constructor.name)).toEqual(["ReLU", "ReLU", "ReLU", "ReLU", "Identity"]);
  });

  it("layer widths follow the constructor", () => {
    const mlp4 = new MLP4(784, [256, 128, 64, 32], 10);
    expect(mlp4.layers.map((l) => l.W.shape)).toEqual([[784, 256], [256, 128], [128, 64], [64, 32], [32, 10]]);
    expect(new MLP4(5, 7, 2).layers.map((l) => l.outFeatures)).toEqual([7, 7, 7, 7, 2]);
  });

  it("the same rng seed gives the same network", () => {
    const a = new MLP1(4, 8, 3, { rng: createRng(3) });
    const b = new MLP1(4, 8, 3, { rng: createRng(3) });
    a.layers.forEach((layer, l) => expect(layer.W.equals(b.layers[l]!.W)).toBe(true));
  });

  it("rejects a wrong number of activations or hidden widths, and bad widths", () => {
    expect(() => new MLP1(2, 3, 1, { activations: [new ReLU()] })).toThrow(
      /^MLP1: activations must have one entry per layer \(2\), got 1$/,
    );
    expect(() => new MLP4(2, [3, 3], 1)).toThrow(/^MLP4: hiddenFeatures must be one width or 4 widths, got 2 widths$/);
    expect(() => new MLP0(0, 1)).toThrow(/^MLP0: inFeatures must be an integer ≥ 1, got 0$/);
  });

  it("forward throws ShapeError when X has the wrong number of features", () => {
    expect(() => new MLP1(3, 4, 2).forward(Matrix.zeros(2, 5))).toThrow(/^Linear\.forward: A must be N×3 \(inFeatures = 3\), got 2×5$/);
  });
});
