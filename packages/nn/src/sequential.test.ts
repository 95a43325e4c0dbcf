import { describe, expect, it } from "vitest";
import { CrossEntropyLoss, MSELoss } from "@mytorch/loss";
import { Matrix, assertClose, createRng, numericalGradient, type Rng } from "@mytorch/matrix";
import { MLP1, MLP4 } from "@mytorch/mlp";
import { Identity, ReLU, Sigmoid, Tanh } from "./activations.js";
import { Linear } from "./linear.js";
import type { Module } from "./module.js";
import { Sequential } from "./sequential.js";

// Central differences (h = 1e-6) through a few smooth layers are good to about 1e-8 here.
const FD_TOL = { atol: 1e-7, rtol: 1e-6 };

/** Every parameter's gradient and dL/dX against finite differences of L(X) = loss(model(X)). */
function gradcheck(model: Module, X: Matrix, loss: (O: Matrix) => { value: number; dLdO: Matrix }): void {
  const { dLdO } = loss(model.forward(X));
  const dLdX = model.backward(dLdO);
  const L = (): number => loss(model.forward(X)).value;
  // Copy the analytic gradients first: the numerical pass reruns forward (but never backward).
  const analytic = model.parameters().map((p) => ({ name: p.name, grad: p.grad.clone(), value: p.value }));
  analytic.forEach((p) => assertClose(`dL/d${p.name}`, p.grad, numericalGradient(L, p.value), FD_TOL));
  assertClose("dL/dX", dLdX, numericalGradient(L, X), FD_TOL);
}

function mse(Y: Matrix): (O: Matrix) => { value: number; dLdO: Matrix } {
  return (O) => {
    const loss = new MSELoss();
    const value = loss.forward(O, Y);
    return { value, dLdO: loss.backward() };
  };
}

describe("Sequential", () => {
  it("forward in order, backward in reverse; parameters named by position, nested", () => {
    const rng = createRng(1);
    const inner = new Sequential(new Linear(3, 4, { rng }), new Tanh());
    const model = new Sequential(inner, new Linear(4, 2, { rng }));
    expect(model.parameters().map((p) => p.name)).toEqual(["0.0.W", "0.0.b", "1.W", "1.b"]);
    const X = Matrix.randn(2, 3, { rng });
    const expected = (model.modules[1] as Linear).forward(new Tanh().forward((inner.modules[0] as Linear).forward(X)));
    expect(model.forward(X).equals(expected)).toBe(true);
  });

  it("gradients through Linear–Tanh–Linear–Sigmoid–Linear with MSE match finite differences", () => {
    const rng = createRng(2);
    const model = new Sequential(
      new Linear(3, 5, { init: "glorotNormal", rng }), new Tanh(),
      new Linear(5, 4, { init: "glorotNormal", rng }), new Sigmoid(),
      new Linear(4, 2, { init: "glorotNormal", rng }),
    );
    gradcheck(model, Matrix.randn(6, 3, { rng }), mse(Matrix.randn(6, 2, { rng })));
  });

  it("gradients through a nested stack ending in Tanh with cross entropy match finite differences", () => {
    const rng = createRng(3);
    const block = (i: number, o: number, r: Rng): Sequential => new Sequential(new Linear(i, o, { init: "kaimingUniform", rng: r }), new Tanh());
    const model = new Sequential(block(4, 6, rng), block(6, 6, rng), new Linear(6, 3, { rng }), new Identity());
    const Y = Matrix.fromArray([[1, 0, 0], [0, 1, 0], [0, 0, 1], [0, 1, 0], [1, 0, 0]]);
    gradcheck(model, Matrix.randn(5, 4, { rng }), (O) => {
      const loss = new CrossEntropyLoss();
      const value = loss.forward(O, Y);
      return { value, dLdO: loss.backward() };
    });
  });

  it("train() / eval() reach every nested module", () => {
    const inner = new Sequential(new Linear(2, 2), new ReLU());
    const model = new Sequential(inner, new Linear(2, 1));
    model.eval();
    expect([model.training, inner.training, inner.modules[0]!.training, model.modules[1]!.training]).toEqual([false, false, false, false]);
    model.train();
    expect(inner.modules[1]!.training).toBe(true);
  });

  it("an empty Sequential throws", () => {
    expect(() => new Sequential()).toThrow(/^Sequential: needs at least one module, got 0$/);
  });
});

/** A Sequential copy of a homework MLP: the same (cloned) W and b, the MLP's activations wrapped. */
function copyOf(layers: { W: Matrix; b: Matrix }[], activations: ("relu" | "identity")[]): Sequential {
  const modules: Module[] = [];
  layers.forEach((l, i) => {
    const layer = new Linear(l.W.rows, l.W.cols);
    layer.W = l.W.clone();
    layer.b = l.b.clone();
    modules.push(layer, activations[i] === "relu" ? new ReLU() : new Identity());
  });
  return new Sequential(...modules);
}

describe("Sequential of Linear and ReLU gives exactly the homework MLP's gradients", () => {
  it("MLP1 (4 → 8 → 3) and Sequential(Linear, ReLU, Linear, Identity): identical outputs and gradients", () => {
    const rng = createRng(4);
    const mlp = new MLP1(4, 8, 3, { rng });
    mlp.layers.forEach((l) => (l.b = Matrix.randn(1, l.b.cols, { rng }))); // non-zero biases too
    const seq = copyOf(mlp.layers, ["relu", "identity"]);
    const X = Matrix.randn(7, 4, { rng });
    const dLdA = Matrix.randn(7, 3, { rng });
    expect(seq.forward(X).equals(mlp.forward(X))).toBe(true);
    expect(seq.backward(dLdA).equals(mlp.backward(dLdA))).toBe(true);
    const grads = seq.parameters().map((p) => p.grad);
    mlp.layers.forEach((l, i) => {
      expect(grads[2 * i]!.equals(l.dLdW)).toBe(true);
      expect(grads[2 * i + 1]!.equals(l.dLdb)).toBe(true);
    });
  });

  it("MLP4 (3 → 6, 5, 4, 6 → 2) and the matching 10-module Sequential: identical outputs and gradients", () => {
    const rng = createRng(5);
    const mlp = new MLP4(3, [6, 5, 4, 6], 2, { rng });
    mlp.layers.forEach((l) => (l.b = Matrix.randn(1, l.b.cols, { rng })));
    const seq = copyOf(mlp.layers, ["relu", "relu", "relu", "relu", "identity"]);
    const X = Matrix.randn(9, 3, { rng });
    const dLdA = Matrix.randn(9, 2, { rng });
    expect(seq.forward(X).equals(mlp.forward(X))).toBe(true);
    expect(seq.backward(dLdA).equals(mlp.backward(dLdA))).toBe(true);
    const grads = seq.parameters().map((p) => p.grad);
    expect(grads).toHaveLength(10);
    mlp.layers.forEach((l, i) => {
      expect(grads[2 * i]!.equals(l.dLdW)).toBe(true);
      expect(grads[2 * i + 1]!.equals(l.dLdb)).toBe(true);
    });
  });
});
