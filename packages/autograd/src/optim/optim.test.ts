import { describe, expect, it } from "vitest";
import { Matrix, assertClose } from "@mytorch/matrix";
import fixture from "../../fixtures/optim.json" with { type: "json" };
import { tensor } from "../tensor.js";
import { TORCH_TOL } from "../testing-node/op-fixtures.js";
import { Adam } from "./adam.js";
import { SGD } from "./sgd.js";

// Reference trajectories: torch.optim.SGD and torch.optim.Adam in float64 on the same gradients
// (fixtures-gen/autograd.py); after every step each parameter must match to 1e-12.
describe("optimizers against PyTorch float64 trajectories", () => {
  for (const c of fixture.cases) {
    it(`${c.kind} ${JSON.stringify(c.options)}, ${c.steps.length} steps`, () => {
      const params = c.initial.map((p) => tensor(p));
      const options = c.options as { lr: number; momentum?: number; betas?: [number, number]; eps?: number };
      const optimizer = c.kind === "SGD" ? new SGD(params, options) : new Adam(params, options);
      c.steps.forEach((step, s) => {
        params.forEach((p, k) => (p.grad = Matrix.fromArray(step.grads[k]!)));
        optimizer.step();
        params.forEach((p, k) => assertClose(`step ${s + 1}, parameter ${k}`, p.value, Matrix.fromArray(step.after[k]!), TORCH_TOL));
      });
    });
  }
});

describe("optimizers", () => {
  it("skip a parameter without a gradient and zeroGrad every parameter", () => {
    const a = tensor([[1]]), b = tensor([[2]]);
    const sgd = new SGD([a, b], { lr: 0.5 });
    a.grad = Matrix.fromArray([[1]]);
    sgd.step();
    expect(a.value.toArray()).toEqual([[0.5]]);
    expect(b.value.toArray()).toEqual([[2]]);
    sgd.zeroGrad();
    expect(a.hasGrad).toBe(false);
  });

  it("validate their settings and put the bad value in the message", () => {
    const p = [tensor([[1]])];
    expect(() => new SGD(p, { lr: -0.1 })).toThrow(/^SGD: invalid learning rate: -0\.1$/);
    expect(() => new SGD(p, { momentum: 1 })).toThrow(/^SGD: invalid momentum value: 1$/);
    expect(() => new Adam(p, { betas: [0.9, 1] })).toThrow(/^Adam: invalid beta parameter at index 1: 1$/);
    expect(() => new Adam(p, { eps: -1 })).toThrow(/^Adam: invalid epsilon value: -1$/);
    expect(() => new SGD([])).toThrow(/^SGD: got an empty parameter list$/);
    expect(() => new SGD([tensor([[1]], { requiresGrad: false })])).toThrow(/^SGD: parameter 0 does not require a gradient/);
  });
});
