import { describe, expect, it } from "vitest";
import fixture from "../../fixtures/ops.json" with { type: "json" };
import { tensor } from "../tensor.js";
import { expectGradcheck, randn, torchCases } from "../testing-node/op-fixtures.js";
import { neg } from "./neg.js";

describe("neg", () => {
  torchCases(fixture.ops.neg, ([x]) => neg(x!));

  it("passes gradcheck", () => expectGradcheck((x) => neg(x), [randn(2, 5)]));

  it("−x with ∂L/∂x = −1 for L = Σ −x", () => {
    const x = tensor([[1, -2]]);
    const y = neg(x);
    expect(y.value.toArray()).toEqual([[-1, 2]]);
    y.sum().backward();
    expect(x.grad.toArray()).toEqual([[-1, -1]]);
  });
});
