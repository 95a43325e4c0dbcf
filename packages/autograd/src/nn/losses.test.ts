import { describe, expect, it } from "vitest";
import { Matrix, assertClose } from "@mytorch/matrix";
import fixture from "../../fixtures/losses.json" with { type: "json" };
import { tensor } from "../tensor.js";
import { TORCH_TOL, expectGradcheck, randn } from "../testing-node/op-fixtures.js";
import { CrossEntropyLoss, MSELoss, crossEntropyLoss, mseLoss, type Reduction } from "./losses.js";

// Reference values: F.mse_loss and F.cross_entropy in PyTorch float64 (fixtures-gen/autograd.py).
describe("losses against PyTorch float64", () => {
  for (const c of fixture.cases) {
    const shape = `${c.O.length}×${c.O[0]!.length}`;
    it(`${c.kind === "mse" ? "mseLoss" : `crossEntropyLoss with ${c.kind}`}, ${c.reduction}, ${shape}`, () => {
      const O = tensor(c.O);
      const reduction = c.reduction as Reduction;
      const loss =
        c.kind === "mse" ? mseLoss(O, Matrix.fromArray(c.Y as number[][]), reduction)
        : c.kind === "labels" ? crossEntropyLoss(O, c.Y as number[], reduction)
        : crossEntropyLoss(O, Matrix.fromArray(c.Y as number[][]), reduction);
      assertClose("loss", loss.item(), c.loss, TORCH_TOL);
      loss.backward();
      assertClose("∂L/∂O", O.grad, Matrix.fromArray(c.dLdO), TORCH_TOL);
    });
  }
});

describe("losses", () => {
  it("pass gradcheck", () => {
    expectGradcheck((o) => mseLoss(o, randn(3, 2, 1)), [randn(3, 2)]);
    expectGradcheck((o) => crossEntropyLoss(o, [1, 0, 2]), [randn(3, 3)]);
    expectGradcheck((o) => crossEntropyLoss(o, Matrix.fromArray([[0.2, 0.8], [1, 0]])), [randn(2, 2)]);
  });

  it("the classes call the functions", () => {
    const O = tensor([[1, 2]]);
    expect(new MSELoss().forward(O, Matrix.fromArray([[0, 0]])).item()).toBe(2.5);
    expect(new MSELoss("sum").forward(O, Matrix.fromArray([[0, 0]])).item()).toBe(5);
    expect(new CrossEntropyLoss().forward(tensor([[0, 0]]), [1]).item()).toBeCloseTo(Math.LN2, 15);
  });

  it("reject targets of the wrong shape and bad labels", () => {
    expect(() => mseLoss(tensor([[1, 2]]), Matrix.zeros(2, 1))).toThrow(/^mseLoss: target must be 1×2 \(the shape of the output\), got 2×1$/);
    expect(() => crossEntropyLoss(tensor([[1, 2]]), Matrix.zeros(1, 3))).toThrow(
      /^crossEntropyLoss: targets must be 1×2 \(the shape of the logits\), got 1×3$/,
    );
    expect(() => crossEntropyLoss(tensor([[1, 2]]), [2])).toThrow(/^select: index 0 is 2, expected an integer in 0…1$/);
  });
});
