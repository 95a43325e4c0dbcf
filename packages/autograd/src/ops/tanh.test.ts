import { describe, expect, it } from "vitest";
import fixture from "../../fixtures/ops.json" with { type: "json" };
import { tensor } from "../tensor.js";
import { expectGradcheck, randn, torchCases } from "../testing-node/op-fixtures.js";
import { tanh } from "./tanh.js";

describe("tanh", () => {
  torchCases(fixture.ops.tanh, ([x]) => tanh(x!));

  it("passes gradcheck", () => expectGradcheck((x) => tanh(x), [randn(3, 4)]));

  it("tanh 0 = 0 with slope 1", () => {
    const x = tensor([[0]]);
    const y = tanh(x);
    y.backward();
    expect(y.item()).toBe(0);
    expect(x.grad.toArray()).toEqual([[1]]);
  });
});
