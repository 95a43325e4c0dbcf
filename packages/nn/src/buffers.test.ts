import { describe, expect, it } from "vitest";
import * as homework from "@mytorch/activation";
import { CrossEntropyLoss } from "@mytorch/loss";
import { Matrix, countFloat64Allocations, createRng } from "@mytorch/matrix";
import { Identity, ReLU, Sigmoid, Tanh, type ActivationModule } from "./activations.js";
import { Dropout } from "./dropout.js";
import { Linear } from "./linear.js";
import type { Module } from "./module.js";
import { SGD } from "./optim/sgd.js";
import { Sequential } from "./sequential.js";

/** 20 → 16 (ReLU, Dropout) → 10 (Tanh): every kind of module a training step meets. */
function network(seed: number): Sequential {
  const rng = createRng(seed);
  return new Sequential(new Linear(20, 16, { rng }), new ReLU(), new Dropout(0.25, { rng }), new Linear(16, 10, { rng }), new Tanh());
}

describe("a training step reuses its buffers", () => {
  it("after the first step, forward + backwardParameters + SGD.step create no Float64Array", () => {
    const rng = createRng(1);
    const model = network(2);
    const optimizer = new SGD(model.parameters(), { lr: 0.1, momentum: 0.9, nesterov: true, weightDecay: 1e-4 });
    const X = Matrix.randn(32, 20, { rng }), G = Matrix.randn(32, 10, { rng });
    const O = Matrix.zeros(32, 10); // the caller's buffer for the output
    const step = (): void => {
      model.forward(X, O);
      model.backwardParameters(G);
      optimizer.step();
    };
    step();
    expect(countFloat64Allocations(() => { step(); step(); })).toEqual({ arrays: 0, bytes: 0 });
  });

  it("with the loss included, a step allocates only the returned output and the loss's own matrices", () => {
    const rng = createRng(3);
    const model = network(4);
    const optimizer = new SGD(model.parameters(), { lr: 0.1 });
    const loss = new CrossEntropyLoss();
    const X = Matrix.randn(32, 20, { rng });
    const Y = Matrix.zeros(32, 10);
    for (let r = 0; r < 32; r++) Y.set(r, r % 10, 1);
    const step = (): void => {
      loss.forward(model.forward(X), Y);
      model.backwardParameters(loss.backward());
      optimizer.step();
    };
    step();
    const O = model.forward(X);
    const lossOnly = countFloat64Allocations(() => {
      loss.forward(O, Y);
      loss.backward();
    });
    // The model's share: the 32 × 10 output it returns (a new matrix: no out was given).
    expect(countFloat64Allocations(step)).toEqual({ arrays: lossOnly.arrays + 1, bytes: lossOnly.bytes + 32 * 10 * 8 });
  });

  it("what forward and backward return is the caller's: the next call does not write over it", () => {
    const rng = createRng(5);
    const model = network(6).eval(); // eval: Dropout passes its input through
    const X1 = Matrix.randn(8, 20, { rng }), X2 = Matrix.randn(8, 20, { rng });
    const X1copy = X1.clone();
    const Y1 = model.forward(X1);
    const Y1copy = Y1.clone();
    const G = Matrix.randn(8, 10, { rng });
    const dX1 = model.backward(G);
    const dX1copy = dX1.clone();
    model.forward(X2);
    model.backward(G.scale(2));
    expect(Y1.equals(Y1copy)).toBe(true);
    expect(dX1.equals(dX1copy)).toBe(true);
    expect(X1.equals(X1copy)).toBe(true); // the input is never used as a buffer
  });

  it("a batch of another size (the last one of an epoch) gets buffers of its own size", () => {
    const rng = createRng(7);
    const a = network(8), b = network(8);
    for (const rows of [16, 5, 16]) {
      const X = Matrix.randn(rows, 20, { rng }), G = Matrix.randn(rows, 10, { rng });
      a.forward(X);
      a.backwardParameters(G);
      // The reference: a twin (same weights, same Dropout stream) through the full backward.
      b.forward(X);
      b.backward(G);
      a.parameters().forEach((p, i) => expect(p.grad.equals(b.parameters()[i]!.grad)).toBe(true));
    }
  });
});

describe("backwardParameters: the gradients of backward without dL/dX", () => {
  it("fills every parameter's gradient exactly as backward does", () => {
    const rng = createRng(9);
    const withX = network(10), without = network(10);
    const X = Matrix.randn(12, 20, { rng }), G = Matrix.randn(12, 10, { rng });
    withX.forward(X);
    withX.backward(G);
    without.forward(X);
    without.backwardParameters(G);
    const expected = withX.parameters(), got = without.parameters();
    expect(got.map((p) => p.name)).toEqual(expected.map((p) => p.name));
    got.forEach((p, i) => expect(p.grad.equals(expected[i]!.grad)).toBe(true));
  });

  it("stops at the first module with parameters and never computes its dL/dX", () => {
    const calls: string[] = [];
    const spy = (name: string, module: Module): Module => ({
      forward: (X, out) => module.forward(X, out),
      backward: (g, out) => (calls.push(`${name}.backward`), module.backward(g, out)),
      backwardParameters: (g) => (calls.push(`${name}.backwardParameters`), module.backwardParameters!(g)),
      parameters: () => module.parameters(),
      train() { module.train(); return this; },
      eval() { module.eval(); return this; },
      training: true,
    });
    const rng = createRng(11);
    const model = new Sequential(spy("dropout", new Dropout(0.5, { rng })), spy("linear0", new Linear(3, 4, { rng })), spy("relu", new ReLU()), spy("linear1", new Linear(4, 2, { rng })));
    model.forward(Matrix.randn(5, 3, { rng }));
    model.backwardParameters(Matrix.randn(5, 2, { rng }));
    expect(calls).toEqual(["linear1.backward", "relu.backward", "linear0.backwardParameters"]);
  });

  it("Linear: dLdW and dLdb are the same matrices after every backward, overwritten in place", () => {
    const rng = createRng(12);
    const layer = new Linear(3, 2, { rng });
    const { dLdW, dLdb } = layer;
    layer.forward(Matrix.randn(4, 3, { rng }));
    layer.backwardParameters(Matrix.randn(4, 2, { rng }));
    expect(layer.dLdW).toBe(dLdW);
    expect(layer.dLdb).toBe(dLdb);
    expect(dLdW.maxAbs()).toBeGreaterThan(0);
  });
});

describe("activation modules give the homework's numbers to the bit", () => {
  const cases: [string, () => ActivationModule, () => homework.Activation][] = [
    ["ReLU", () => new ReLU(), () => new homework.ReLU()],
    ["Tanh", () => new Tanh(), () => new homework.Tanh()],
    ["Sigmoid", () => new Sigmoid(), () => new homework.Sigmoid()],
    ["Identity", () => new Identity(), () => new homework.Identity()],
  ];
  cases.forEach(([name, make, makeHomework]) => {
    it(`${name}: forward = φ(H) and backward = dL/dA ⊙ φ'(H) of the homework class, with and without out`, () => {
      const rng = createRng(name.length + 20);
      const H = Matrix.randn(6, 5, { rng }).scale(4);
      H.set(0, 0, 0); // ReLU's kink
      H.set(1, 1, -800); // Sigmoid's far tail
      const dLdA = Matrix.randn(6, 5, { rng });
      const reference = makeHomework();
      const A = reference.forward(H);
      const dLdH = dLdA.mul(reference.backward());
      const module = make();
      expect(module.forward(H).equals(A)).toBe(true);
      expect(module.backward(dLdA).equals(dLdH)).toBe(true);
      const out = Matrix.zeros(6, 5), grad = Matrix.zeros(6, 5);
      expect(module.forward(H, out)).toBe(out);
      expect(out.equals(A)).toBe(true);
      expect(module.backward(dLdA, grad)).toBe(grad);
      expect(grad.equals(dLdH)).toBe(true);
    });
  });
});
