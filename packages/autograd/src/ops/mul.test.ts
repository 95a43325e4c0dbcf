import { describe, expect, it } from "vitest";
import fixture from "../../fixtures/ops.json" with { type: "json" };
import { tensor } from "../tensor.js";
import { expectGradcheck, randn, torchCases } from "../testing-node/op-fixtures.js";
import { mul } from "./mul.js";

describe("mul", () => {
  torchCases(fixture.ops.mul, ([a, b]) => mul(a!, b!));

  it("passes gradcheck, equal shapes and a broadcast row", () => {
    expectGradcheck((a, b) => mul(a, b), [randn(3, 4), randn(3, 4, 2)]);
    expectGradcheck((a, b) => mul(a, b), [randn(3, 4), randn(1, 4)]);
  });

  it("x ⊙ x gets both contributions: ∂(Σ x²)/∂x = 2x", () => {
    const x = tensor([[1, -2, 3]]);
    mul(x, x).sum().backward();
    expect(x.grad.toArray()).toEqual([[2, -4, 6]]);
  });

  it("scales by a number", () => {
    const x = tensor([[1, 2]]);
    mul(x, 3).sum().backward();
    expect(x.grad.toArray()).toEqual([[3, 3]]);
  });

  it("throws for shapes that do not broadcast", () => {
    expect(() => mul(randn(4, 3), randn(2, 3))).toThrow(/^mul: shapes 4×3 and 2×3 cannot be broadcast/);
  });
});
