import { describe, expect, it } from "vitest";
import fixture from "../../fixtures/ops.json" with { type: "json" };
import { tensor } from "../tensor.js";
import { expectGradcheck, randn, torchCases } from "../testing-node/op-fixtures.js";
import { sum } from "./sum.js";

describe("sum", () => {
  torchCases(fixture.ops.sum, ([x], o) => sum(x!, o.dim as 0 | 1 | undefined));

  it("passes gradcheck over all entries, dim 0 and dim 1", () => {
    expectGradcheck((x) => sum(x), [randn(3, 4)]);
    expectGradcheck((x) => sum(x, 0), [randn(3, 4)]);
    expectGradcheck((x) => sum(x, 1), [randn(3, 4)]);
  });

  it("all → 1×1, dim 0 → 1×n, dim 1 → m×1", () => {
    const x = tensor([[1, 2, 3], [4, 5, 6]]);
    expect(sum(x).value.toArray()).toEqual([[21]]);
    expect(sum(x, 0).value.toArray()).toEqual([[5, 7, 9]]);
    expect(sum(x, 1).value.toArray()).toEqual([[6], [15]]);
  });

  it("rejects another dim", () => {
    expect(() => sum(tensor([[1]]), 2 as 0)).toThrow(/^sum: dim must be 0 \(over rows\), 1 \(over columns\) or omitted \(all entries\), got 2$/);
  });
});
