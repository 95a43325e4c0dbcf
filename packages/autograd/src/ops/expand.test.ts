import { describe, expect, it } from "vitest";
import fixture from "../../fixtures/ops.json" with { type: "json" };
import { tensor } from "../tensor.js";
import { expectGradcheck, randn, torchCases } from "../testing-node/op-fixtures.js";
import { expand } from "./expand.js";

describe("expand", () => {
  torchCases(fixture.ops.expand, ([x], o) => expand(x!, o.rows as number, o.cols as number));

  it("passes gradcheck for a row, a column and a 1×1", () => {
    expectGradcheck((x) => expand(x, 4, 3), [randn(1, 3)]);
    expectGradcheck((x) => expand(x, 3, 16), [randn(3, 1)]);
    expectGradcheck((x) => expand(x, 2, 2), [randn(1, 1)]);
  });

  it("seed 002, question 4: a column x repeated into 16 columns gets ∂L/∂xᵢ = Σⱼ ∂L/∂Yᵢⱼ", () => {
    const x = tensor([[1], [2]]);
    const y = expand(x, 2, 16);
    expect(y.value.toArray()).toEqual([Array(16).fill(1), Array(16).fill(2)]);
    y.sum().backward();
    expect(x.grad.toArray()).toEqual([[16], [16]]);
  });

  it("throws ShapeError when an axis is neither equal nor 1", () => {
    expect(() => expand(randn(2, 3), 4, 3)).toThrow(
      /^expand: only an axis of size 1 can be repeated; a 2×3 tensor cannot become 4×3$/,
    );
  });
});
