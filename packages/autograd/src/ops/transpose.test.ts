import { describe, expect, it } from "vitest";
import fixture from "../../fixtures/ops.json" with { type: "json" };
import { tensor } from "../tensor.js";
import { expectGradcheck, randn, torchCases } from "../testing-node/op-fixtures.js";
import { transpose } from "./transpose.js";

describe("transpose", () => {
  torchCases(fixture.ops.transpose, ([x]) => transpose(x!));

  it("passes gradcheck", () => expectGradcheck((x) => transpose(x), [randn(2, 3)]));

  it("(2×3)ᵀ is 3×2", () => {
    expect(transpose(tensor([[1, 2, 3], [4, 5, 6]])).value.toArray()).toEqual([[1, 4], [2, 5], [3, 6]]);
  });
});
