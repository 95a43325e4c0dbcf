import { describe, expect, it } from "vitest";
import * as homework from "@mytorch/loss";
import { Matrix, ShapeError, assertClose, countFloat64Allocations, createRng, numericalGradient } from "@mytorch/matrix";
import { CrossEntropyLoss } from "./cross-entropy-loss.js";

/** One-hot targets for N rows of q classes, class (r·7 mod q) in row r. */
function oneHot(N: number, q: number): Matrix {
  const Y = Matrix.zeros(N, q);
  for (let r = 0; r < N; r++) Y.set(r, (r * 7) % q, 1);
  return Y;
}

describe("nn.CrossEntropyLoss", () => {
  it("gives the homework loss and dL/dO to the bit, for one-hot and soft targets and huge logits", () => {
    const rng = createRng(30);
    const soft = Matrix.rand(6, 4, { rng });
    const cases: [string, Matrix, Matrix][] = [
      ["one-hot", Matrix.randn(9, 10, { rng }).scale(3), oneHot(9, 10)],
      ["soft", Matrix.randn(6, 4, { rng }), soft.div(soft.sumCols())],
      ["huge logits", Matrix.fromArray([[1000, -1000, 0], [-750, 750, 749]]), oneHot(2, 3)],
    ];
    for (const [name, O, Y] of cases) {
      const reference = new homework.CrossEntropyLoss();
      const loss = new CrossEntropyLoss();
      expect(loss.forward(O, Y), name).toBe(reference.forward(O, Y));
      expect(loss.backward().equals(reference.backward()), name).toBe(true);
    }
  });

  it("backward matches finite differences of forward", () => {
    const rng = createRng(31);
    const O = Matrix.randn(5, 3, { rng }), Y = oneHot(5, 3);
    const loss = new CrossEntropyLoss();
    loss.forward(O, Y);
    assertClose("dL/dO", loss.backward(), numericalGradient(() => new CrossEntropyLoss().forward(O, Y), O), { atol: 1e-9, rtol: 1e-7 });
  });

  it("writes dL/dO into out, and allocates nothing once its softmax buffer exists", () => {
    const rng = createRng(32);
    const O = Matrix.randn(8, 5, { rng }), Y = oneHot(8, 5), out = Matrix.zeros(8, 5);
    const loss = new CrossEntropyLoss();
    loss.forward(O, Y);
    expect(loss.backward(out)).toBe(out);
    expect(out.equals(loss.backward())).toBe(true);
    expect(countFloat64Allocations(() => { loss.forward(O, Y); loss.backward(out); })).toEqual({ arrays: 0, bytes: 0 });
  });

  it("rejects mismatched shapes and non-finite logits by name, and backward before forward", () => {
    const loss = new CrossEntropyLoss();
    expect(() => loss.backward()).toThrow(/^CrossEntropyLoss\.backward: call forward first$/);
    expect(() => loss.forward(Matrix.zeros(2, 3), Matrix.zeros(3, 2))).toThrow(ShapeError);
    expect(() => loss.forward(Matrix.zeros(2, 3), Matrix.zeros(3, 2))).toThrow(/^CrossEntropyLoss\.forward: Y must have the shape of O \(2×3\), got 3×2$/);
    expect(() => loss.forward(Matrix.fromArray([[0, NaN]]), oneHot(1, 2))).toThrow(/^CrossEntropyLoss\.forward: O must be finite, got NaN at \(0, 1\)$/);
  });
});
