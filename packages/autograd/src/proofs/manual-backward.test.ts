// The same MLP with the same weights: autograd's gradients equal the
// hand-written backward passes of the homework packages (@mytorch/mlp's MLP1
// and MLP4 with @mytorch/loss), two independent implementations of the chain rule.
import { describe, it } from "vitest";
import { Identity as ManualIdentity, Sigmoid as ManualSigmoid, Tanh as ManualTanh } from "@mytorch/activation";
import { CrossEntropyLoss as ManualCrossEntropy, MSELoss as ManualMSE } from "@mytorch/loss";
import { Matrix, assertClose, createRng, type Rng } from "@mytorch/matrix";
import { MLP1, MLP4 } from "@mytorch/mlp";
import { Linear } from "../nn/linear.js";
import { crossEntropyLoss, mseLoss } from "../nn/losses.js";
import { Sequential } from "../nn/sequential.js";
import { ReLU, Sigmoid, Tanh } from "../nn/activations.js";
import type { Module } from "../nn/module.js";
import { Tensor } from "../tensor.js";

/** Both are float64 sums of the same products, in nearly the same order. */
const TOL = { atol: 1e-12, rtol: 1e-12 };

type Manual = MLP1 | MLP4;

/** An autograd Sequential with a copy of the manual model's weights and the same activations. */
function mirror(manual: Manual, hidden: () => Module): Sequential {
  const layers: Module[] = [];
  manual.layers.forEach((layer, l) => {
    const linear = new Linear(layer.inFeatures, layer.outFeatures);
    linear.W.value = layer.W.clone();
    linear.b!.value = layer.b.clone();
    layers.push(linear);
    if (l < manual.layers.length - 1) layers.push(hidden());
  });
  return new Sequential(...layers);
}

/** Non-zero biases, so that ReLU inputs are not symmetric around the kink. */
function randomBiases(manual: Manual, rng: Rng): void {
  for (const layer of manual.layers) layer.b = Matrix.randn(1, layer.outFeatures, { rng, std: 0.3 });
}

function compare(manual: Manual, model: Sequential, X: Matrix, Y: Matrix, loss: "mse" | "crossEntropy"): void {
  // Hand-written: forward, loss, loss.backward, model.backward.
  const criterion = loss === "mse" ? new ManualMSE() : new ManualCrossEntropy();
  const manualLoss = criterion.forward(manual.forward(X), Y);
  const manualdLdX = manual.backward(criterion.backward());
  // Autograd: forward records the graph, one backward from the loss.
  const x = new Tensor(X.clone());
  const out = model.forward(x);
  const L = loss === "mse" ? mseLoss(out, Y) : crossEntropyLoss(out, Y);
  L.backward();
  assertClose("loss", L.item(), manualLoss, TOL);
  assertClose("∂L/∂X", x.grad, manualdLdX, TOL);
  const linears = model.layers.filter((m): m is Linear => m instanceof Linear);
  manual.layers.forEach((layer, l) => {
    assertClose(`layer ${l + 1} ∂L/∂W`, linears[l]!.W.grad, layer.dLdW, TOL);
    assertClose(`layer ${l + 1} ∂L/∂b`, linears[l]!.b!.grad, layer.dLdb, TOL);
  });
}

function oneHot(labels: number[], q: number): Matrix {
  const Y = Matrix.zeros(labels.length, q);
  labels.forEach((j, i) => Y.set(i, j, 1));
  return Y;
}

describe("autograd equals the manual backward of the homework's MLPs (1e-12)", () => {
  it("MLP1 6→16→3, ReLU, MSE", () => {
    const rng = createRng(11);
    const manual = new MLP1(6, 16, 3, { rng });
    randomBiases(manual, rng);
    compare(manual, mirror(manual, () => new ReLU()), Matrix.randn(20, 6, { rng }), Matrix.randn(20, 3, { rng }), "mse");
  });

  it("MLP1 5→8→4, ReLU, cross-entropy on one-hot targets", () => {
    const rng = createRng(12);
    const manual = new MLP1(5, 8, 4, { rng });
    randomBiases(manual, rng);
    const labels = Array.from({ length: 12 }, () => rng.int(4));
    compare(manual, mirror(manual, () => new ReLU()), Matrix.randn(12, 5, { rng }), oneHot(labels, 4), "crossEntropy");
  });

  it("MLP1 4→6→2, Sigmoid hidden layer, MSE", () => {
    const rng = createRng(13);
    const manual = new MLP1(4, 6, 2, { rng, activations: [new ManualSigmoid(), new ManualIdentity()] });
    randomBiases(manual, rng);
    compare(manual, mirror(manual, () => new Sigmoid()), Matrix.randn(9, 4, { rng }), Matrix.randn(9, 2, { rng }), "mse");
  });

  it("MLP4 7→[12, 10, 8, 6]→3, ReLU, MSE", () => {
    const rng = createRng(14);
    const manual = new MLP4(7, [12, 10, 8, 6], 3, { rng });
    randomBiases(manual, rng);
    compare(manual, mirror(manual, () => new ReLU()), Matrix.randn(16, 7, { rng }), Matrix.randn(16, 3, { rng }), "mse");
  });

  it("MLP4 784→[64, 32, 32, 16]→10, ReLU, cross-entropy (Fashion-MNIST widths)", () => {
    const rng = createRng(15);
    const manual = new MLP4(784, [64, 32, 32, 16], 10, { rng });
    randomBiases(manual, rng);
    const labels = Array.from({ length: 32 }, () => rng.int(10));
    compare(manual, mirror(manual, () => new ReLU()), Matrix.rand(32, 784, { rng }), oneHot(labels, 10), "crossEntropy");
  });

  it("MLP4 3→5→2, Tanh hidden layers, cross-entropy", () => {
    const rng = createRng(16);
    const activations = [new ManualTanh(), new ManualTanh(), new ManualTanh(), new ManualTanh(), new ManualIdentity()];
    const manual = new MLP4(3, 5, 2, { rng, activations });
    randomBiases(manual, rng);
    const labels = Array.from({ length: 8 }, () => rng.int(2));
    compare(manual, mirror(manual, () => new Tanh()), Matrix.randn(8, 3, { rng }), oneHot(labels, 2), "crossEntropy");
  });
});
