import { describe, expect, it } from "vitest";
import fixture from "../../fixtures/ops.json" with { type: "json" };
import { tensor } from "../tensor.js";
import { expectGradcheck, randn, torchCases } from "../testing-node/op-fixtures.js";
import { reshape } from "./reshape.js";

describe("reshape", () => {
  torchCases(fixture.ops.reshape, ([x], o) => reshape(x!, o.rows as number, o.cols as number));

  it("passes gradcheck", () => expectGradcheck((x) => reshape(x, 3, 2), [randn(2, 3)]));

  it("keeps the row-major order", () => {
    expect(reshape(tensor([[1, 2, 3], [4, 5, 6]]), 3, 2).value.toArray()).toEqual([[1, 2], [3, 4], [5, 6]]);
  });

  it("throws ShapeError when the number of entries differs", () => {
    expect(() => reshape(randn(2, 3), 4, 2)).toThrow(/^reshape: 4×2 must hold the same number of entries as 2×3 \(6\)$/);
  });
});
