import { describe, expect, it } from "vitest";
import fixture from "../../fixtures/ops.json" with { type: "json" };
import { tensor } from "../tensor.js";
import { expectGradcheck, randn, torchCases } from "../testing-node/op-fixtures.js";
import { select } from "./select.js";

describe("select", () => {
  torchCases(fixture.ops.select, ([x], o) => select(x!, o.indices as number[]));

  it("passes gradcheck", () => expectGradcheck((x) => select(x, [2, 0, 1]), [randn(3, 4)]));

  it("picks X[i, indices[i]] and routes the gradient back there only", () => {
    const x = tensor([[1, 2, 3], [4, 5, 6]]);
    const y = select(x, [2, 0]);
    expect(y.value.toArray()).toEqual([[3], [4]]);
    y.sum().backward();
    expect(x.grad.toArray()).toEqual([[0, 0, 1], [1, 0, 0]]);
  });

  it("rejects a wrong number of indices and an index out of range", () => {
    expect(() => select(randn(2, 3), [0])).toThrow(/^select: needs one index per row \(2 for a 2×3 tensor\), got 1$/);
    expect(() => select(randn(2, 3), [0, 3])).toThrow(/^select: index 1 is 3, expected an integer in 0…2$/);
  });
});
