import { describe, expect, it } from "vitest";
import { Matrix } from "@mytorch/matrix";
import { defineOp } from "./apply.js";
import { gradcheck } from "./gradcheck.js";
import { Tensor } from "./tensor.js";
import { randn } from "./testing-node/op-fixtures.js";

// A sigmoid whose backward forgot the (1 − y) factor: the bug gradcheck is for.
const wrongSigmoid = defineOp<{ y: Matrix }>({
  name: "wrongSigmoid",
  forward: (ctx, x) => (ctx.y = x.map((v) => 1 / (1 + Math.exp(-v)))),
  backward: (ctx, g) => [g.mul(ctx.y)],
});

describe("gradcheck", () => {
  it("passes a correct backward and reports the max error, the tolerance and each input", () => {
    const report = gradcheck((a, b) => a.mul(b).sum(), [randn(2, 3), randn(2, 3, 9)]);
    expect(report.pass).toBe(true);
    expect(report.maxError).toBeLessThan(1e-8);
    expect(report.tolerance).toBe("|backward − numeric| ≤ 1e-6 + 1e-5·|numeric|");
    expect(report.inputs.map((r) => [r.index, r.shape, r.pass])).toEqual([[0, "2×3", true], [1, "2×3", true]]);
    expect(report.message).toMatch(/^gradcheck passed: max \|backward − numeric\| = \S+ over 2 input\(s\)/);
  });

  it("fails a wrong backward and says which input and which entry", () => {
    const report = gradcheck((x) => wrongSigmoid(x), [randn(2, 2)]);
    expect(report.pass).toBe(false);
    expect(report.maxError).toBeGreaterThan(0.1);
    expect(report.message).toMatch(/^gradcheck failed:\n {2}input 0 \(2×2\): 2×2, max \|diff\| \S+, worst at \(\d, \d\): backward \S+, numeric \S+; tolerance/);
  });

  it("tests every output entry of a non-scalar function through a random projection", () => {
    // An identity whose backward swaps the columns of ∂L/∂Y. Through L = Σ Y the gradient
    // is all ones, which a swap leaves unchanged, so a plain sum misses the bug; the random
    // projection G (L = Σ Y ⊙ G) catches it.
    const swapped = defineOp({
      name: "swapped",
      forward: (_c, x) => x.clone(),
      backward: (_c, g) => [Matrix.fromArray(g.toArray().map((row) => [row[1]!, row[0]!]))],
    });
    expect(gradcheck((x) => swapped(x).sum(), [randn(3, 2)]).pass).toBe(true);
    expect(gradcheck((x) => swapped(x), [randn(3, 2)]).pass).toBe(false);
  });

  it("holds constant the tensors that require no gradient and restores every value", () => {
    const x = randn(2, 2);
    const before = x.clone();
    const constant = new Tensor(randn(2, 2, 5), { requiresGrad: false });
    const report = gradcheck((a, c) => a.mul(c).sum(), [x, constant]);
    expect(report.inputs).toHaveLength(1);
    expect(x.equals(before)).toBe(true);
  });

  it("refuses inputs that cannot be checked", () => {
    expect(() => gradcheck((a) => a, [new Tensor(randn(1, 1), { requiresGrad: false })])).toThrow(
      /^gradcheck: no input requires a gradient, nothing to check$/,
    );
    expect(() => gradcheck(() => new Tensor(randn(1, 1), { requiresGrad: false }), [randn(1, 1)])).toThrow(
      /^gradcheck: f's output does not depend on any input/,
    );
  });
});
