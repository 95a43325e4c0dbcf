import { expect, it } from "vitest";
import { Matrix } from "@mytorch/matrix";
import { activationSuite, fixture } from "./activation-suite.test-helper.js";
import { Tanh } from "./tanh.js";

activationSuite("Tanh", "Problem 4(b)", () => new Tanh(), fixture.tanh, () => {
  it("tanh(±1000) is exactly ±1, with derivative 0", () => {
    const f = new Tanh();
    expect(f.forward(Matrix.row([1000, -1000])).toArray()).toEqual([[1, -1]]);
    expect(f.backward().toArray()).toEqual([[0, 0]]);
  });
});
