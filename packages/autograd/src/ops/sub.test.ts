import { describe, expect, it } from "vitest";
import fixture from "../../fixtures/ops.json" with { type: "json" };
import { tensor } from "../tensor.js";
import { expectGradcheck, randn, torchCases } from "../testing-node/op-fixtures.js";
import { sub } from "./sub.js";

describe("sub", () => {
  torchCases(fixture.ops.sub, ([a, b]) => sub(a!, b!));

  it("passes gradcheck, with B broadcast as a column", () => {
    expectGradcheck((a, b) => sub(a, b), [randn(3, 4), randn(3, 1)]);
  });

  it("∂L/∂B = −∂L/∂C", () => {
    const a = tensor([[5, 7]]);
    const b = tensor([[1, 2]]);
    sub(a, b).sum().backward();
    expect(a.grad.toArray()).toEqual([[1, 1]]);
    expect(b.grad.toArray()).toEqual([[-1, -1]]);
  });

  it("throws for shapes that do not broadcast", () => {
    expect(() => sub(randn(2, 3), randn(2, 2))).toThrow(/^sub: shapes 2×3 and 2×2 cannot be broadcast/);
  });
});
