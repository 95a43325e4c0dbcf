import { describe, expect, it } from "vitest";
import { Matrix, ShapeError } from "@mytorch/matrix";
import { apply, defineOp } from "./apply.js";
import type { Op } from "./op.js";
import { tensor } from "./tensor.js";
import { expectGradcheck, randn } from "./testing-node/op-fixtures.js";

// A ReLU op written from scratch, as seed 003 answers question 9.
const myRelu = defineOp<{ mask: Matrix }>({
  name: "myRelu",
  forward(ctx, x) {
    ctx.mask = x.map((v) => (v > 0 ? 1 : 0)); // save [x > 0] for the backward
    return x.map((v) => (v > 0 ? v : 0)); //      max(x, 0)
  },
  backward(ctx, g) {
    return [g.mul(ctx.mask)]; // ∂L/∂x = ∂L/∂y ⊙ [x > 0]
  },
});

describe("defineOp: a user's op", () => {
  it("computes forward and backward and records an op node with its name", () => {
    const x = tensor([[-1, 2, 0.5]]);
    const y = myRelu(x);
    expect(y.value.toArray()).toEqual([[0, 2, 0.5]]);
    expect(y.source!.op).toBe(myRelu.op);
    expect(y.source!.op.name).toBe("myRelu");
    y.sum().backward();
    expect(x.grad.toArray()).toEqual([[0, 1, 1]]);
  });

  it("passes gradcheck and agrees with the built-in relu", () => {
    expectGradcheck((x) => myRelu(x), [randn(4, 3)]);
    const x = tensor(randn(4, 3));
    expect(myRelu(x).value.equals(x.relu().value)).toBe(true);
  });

  it("a class works the same way", () => {
    class Square implements Op<{ x: Matrix }> {
      readonly name = "square";
      forward(ctx: { x: Matrix }, x: Matrix): Matrix {
        ctx.x = x;
        return x.mul(x);
      }
      backward(ctx: { x: Matrix }, g: Matrix): Matrix[] {
        return [g.mul(ctx.x).scale(2)];
      }
    }
    const x = tensor([[3]]);
    apply(new Square(), [x]).backward();
    expect(x.grad.toArray()).toEqual([[6]]);
    expectGradcheck((t) => apply(new Square(), [t]), [randn(2, 2)]);
  });

  it("a backward that returns a wrong shape fails loudly, naming the op and both shapes", () => {
    const bad = defineOp({ name: "bad", forward: (_c, x) => x.sum() === 0 ? x : x.clone(), backward: (_c, g) => [g.transpose()] });
    expect(() => bad(tensor(randn(2, 3))).backward({ gradient: Matrix.zeros(2, 3) })).toThrow(ShapeError);
    expect(() => bad(tensor(randn(2, 3))).backward({ gradient: Matrix.zeros(2, 3) })).toThrow(
      /^Op "bad"\.backward: the gradient for input 0 must be 2×3 \(the shape of input 0\), got 3×2$/,
    );
  });

  it("a backward that returns the wrong number of gradients, or none, fails loudly", () => {
    const two = defineOp({ name: "two", forward: (_c, x) => x.clone(), backward: (_c, g) => [g, g] });
    expect(() => two(tensor(randn(1, 1))).backward()).toThrow(/^Op "two"\.backward must return 1 gradient\(s\), one per input, got 2$/);
    const none = defineOp({ name: "none", forward: (_c, x) => x.clone(), backward: () => [null] });
    expect(() => none(tensor(randn(1, 1))).backward()).toThrow(/^Op "none"\.backward returned no gradient \(a Matrix\) for input 0, which requires one$/);
  });

  it("a forward that does not return a Matrix fails loudly", () => {
    const wrong = defineOp({ name: "wrong", forward: () => 3 as unknown as Matrix, backward: (_c, g) => [g] });
    expect(() => wrong(randn(1, 1))).toThrow(/^Op "wrong"\.forward must return a Matrix, got number$/);
  });

  it("defineOp refuses an incomplete op", () => {
    expect(() => defineOp({ name: "", forward: (_c, x) => x, backward: (_c, g) => [g] })).toThrow(/^defineOp: an op needs a name/);
  });

  it("an op's options start its context", () => {
    const scaleBy = { name: "scaleBy", forward: (c: { s: number }, x: Matrix) => x.scale(c.s), backward: (c: { s: number }, g: Matrix) => [g.scale(c.s)] };
    const x = tensor([[1, 2]]);
    const y = apply(scaleBy, [x], { s: 3 });
    expect(y.value.toArray()).toEqual([[3, 6]]);
  });
});
