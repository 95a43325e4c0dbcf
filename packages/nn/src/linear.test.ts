import { describe, expect, it } from "vitest";
import { Linear as HomeworkLinear } from "@mytorch/linear";
import { Matrix, assertClose, createRng, numericalGradient } from "@mytorch/matrix";
import { Linear } from "./linear.js";

// Central differences with h = 1e-6 on O(1) values are good to about 1e-9.
const FD_TOL = { atol: 1e-7, rtol: 1e-7 };

describe("nn.Linear", () => {
  it("init 'homework' (the default) draws exactly the homework layer's W from the same seed", () => {
    const ours = new Linear(4, 3, { rng: createRng(5) });
    const theirs = new HomeworkLinear(4, 3, { rng: createRng(5) });
    expect(ours.W.equals(theirs.W)).toBe(true);
    expect(ours.b.toArray()).toEqual([[0, 0, 0]]);
    expect(ours).toBeInstanceOf(HomeworkLinear);
  });

  it("another init consumes only the caller's rng for its own draws", () => {
    const a = new Linear(3, 2, { init: "kaimingNormal", rng: createRng(9) });
    const rng = createRng(9);
    const expected = Matrix.fromArray([0, 1, 2].map(() => [rng.normal(), rng.normal()])).scale(Math.sqrt(2 / 3));
    assertClose("W", a.W, expected, { atol: 1e-15, rtol: 1e-15 });
  });

  it("parameters() reads W, b, dLdW, dLdb at call time (backward assigns new matrices)", () => {
    const layer = new Linear(3, 2, { rng: createRng(1) });
    const [W, b] = layer.parameters() as [ReturnType<Linear["parameters"]>[number], ReturnType<Linear["parameters"]>[number]];
    expect([W.name, b.name]).toEqual(["W", "b"]);
    layer.forward(Matrix.fromArray([[1, 2, 3]]));
    layer.backward(Matrix.fromArray([[1, -1]]));
    expect(W.grad).toBe(layer.dLdW);
    expect(b.grad).toBe(layer.dLdb);
    layer.W = Matrix.zeros(3, 2);
    expect(W.value).toBe(layer.W);
  });

  it("backward matches finite differences of L = Σ O ⊙ G (W, b and A)", () => {
    const rng = createRng(3);
    const layer = new Linear(4, 3, { init: "glorotUniform", rng });
    const A = Matrix.randn(5, 4, { rng });
    const G = Matrix.randn(5, 3, { rng });
    const loss = (): number => layer.forward(A).mul(G).sum();
    layer.forward(A);
    const dLdA = layer.backward(G);
    assertClose("dL/dW", layer.dLdW, numericalGradient(loss, layer.W), FD_TOL);
    assertClose("dL/db", layer.dLdb, numericalGradient(loss, layer.b), FD_TOL);
    assertClose("dL/dA", dLdA, numericalGradient(loss, A), FD_TOL);
  });

  it("train() / eval() set the mode and return the layer", () => {
    const layer = new Linear(2, 2);
    expect(layer.eval()).toBe(layer);
    expect(layer.training).toBe(false);
    expect(layer.train().training).toBe(true);
  });
});
