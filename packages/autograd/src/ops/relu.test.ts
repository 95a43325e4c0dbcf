import { describe, expect, it } from "vitest";
import fixture from "../../fixtures/ops.json" with { type: "json" };
import { tensor } from "../tensor.js";
import { expectGradcheck, randn, torchCases } from "../testing-node/op-fixtures.js";
import { relu } from "./relu.js";

describe("relu", () => {
  torchCases(fixture.ops.relu, ([x]) => relu(x!));

  it("passes gradcheck away from the kink at 0", () => expectGradcheck((x) => relu(x), [randn(4, 5)]));

  it("max(x, 0), and the derivative at exactly 0 is 0", () => {
    const x = tensor([[-1, 0, 2]]);
    const y = relu(x);
    expect(y.value.toArray()).toEqual([[0, 0, 2]]);
    y.sum().backward();
    expect(x.grad.toArray()).toEqual([[0, 0, 1]]);
  });
});
