import { describe, expect, it } from "vitest";
import fixture from "../../fixtures/ops.json" with { type: "json" };
import { tensor } from "../tensor.js";
import { expectGradcheck, randn, torchCases } from "../testing-node/op-fixtures.js";
import { squeeze } from "./squeeze.js";
import { unsqueeze } from "./unsqueeze.js";

describe("unsqueeze", () => {
  torchCases(fixture.ops.unsqueeze, ([x]) => unsqueeze(x!));

  it("passes gradcheck", () => expectGradcheck((x) => unsqueeze(x), [randn(1, 4)]));

  it("a 1×n vector becomes an n×1 column, and unsqueeze(squeeze(c)) = c", () => {
    const column = tensor([[1], [2], [3]]);
    expect(unsqueeze(squeeze(column)).value.toArray()).toEqual([[1], [2], [3]]);
  });

  it("throws ShapeError unless the input is 1×n", () => {
    expect(() => unsqueeze(randn(3, 1))).toThrow(/^unsqueeze: needs a 1×n vector, got 3×1$/);
  });
});
