import { describe, expect, it } from "vitest";
import fixture from "../../fixtures/ops.json" with { type: "json" };
import { tensor } from "../tensor.js";
import { expectGradcheck, randn, torchCases } from "../testing-node/op-fixtures.js";
import { squeeze } from "./squeeze.js";

describe("squeeze", () => {
  torchCases(fixture.ops.squeeze, ([x]) => squeeze(x!));

  it("passes gradcheck", () => expectGradcheck((x) => squeeze(x), [randn(4, 1)]));

  it("an m×1 column becomes a 1×m vector; a 1×n row stays", () => {
    expect(squeeze(tensor([[1], [2], [3]])).shape).toEqual([1, 3]);
    expect(squeeze(tensor([[1, 2]])).shape).toEqual([1, 2]);
  });

  it("throws ShapeError for a matrix that is not a vector", () => {
    expect(() => squeeze(randn(2, 3))).toThrow(/^squeeze: needs a column m×1 or a row 1×n, got 2×3$/);
  });
});
