import { describe, expect, it } from "vitest";
import fixture from "../../fixtures/ops.json" with { type: "json" };
import { tensor } from "../tensor.js";
import { expectGradcheck, randn, torchCases } from "../testing-node/op-fixtures.js";
import { softmax } from "./softmax.js";

describe("softmax", () => {
  torchCases(fixture.ops.softmax, ([x]) => softmax(x!));

  it("passes gradcheck", () => expectGradcheck((x) => softmax(x), [randn(3, 5)]));

  it("rows sum to 1 and stay finite for logits of ±1000", () => {
    const y = softmax(tensor([[1000, -1000, 0], [1, 1, 1]]));
    expect(y.value.sumCols().toArray()).toEqual([[1], [1]]);
    expect(y.value.get(0, 0)).toBe(1);
    expect(y.value.get(1, 2)).toBeCloseTo(1 / 3, 15);
  });
});
