import { describe, expect, it } from "vitest";
import { Matrix, ShapeError } from "@mytorch/matrix";
import { noGrad } from "./apply.js";
import { topologicalOrder } from "./backpropagate.js";
import { OpNode } from "./op.js";
import { Tensor, tensor } from "./tensor.js";

describe("the computation graph of C = A + B (seed 002, questions 5 and 6)", () => {
  const make = () => {
    const a = tensor([[1, 2], [3, 4]], { name: "A" });
    const b = tensor([[10, 20], [30, 40]], { name: "B" });
    return { a, b, c: a.add(b) };
  };

  it("c.value holds the sum of the raw values", () => {
    expect(make().c.value.toArray()).toEqual([[11, 22], [33, 44]]);
  });

  it("c.source is the op node that made c: the add op, its inputs, its outputs", () => {
    const { a, b, c } = make();
    expect(c.source).toBeInstanceOf(OpNode);
    expect(c.source!.op.name).toBe("add");
    expect(c.source!.inputs).toEqual([a, b]);
    expect(c.source!.outputs).toEqual([c]);
    expect(a.source).toBeNull(); // a leaf
  });

  it("c.source.inputs[0].value is A's raw matrix", () => {
    const { a, c } = make();
    expect(c.source!.inputs[0]!.value).toBe(a.value);
  });

  it("a.grad is ∂L/∂A: zeros before backward, ones after L = Σ C", () => {
    const { a, b, c } = make();
    expect(a.grad.toArray()).toEqual([[0, 0], [0, 0]]);
    expect(a.hasGrad).toBe(false);
    c.sum().backward();
    expect(a.grad.toArray()).toEqual([[1, 1], [1, 1]]);
    expect(b.grad.toArray()).toEqual([[1, 1], [1, 1]]);
  });
});

describe("backward", () => {
  it("a tensor used twice gets both contributions: L = Σ (x ⊙ x + x) → ∂L/∂x = 2x + 1", () => {
    const x = tensor([[1, -2, 3]]);
    x.mul(x).add(x).sum().backward();
    expect(x.grad.toArray()).toEqual([[3, -3, 7]]);
  });

  it("a diamond (x feeds two branches that meet again) sums the branches", () => {
    // L = Σ eˣ ⊙ 3x (two branches from x): ∂L/∂x = eˣ·3x + eˣ·3 = 3eˣ(x + 1)
    const x = tensor([[0.5, -1]]);
    const e = x.exp();
    const three = x.mul(3);
    e.mul(three).sum().backward();
    const expected = [0.5, -1].map((v) => 3 * Math.exp(v) * (v + 1));
    expect(x.grad.data[0]).toBeCloseTo(expected[0]!, 14);
    expect(x.grad.data[1]).toBeCloseTo(expected[1]!, 14);
  });

  it("gradients add up over backward calls until zeroGrad", () => {
    const w = tensor([[2]]);
    w.mul(3).backward();
    w.mul(3).backward();
    expect(w.grad.toArray()).toEqual([[6]]);
    w.zeroGrad();
    expect(w.hasGrad).toBe(false);
    expect(w.grad.toArray()).toEqual([[0]]);
  });

  it("frees the graph by default: a second backward through it throws and says how to keep it", () => {
    const x = tensor([[1, 2]]);
    const loss = x.mul(x).sum();
    loss.backward();
    expect(loss.source!.freed).toBe(true);
    expect(() => loss.backward()).toThrow(
      /^Tensor\.backward: the graph through op "sum" was freed by an earlier backward\(\); pass \{ retainGraph: true \}/,
    );
  });

  it("retainGraph keeps it: a second backward adds exactly one more copy of every gradient", () => {
    const x = tensor([[1, 2]]);
    const h = x.mul(x); // an intermediate tensor keeps its gradient too
    const loss = h.sum();
    loss.backward({ retainGraph: true });
    expect(x.grad.toArray()).toEqual([[2, 4]]);
    loss.backward();
    expect(x.grad.toArray()).toEqual([[4, 8]]);
    expect(h.grad.toArray()).toEqual([[2, 2]]);
  });

  it("needs a 1×1 loss or a gradient of the tensor's shape", () => {
    const y = tensor([[1, 2]]).mul(2);
    expect(() => y.backward()).toThrow(ShapeError);
    expect(() => y.backward()).toThrow(/^Tensor\.backward: needs a 1×1 tensor \(a loss\) or \{ gradient \}, got 1×2/);
    expect(() => y.backward({ gradient: Matrix.zeros(2, 1) })).toThrow(
      /^Tensor\.backward: gradient must be 1×2 \(the shape of the tensor\), got 2×1$/,
    );
  });

  it("refuses a tensor that requires no gradient and a non-finite loss", () => {
    const data = tensor([[1]], { requiresGrad: false });
    expect(() => data.mul(2).backward()).toThrow(/^Tensor\.backward: this tensor does not require a gradient/);
    expect(() => tensor([[Infinity]]).mul(1).backward()).toThrow(/^Tensor\.backward: the loss is Infinity/);
  });

  it("does not compute gradients for data (requiresGrad false) and records no graph from data alone", () => {
    const x = tensor([[1, 2]], { requiresGrad: false });
    const w = tensor([[3], [4]]);
    const out = x.matmul(w);
    expect(x.mul(2).source).toBeNull();
    out.backward();
    expect(x.hasGrad).toBe(false);
    expect(w.grad.toArray()).toEqual([[1], [2]]);
  });

  it("noGrad records nothing", () => {
    const w = tensor([[1]]);
    const y = noGrad(() => w.mul(2));
    expect(y.source).toBeNull();
    expect(y.requiresGrad).toBe(false);
    expect(w.mul(2).source).not.toBeNull(); // recording is back on afterwards
  });

  it("handles a chain of 20,000 ops without overflowing the call stack", () => {
    const x = tensor([[1]]);
    let y = x;
    for (let k = 0; k < 20_000; k++) y = y.add(1);
    y.backward();
    expect(x.grad.toArray()).toEqual([[1]]);
  });
});

describe("topologicalOrder", () => {
  it("c = a + b, d = ReLU(c): inputs before outputs, so backward (the reverse) visits d, c, then the leaves (seed 000)", () => {
    const a = tensor([[1]], { name: "a" });
    const b = tensor([[2]], { name: "b" });
    const c = a.add(b);
    c.name = "c";
    const d = c.relu();
    d.name = "d";
    expect(topologicalOrder(d).map((t) => t.name)).toEqual(["a", "b", "c", "d"]);
  });

  it("lists a tensor used twice once", () => {
    const x = tensor([[1]]);
    expect(topologicalOrder(x.mul(x))).toHaveLength(2);
  });
});

describe("Tensor", () => {
  it("item() reads a 1×1 tensor and refuses others", () => {
    expect(tensor([[4]]).item()).toBe(4);
    expect(() => tensor([[1, 2]]).item()).toThrow(/^Tensor\.item: needs a 1×1 tensor, got 1×2$/);
  });

  it("grad can be set with the value's shape only", () => {
    const t = tensor([[1, 2]]);
    t.grad = Matrix.fromArray([[5, 6]]);
    expect(t.grad.toArray()).toEqual([[5, 6]]);
    expect(() => (t.grad = Matrix.zeros(2, 2))).toThrow(/^Tensor\.grad: must be 1×2 \(the shape of the value\), got 2×2$/);
  });

  it("detach() shares the value and cuts the graph", () => {
    const y = tensor([[1]]).mul(2);
    const d = y.detach();
    expect(d.value).toBe(y.value);
    expect(d.source).toBeNull();
    expect(d.requiresGrad).toBe(false);
  });

  it("rejects a value that is not a Matrix", () => {
    expect(() => new Tensor([[1]] as unknown as Matrix)).toThrow(/^Tensor: value must be a Matrix, got object$/);
  });

  it("toString names the tensor, its shape and its source", () => {
    expect(tensor([[1, 2]], { name: "a" }).add(1).toString()).toMatch(/^Tensor 1×2 \(from add\)\nMatrix 1×2/);
    expect(tensor([[1]], { name: "w" }).toString()).toMatch(/^Tensor "w" 1×1 \(leaf\)/);
  });
});
