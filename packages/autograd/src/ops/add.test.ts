import { describe, expect, it } from "vitest";
import { Matrix, ShapeError } from "@mytorch/matrix";
import fixture from "../../fixtures/ops.json" with { type: "json" };
import { tensor } from "../tensor.js";
import { expectGradcheck, randn, torchCases } from "../testing-node/op-fixtures.js";
import { add } from "./add.js";

describe("add", () => {
  torchCases(fixture.ops.add, ([a, b]) => add(a!, b!));

  it("passes gradcheck, equal shapes and a bias row broadcast over the batch", () => {
    expectGradcheck((a, b) => add(a, b), [randn(3, 4), randn(3, 4, 1)]);
    expectGradcheck((x, bias) => add(x, bias), [randn(5, 3), randn(1, 3)]);
  });

  it("passes gradcheck when both inputs broadcast (3×1 + 1×4 → 3×4)", () => {
    expectGradcheck((a, b) => add(a, b), [randn(3, 1), randn(1, 4)]);
  });

  it("a bias row's gradient is the batch sum Σᵢ ∂L/∂Cᵢ", () => {
    const x = tensor([[1, 2], [3, 4], [5, 6]]);
    const b = tensor([[10, 20]]);
    const c = add(x, b);
    expect(c.value.toArray()).toEqual([[11, 22], [13, 24], [15, 26]]);
    c.backward({ gradient: Matrix.fromArray([[1, 2], [3, 4], [5, 6]]) });
    expect(b.grad.toArray()).toEqual([[9, 12]]);
    expect(x.grad.toArray()).toEqual([[1, 2], [3, 4], [5, 6]]);
  });

  it("adds a number as a constant", () => {
    const a = tensor([[1, 2]]);
    const c = add(a, 0.5);
    expect(c.value.toArray()).toEqual([[1.5, 2.5]]);
    expect(c.source!.inputs[1]!.requiresGrad).toBe(false);
  });

  it("throws ShapeError for shapes that do not broadcast", () => {
    expect(() => add(tensor([[1, 2, 3]]), tensor([[1, 2]]))).toThrow(ShapeError);
    expect(() => add(randn(2, 3), randn(3, 2))).toThrow(/^add: shapes 2×3 and 3×2 cannot be broadcast/);
  });
});
