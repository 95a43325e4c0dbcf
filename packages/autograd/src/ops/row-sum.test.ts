import { describe, expect, it } from "vitest";
import fixture from "../../fixtures/ops.json" with { type: "json" };
import { tensor } from "../tensor.js";
import { expectGradcheck, randn, torchCases } from "../testing-node/op-fixtures.js";
import { rowSum } from "./row-sum.js";

describe("rowSum", () => {
  torchCases(fixture.ops.rowSum, ([x]) => rowSum(x!));

  it("passes gradcheck", () => expectGradcheck((x) => rowSum(x), [randn(3, 4)]));

  it("(2×3) → (2×1)", () => {
    expect(rowSum(tensor([[1, 2, 3], [4, 5, 6]])).value.toArray()).toEqual([[6], [15]]);
  });
});
