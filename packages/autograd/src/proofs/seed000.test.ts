// Seed 000's worked example: a 2→10→10→1 ReLU network, the loss ½(ŷ − y)²,
// the first-layer gradients for the first (input, target) pair and a training
// curve over the data set, all against PyTorch float64 (fixtures-gen/autograd.py,
// which draws its own Kaiming weights and data: the seed's pickle is not available).
import { describe, expect, it } from "vitest";
import { Matrix, assertClose } from "@mytorch/matrix";
import fixture from "../../fixtures/seed000.json" with { type: "json" };
import { ReLU } from "../nn/activations.js";
import { Linear } from "../nn/linear.js";
import { Sequential } from "../nn/sequential.js";
import { SGD } from "../optim/sgd.js";
import { Tensor } from "../tensor.js";
import { TORCH_TOL } from "../testing-node/op-fixtures.js";

/** The seed's model, with the fixture's initial weights. */
function seedModel(): { model: Sequential; linears: Linear[] } {
  const linears = [new Linear(2, 10, { init: "kaimingNormal" }), new Linear(10, 10, { init: "kaimingNormal" }), new Linear(10, 1, { init: "kaimingNormal" })];
  linears.forEach((layer, l) => {
    layer.W.value = Matrix.fromArray(fixture.initial.W[l]!);
    layer.b!.value = Matrix.fromArray(fixture.initial.b[l]!);
  });
  const model = new Sequential(linears[0]!, new ReLU(), linears[1]!, new ReLU(), linears[2]!);
  return { model, linears };
}

/** L = ½(ŷ − y)², averaged over the rows. */
function halfSquaredError(model: Sequential, X: Matrix, Y: Matrix): Tensor {
  const yHat = model.forward(new Tensor(X, { requiresGrad: false }));
  return yHat.sub(Y).pow(2).mul(0.5).mean();
}

const X = Matrix.fromArray(fixture.X);
const Y = Matrix.fromArray(fixture.Y);

describe("seed 000: the 2→10→10→1 ReLU network", () => {
  it("first (input, target) pair: the loss and the first layer's weight and bias gradients", () => {
    const { model, linears } = seedModel();
    model.zeroGrad();
    const loss = halfSquaredError(model, X.sliceRows(0, 1), Y.sliceRows(0, 1));
    loss.backward();
    assertClose("loss", loss.item(), fixture.first.loss, TORCH_TOL);
    assertClose("∂L/∂W₁ (2×10)", linears[0]!.W.grad, Matrix.fromArray(fixture.first.dLdW1), TORCH_TOL);
    assertClose("∂L/∂b₁ (1×10)", linears[0]!.b!.grad, Matrix.fromArray(fixture.first.dLdb1), TORCH_TOL);
  });

  it(`training curve: full-batch gradient descent, ${fixture.curve.length - 1} updates, every average loss as PyTorch`, () => {
    const { model, linears } = seedModel();
    const optimizer = new SGD(model.parameters(), { lr: fixture.lr });
    const curve: number[] = [];
    for (let step = 0; step < fixture.curve.length; step++) {
      optimizer.zeroGrad();
      const loss = halfSquaredError(model, X, Y);
      curve.push(loss.item());
      if (step === fixture.curve.length - 1) break;
      loss.backward();
      optimizer.step();
    }
    // Rounding differences grow a little over the updates: 1e-11 relative still pins every digit that matters.
    curve.forEach((loss, s) => assertClose(`average loss after ${s} updates`, loss, fixture.curve[s]!, { atol: 1e-12, rtol: 1e-11 }));
    expect(curve.at(-1)!).toBeLessThan(curve[0]!);
    linears.forEach((layer, l) => assertClose(`final W${l + 1}`, layer.W.value, Matrix.fromArray(fixture.final.W[l]!), { atol: 1e-11, rtol: 1e-11 }));
  });
});
