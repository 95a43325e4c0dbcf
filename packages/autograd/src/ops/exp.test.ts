import { describe, expect, it } from "vitest";
import fixture from "../../fixtures/ops.json" with { type: "json" };
import { tensor } from "../tensor.js";
import { expectGradcheck, randn, torchCases } from "../testing-node/op-fixtures.js";
import { exp } from "./exp.js";

describe("exp", () => {
  torchCases(fixture.ops.exp, ([x]) => exp(x!));

  it("passes gradcheck", () => expectGradcheck((x) => exp(x), [randn(3, 2)]));

  it("∂eˣ/∂x = eˣ", () => {
    const x = tensor([[0, 1]]);
    exp(x).sum().backward();
    expect(x.grad.toArray()).toEqual([[1, Math.E]]);
  });
});
