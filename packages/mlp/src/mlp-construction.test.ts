import { describe, expect, it } from "vitest";
import { Identity, ReLU } from "@mytorch/activation";
import { Matrix, createRng } from "@mytorch/matrix";
import { MLP0 } from "./mlp0.js";
import { MLP1 } from "./mlp1.js";
import { MLP4 } from "./mlp4.js";

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
