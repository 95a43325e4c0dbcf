import { describe, expect, it } from "vitest";
import fixture from "../../fixtures/ops.json" with { type: "json" };
import { tensor } from "../tensor.js";
import { expectGradcheck, randn, torchCases } from "../testing-node/op-fixtures.js";
import { logSoftmax } from "./log-softmax.js";

describe("logSoftmax", () => {
  torchCases(fixture.ops.logSoftmax, ([x]) => logSoftmax(x!));

  it("passes gradcheck", () => expectGradcheck((x) => logSoftmax(x), [randn(3, 5)]));

  it("is finite for logits of ±1000 (log-sum-exp trick)", () => {
    const y = logSoftmax(tensor([[1000, -1000, 0]]));
    expect(y.value.toArray()).toEqual([[0, -2000, -1000]]);
  });
});
