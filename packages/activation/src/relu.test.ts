import { expect, it } from "vitest";
import { Matrix } from "@mytorch/matrix";
import { activationSuite, fixture } from "./activation-suite.test-helper.js";
import { ReLU } from "./relu.js";

activationSuite("ReLU", "Problem 4(c)", () => new ReLU(), fixture.relu, () => {
  it("ReLU'(0) = 0, as in PyTorch", () => {
    const f = new ReLU();
    f.forward(Matrix.row([0, -0, 1e-300]));
    expect(f.backward().toArray()).toEqual([[0, 0, 1]]);
  });
});
