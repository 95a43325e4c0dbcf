import { expect, it } from "vitest";
import { Matrix } from "@mytorch/matrix";
import { activationSuite, fixture } from "./activation-suite.test-helper.js";
import { Sigmoid } from "./sigmoid.js";

activationSuite("Sigmoid", "Problem 4(a)", () => new Sigmoid(), fixture.sigmoid, () => {
  it("σ(±1000) is exactly 1 and 0, with derivative 0, no NaN", () => {
    const f = new Sigmoid();
    expect(f.forward(Matrix.row([1000, -1000])).toArray()).toEqual([[1, 0]]);
    expect(f.backward().toArray()).toEqual([[0, 0]]);
  });
});
