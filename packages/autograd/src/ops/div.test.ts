import { describe, expect, it } from "vitest";
import fixture from "../../fixtures/ops.json" with { type: "json" };
import { tensor } from "../tensor.js";
import { expectGradcheck, positive, randn, torchCases } from "../testing-node/op-fixtures.js";
import { div } from "./div.js";

describe("div", () => {
  torchCases(fixture.ops.div, ([a, b]) => div(a!, b!));

  it("passes gradcheck (seed 002, question 1), equal shapes and a broadcast column", () => {
    expectGradcheck((x, y) => div(x, y), [randn(3, 4), positive(3, 4)]);
    expectGradcheck((x, y) => div(x, y), [randn(3, 4), positive(3, 1)]);
  });

  it("∂(x/y)/∂x = 1/y and ∂(x/y)/∂y = −x/y²", () => {
    const x = tensor([[6]]);
    const y = tensor([[2]]);
    div(x, y).backward();
    expect(x.grad.toArray()).toEqual([[0.5]]);
    expect(y.grad.toArray()).toEqual([[-1.5]]);
  });

  it("throws for shapes that do not broadcast", () => {
    expect(() => div(randn(2, 3), randn(3, 3))).toThrow(/^div: shapes 2×3 and 3×3 cannot be broadcast/);
  });
});
