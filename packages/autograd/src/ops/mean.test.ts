import { describe, expect, it } from "vitest";
import { Matrix } from "@mytorch/matrix";
import fixture from "../../fixtures/ops.json" with { type: "json" };
import { tensor } from "../tensor.js";
import { expectGradcheck, randn, torchCases } from "../testing-node/op-fixtures.js";
import { mean } from "./mean.js";

describe("mean", () => {
  torchCases(fixture.ops.mean, ([x], o) => mean(x!, o.dim as 0 | 1 | undefined));

  it("passes gradcheck over all entries, dim 0 and dim 1", () => {
    expectGradcheck((x) => mean(x), [randn(3, 4)]);
    expectGradcheck((x) => mean(x, 0), [randn(3, 4)]);
    expectGradcheck((x) => mean(x, 1), [randn(3, 4)]);
  });

  it("∂mean/∂x = 1/n everywhere", () => {
    const x = tensor([[1, 2], [3, 4]]);
    const m = mean(x);
    expect(m.item()).toBe(2.5);
    m.backward();
    expect(x.grad.toArray()).toEqual([[0.25, 0.25], [0.25, 0.25]]);
  });

  it("throws for an empty axis instead of returning NaN", () => {
    expect(() => mean(tensor(Matrix.zeros(0, 3)), 0)).toThrow(/^mean: cannot average over an empty axis of a 0×3 tensor$/);
  });
});
