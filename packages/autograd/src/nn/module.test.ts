import { describe, expect, it } from "vitest";
import { Matrix } from "@mytorch/matrix";
import { Tensor, tensor } from "../tensor.js";
import { ReLU, Sigmoid, Tanh, Identity, Softmax, LogSoftmax } from "./activations.js";
import { Linear } from "./linear.js";
import { Module } from "./module.js";
import { Sequential } from "./sequential.js";

class TwoLayer extends Module {
  first = new Linear(2, 3);
  extra = tensor([[1]], { name: "scale" });
  data = tensor([[1]], { requiresGrad: false });
  blocks = [new Linear(3, 3), new ReLU()];
  forward(x: Tensor): Tensor {
    return this.blocks[0]!.forward(this.first.forward(x)).mul(this.extra);
  }
}

describe("nn.Module", () => {
  it("parameters() finds tensor fields, sub-modules and arrays of modules, in field order, skipping data", () => {
    const m = new TwoLayer();
    const first = m.first, block = m.blocks[0] as Linear;
    expect(m.parameters()).toEqual([first.W, first.b, m.extra, block.W, block.b]);
  });

  it("lists a shared parameter once", () => {
    const shared = new Linear(2, 2);
    expect(new Sequential(shared, new ReLU(), shared).parameters()).toHaveLength(2);
  });

  it("zeroGrad() forgets every parameter's gradient", () => {
    const m = new TwoLayer();
    m.forward(tensor([[1, 2]], { requiresGrad: false })).sum().backward();
    expect(m.parameters().every((p) => p.hasGrad)).toBe(true);
    m.zeroGrad();
    expect(m.parameters().some((p) => p.hasGrad)).toBe(false);
  });
});

describe("nn.Sequential", () => {
  it("applies its layers in order", () => {
    const l1 = new Linear(2, 3), l2 = new Linear(3, 1);
    const model = new Sequential(l1, new ReLU(), l2);
    const x = tensor(Matrix.fromArray([[1, -1], [0.5, 2]]), { requiresGrad: false });
    const expected = l2.forward(l1.forward(x).relu());
    expect(model.forward(x).value.equals(expected.value)).toBe(true);
    expect(model.parameters()).toEqual([l1.W, l1.b, l2.W, l2.b]);
  });

  it("refuses something that is not a Module", () => {
    expect(() => new Sequential(new ReLU(), {} as Module)).toThrow(/^Sequential: argument 1 must be a Module$/);
  });
});

describe("activation modules", () => {
  it("apply the ops of the same name; Identity records nothing", () => {
    const x = tensor([[-1, 0.5]]);
    expect(new ReLU().forward(x).value.equals(x.relu().value)).toBe(true);
    expect(new Sigmoid().forward(x).value.equals(x.sigmoid().value)).toBe(true);
    expect(new Tanh().forward(x).value.equals(x.tanh().value)).toBe(true);
    expect(new Softmax().forward(x).value.equals(x.softmax().value)).toBe(true);
    expect(new LogSoftmax().forward(x).value.equals(x.logSoftmax().value)).toBe(true);
    expect(new Identity().forward(x)).toBe(x);
    expect(new ReLU().parameters()).toEqual([]);
  });
});
