import { describe, expect, it } from "vitest";
import fixture from "../../fixtures/ops.json" with { type: "json" };
import { tensor } from "../tensor.js";
import { expectGradcheck, positive, torchCases } from "../testing-node/op-fixtures.js";
import { normalize } from "./normalize.js";

describe("normalize", () => {
  torchCases(fixture.ops.normalize, ([x]) => normalize(x!));

  it("passes gradcheck (seed 003, question 8)", () => expectGradcheck((x) => normalize(x), [positive(3, 4)]));

  it("rows sum to 1, and Σ of a normalised row does not depend on x (gradient 0)", () => {
    const x = tensor([[1, 3], [2, 2]]);
    const y = normalize(x);
    expect(y.value.toArray()).toEqual([[0.25, 0.75], [0.5, 0.5]]);
    y.sum().backward();
    expect(x.grad.maxAbs()).toBeLessThan(1e-15);
  });
});
