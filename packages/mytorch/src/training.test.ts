import { describe, expect, it } from "vitest";
import fixture from "../fixtures/training.json" with { type: "json" };
import { MLP1, MSELoss, Matrix, SGD, assertClose, createRng } from "./index.js";

// Reference: the same six steps in PyTorch float64 (fixtures-gen/generate.py).
const TOL = { atol: 1e-12, rtol: 1e-12 };

describe("mytorch: the packages compose into a training loop", () => {
  it("MLP1 + MSELoss + SGD(momentum 0.9): six steps match PyTorch's losses and final weights", () => {
    const model = new MLP1(3, 8, 2, { rng: createRng(0) });
    model.layers.forEach((layer, l) => {
      layer.W = Matrix.fromArray(fixture.initial.W[l]!);
      layer.b = Matrix.fromArray(fixture.initial.b[l]!);
    });
    const X = Matrix.fromArray(fixture.X), Y = Matrix.fromArray(fixture.Y);
    const criterion = new MSELoss();
    const optimizer = new SGD(model, fixture.lr, fixture.momentum);
    const losses = fixture.losses.map(() => {
      const loss = criterion.forward(model.forward(X), Y);
      model.backward(criterion.backward());
      optimizer.step();
      return loss;
    });
    losses.forEach((loss, step) => assertClose(`loss at step ${step}`, loss, fixture.losses[step]!, TOL));
    model.layers.forEach((layer, l) => {
      assertClose(`final W of layer ${l}`, layer.W, Matrix.fromArray(fixture.final.W[l]!), TOL);
      assertClose(`final b of layer ${l}`, layer.b, Matrix.fromArray(fixture.final.b[l]!), TOL);
    });
  });

  it("MLP1 learns the XOR of two signs: ≥ 95% training accuracy after 1500 steps", () => {
    const rng = createRng(1);
    const X = Matrix.randn(128, 2, { rng });
    const Y = Matrix.zeros(128, 1);
    for (let i = 0; i < 128; i++) Y.set(i, 0, X.get(i, 0) * X.get(i, 1) > 0 ? 1 : -1);
    const model = new MLP1(2, 16, 1, { rng });
    const criterion = new MSELoss();
    const optimizer = new SGD(model, 0.1, 0.9);
    for (let step = 0; step < 1500; step++) {
      criterion.forward(model.forward(X), Y);
      model.backward(criterion.backward());
      optimizer.step();
    }
    const output = model.forward(X);
    let correct = 0;
    for (let i = 0; i < 128; i++) if (Math.sign(output.get(i, 0)) === Y.get(i, 0)) correct++;
    expect(correct / 128).toBeGreaterThanOrEqual(0.95);
  });
});
