import { describe, expect, it } from "vitest";
import fixture from "../../fixtures/ops.json" with { type: "json" };
import { tensor } from "../tensor.js";
import { expectGradcheck, positive, torchCases } from "../testing-node/op-fixtures.js";
import { log } from "./log.js";

describe("log", () => {
  torchCases(fixture.ops.log, ([x]) => log(x!));

  it("passes gradcheck", () => expectGradcheck((x) => log(x), [positive(3, 3)]));

  it("∂ln x/∂x = 1/x", () => {
    const x = tensor([[1, 4]]);
    log(x).sum().backward();
    expect(x.grad.toArray()).toEqual([[1, 0.25]]);
  });

  it("a NaN loss (log of a negative number) is refused by backward, not propagated", () => {
    expect(() => log(tensor([[-1]])).backward()).toThrow(/^Tensor\.backward: the loss is NaN/);
  });
});
