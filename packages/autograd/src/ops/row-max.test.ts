import { describe, expect, it } from "vitest";
import { Matrix } from "@mytorch/matrix";
import fixture from "../../fixtures/ops.json" with { type: "json" };
import { tensor } from "../tensor.js";
import { expectGradcheck, randn, torchCases } from "../testing-node/op-fixtures.js";
import { rowMax } from "./row-max.js";

describe("rowMax", () => {
  torchCases(fixture.ops.rowMax, ([x]) => rowMax(x!));

  it("passes gradcheck (no ties in random data)", () => expectGradcheck((x) => rowMax(x), [randn(4, 5)]));

  it("the gradient goes to the winning entry, the first one on a tie", () => {
    const x = tensor([[1, 5, 5], [7, 2, 3]]);
    const y = rowMax(x);
    expect(y.value.toArray()).toEqual([[5], [7]]);
    y.sum().backward();
    expect(x.grad.toArray()).toEqual([[0, 1, 0], [1, 0, 0]]);
  });

  it("throws for a tensor without columns", () => {
    expect(() => rowMax(tensor(Matrix.zeros(2, 0)))).toThrow(/^rowMax: needs at least one column, got 2×0$/);
  });
});
