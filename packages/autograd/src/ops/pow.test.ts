import { describe, expect, it } from "vitest";
import fixture from "../../fixtures/ops.json" with { type: "json" };
import { tensor } from "../tensor.js";
import { expectGradcheck, positive, randn, torchCases } from "../testing-node/op-fixtures.js";
import { pow } from "./pow.js";

describe("pow", () => {
  torchCases(fixture.ops.pow, ([x], o) => pow(x!, o.p as number));

  it("passes gradcheck for p = 2, 3, 0.5 and −1.5", () => {
    expectGradcheck((x) => pow(x, 2), [randn(3, 3)]);
    expectGradcheck((x) => pow(x, 3), [randn(2, 3)]);
    expectGradcheck((x) => pow(x, 0.5), [positive(3, 2)]);
    expectGradcheck((x) => pow(x, -1.5), [positive(2, 2)]);
  });

  it("∂(x³)/∂x = 3x²", () => {
    const x = tensor([[2]]);
    pow(x, 3).backward();
    expect(x.grad.toArray()).toEqual([[12]]);
  });

  it("rejects an exponent that is not a finite number", () => {
    expect(() => pow(tensor([[1]]), Number.NaN)).toThrow(/^pow: the exponent must be a finite number, got NaN$/);
  });
});
