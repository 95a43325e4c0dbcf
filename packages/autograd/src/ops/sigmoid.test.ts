import { describe, expect, it } from "vitest";
import fixture from "../../fixtures/ops.json" with { type: "json" };
import { tensor } from "../tensor.js";
import { expectGradcheck, randn, torchCases } from "../testing-node/op-fixtures.js";
import { sigmoid } from "./sigmoid.js";

describe("sigmoid", () => {
  torchCases(fixture.ops.sigmoid, ([x]) => sigmoid(x!));

  it("passes gradcheck", () => expectGradcheck((x) => sigmoid(x), [randn(3, 4)]));

  it("σ(0) = ½ with slope ¼; finite at ±1000", () => {
    const x = tensor([[0, 1000, -1000]]);
    const y = sigmoid(x);
    expect(y.value.toArray()).toEqual([[0.5, 1, 0]]);
    y.sum().backward();
    expect(x.grad.toArray()).toEqual([[0.25, 0, 0]]);
  });
});
