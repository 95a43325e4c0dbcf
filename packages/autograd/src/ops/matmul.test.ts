import { describe, expect, it } from "vitest";
import fixture from "../../fixtures/ops.json" with { type: "json" };
import { Tensor, tensor } from "../tensor.js";
import { expectGradcheck, randn, torchCases } from "../testing-node/op-fixtures.js";
import { matmul } from "./matmul.js";

describe("matmul", () => {
  torchCases(fixture.ops.matmul, ([a, b]) => matmul(a!, b!));

  it("passes gradcheck (seed 002, question 3: ∂L/∂X = G·Wᵀ, ∂L/∂W = Xᵀ·G)", () => {
    expectGradcheck((x, w) => matmul(x, w), [randn(4, 3), randn(3, 2)]);
    expectGradcheck((x, w) => matmul(x, w), [randn(1, 5), randn(5, 1)]);
  });

  it("skips ∂L/∂X for a data input that needs no gradient", () => {
    const x = new Tensor(randn(3, 2), { requiresGrad: false });
    const w = tensor([[1, 2], [3, 4]]);
    matmul(x, w).sum().backward();
    expect(x.hasGrad).toBe(false);
    expect(w.hasGrad).toBe(true);
  });

  it("throws ShapeError naming both shapes when the inner sizes differ", () => {
    expect(() => matmul(randn(2, 3), randn(4, 2))).toThrow(/^matmul: inner dimensions must match, got 2×3 · 4×2$/);
  });
});
