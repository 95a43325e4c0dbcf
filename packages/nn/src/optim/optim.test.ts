import { describe, expect, it } from "vitest";
import { Linear as HomeworkLinear } from "@mytorch/linear";
import { Matrix, assertClose, createRng } from "@mytorch/matrix";
import { SGD as HomeworkSGD } from "@mytorch/optim";
import fixture from "../../fixtures/optim.json" with { type: "json" };
import { Linear } from "../linear.js";
import type { Parameter } from "../module.js";
import { Adam } from "./adam.js";
import type { Optimizer } from "./optimizer.js";
import { SGD } from "./sgd.js";

// Reference: torch.optim.SGD / torch.optim.Adam in float64 over 5 steps with given gradients
// (fixtures-gen/nn.py). Same operations in the same order, so 1e-12 is generous.
const TOL = { atol: 1e-12, rtol: 1e-12 };

interface TorchOptions {
  lr: number;
  momentum?: number;
  nesterov?: boolean;
  weight_decay?: number;
  betas?: number[];
  eps?: number;
}
interface Case {
  name: string;
  options: object;
  initial: number[][][];
  steps: { grads: number[][][]; values: number[][][] }[];
}

/** Parameters with a settable gradient, as a test holds them. */
function holders(c: Case): { name: string; value: Matrix; grad: Matrix }[] {
  return c.initial.map((x, i) => ({ name: `p${i}`, value: Matrix.fromArray(x), grad: Matrix.zeros(x.length, x[0]!.length) }));
}

function replay(c: Case, make: (params: Parameter[], o: TorchOptions) => Optimizer): void {
  const params = holders(c);
  const optimizer = make(params, c.options as TorchOptions);
  c.steps.forEach((s, t) => {
    params.forEach((p, i) => (p.grad = Matrix.fromArray(s.grads[i]!)));
    optimizer.step();
    params.forEach((p, i) => assertClose(`step ${t + 1} parameter ${i}`, p.value, Matrix.fromArray(s.values[i]!), TOL));
  });
}

describe("SGD over parameters() against torch.optim.SGD (5 steps)", () => {
  fixture.sgd.forEach((c) => {
    it(c.name, () =>
      replay(c, (params, o) => new SGD(params, { lr: o.lr, momentum: o.momentum, nesterov: o.nesterov, weightDecay: o.weight_decay })),
    );
  });

  it("invalid settings throw with the bad value", () => {
    const p = [{ name: "w", value: Matrix.zeros(1, 1), grad: Matrix.zeros(1, 1) }];
    expect(() => new SGD(p, { lr: -0.1 })).toThrow(/^SGD: Invalid learning rate: -0\.1$/);
    expect(() => new SGD(p, { momentum: 1 })).toThrow(/^SGD: Invalid momentum value: 1 \(must be in \[0, 1\)\)$/);
    expect(() => new SGD(p, { momentum: -0.5 })).toThrow(/^SGD: Invalid momentum value: -0\.5 /);
    expect(() => new SGD(p, { weightDecay: -1 })).toThrow(/^SGD: Invalid weight_decay value: -1$/);
    expect(() => new SGD(p, { nesterov: true })).toThrow(/^SGD: Nesterov momentum requires a momentum > 0, got momentum 0$/);
    expect(() => new SGD([])).toThrow(/^SGD: got an empty parameter list$/);
  });

  it("a NaN gradient or a gradient of the wrong shape throws naming the parameter", () => {
    const p = { name: "w", value: Matrix.zeros(1, 2), grad: Matrix.row([1, Number.NaN]) };
    expect(() => new SGD([p]).step()).toThrow(/^SGD\.step: gradient of parameter 0 \(w\) has NaN at \(0, 1\)$/);
    p.grad = Matrix.zeros(2, 1);
    expect(() => new SGD([p]).step()).toThrow(/^SGD\.step: gradient of parameter 0 \(w\) must be 1×2, got 2×1$/);
  });

  it("matches the homework SGD(model, lr, momentum) on a Linear layer, which keeps working", () => {
    const X = Matrix.randn(4, 3, { rng: createRng(1) });
    const G = Matrix.randn(4, 2, { rng: createRng(2) });
    const ours = new Linear(3, 2, { rng: createRng(3) });
    const theirs = new HomeworkLinear(3, 2, { rng: createRng(3) });
    const a = new SGD(ours.parameters(), { lr: 0.1, momentum: 0.9 });
    const b = new HomeworkSGD({ layers: [theirs] }, 0.1, 0.9);
    for (let t = 0; t < 3; t++) {
      ours.forward(X);
      ours.backward(G);
      a.step();
      theirs.forward(X);
      theirs.backward(G);
      b.step();
    }
    assertClose("W", ours.W, theirs.W, { atol: 1e-15, rtol: 1e-15 });
    assertClose("b", ours.b, theirs.b, { atol: 1e-15, rtol: 1e-15 });
  });

  it("zeroGrad() sets the layer's current gradients to 0", () => {
    const layer = new Linear(2, 2, { rng: createRng(4) });
    layer.forward(Matrix.full(1, 2, 1));
    layer.backward(Matrix.full(1, 2, 1));
    new SGD(layer.parameters(), { lr: 0.1 }).zeroGrad();
    expect(layer.dLdW.maxAbs() + layer.dLdb.maxAbs()).toBe(0);
  });
});

describe("Adam over parameters() against torch.optim.Adam (5 steps)", () => {
  fixture.adam.forEach((c) => {
    it(c.name, () =>
      replay(c, (params, o) => {
        const betas = o.betas === undefined ? undefined : ([o.betas[0]!, o.betas[1]!] as [number, number]);
        return new Adam(params, { lr: o.lr, betas, eps: o.eps, weightDecay: o.weight_decay });
      }),
    );
  });

  it("step 1 by hand: the bias-corrected step is −lr·sign(g) (ε = 0)", () => {
    const p = { name: "w", value: Matrix.row([1, 2]), grad: Matrix.row([0.3, -5]) };
    const adam = new Adam([p], { lr: 0.1, eps: 0 });
    adam.step();
    // m̂ = g, v̂ = g², so the step is lr·g/|g|.
    assertClose("w", p.value, Matrix.row([0.9, 2.1]), { atol: 1e-15, rtol: 1e-15 });
    expect(adam.stepCount).toBe(1);
  });

  it("invalid settings throw with the bad value", () => {
    const p = [{ name: "w", value: Matrix.zeros(1, 1), grad: Matrix.zeros(1, 1) }];
    expect(() => new Adam(p, { lr: -0.1 })).toThrow(/^Adam: Invalid learning rate: -0\.1$/);
    expect(() => new Adam(p, { betas: [1, 0.999] })).toThrow(/^Adam: Invalid beta parameter at index 0: 1 \(must be in \[0, 1\)\)$/);
    expect(() => new Adam(p, { betas: [0.9, -0.1] })).toThrow(/^Adam: Invalid beta parameter at index 1: -0\.1 /);
    expect(() => new Adam(p, { eps: -1e-8 })).toThrow(/^Adam: Invalid epsilon value: -1e-8$/);
    expect(() => new Adam(p, { weightDecay: Number.NaN })).toThrow(/^Adam: Invalid weight_decay value: NaN$/);
  });
});
