import { describe, expect, it } from "vitest";
import { Matrix, assertClose, createRng } from "@mytorch/matrix";
import { Tensor, tensor } from "../tensor.js";
import { expectGradcheck, randn } from "../testing-node/op-fixtures.js";
import { Linear, type LinearOptions } from "./linear.js";

/** Sample mean and variance of every entry. */
function stats(m: Matrix): { mean: number; variance: number } {
  const mean = m.mean();
  return { mean, variance: m.sub(mean).map((v) => v * v).mean() };
}

describe("nn.Linear", () => {
  it("O = X·W + 1·bᵀ with W (in × out) and b (1 × out)", () => {
    const layer = new Linear(3, 2, { rng: createRng(0) });
    expect(layer.W.shape).toEqual([3, 2]);
    expect(layer.b!.shape).toEqual([1, 2]);
    layer.W.value = Matrix.fromArray([[1, 2], [0, -1], [3, 0.5]]);
    layer.b!.value = Matrix.fromArray([[0.5, -1]]);
    const O = layer.forward(tensor([[1, 0, 0], [0, 1, 0], [1, 1, 1]], { requiresGrad: false }));
    // Row i of O is Σₖ X[i][k]·W[k] + b, by hand: W's rows 1 and 2, then the sum of its rows, each plus b.
    assertClose("O", O.value, Matrix.fromArray([[1.5, 1], [0.5, -2], [4.5, 0.5]]), { atol: 0, rtol: 0 });
  });

  it("parameters() are W and b, in that order; none for b when bias is false", () => {
    const layer = new Linear(2, 3);
    expect(layer.parameters()).toEqual([layer.W, layer.b]);
    expect(new Linear(2, 3, { bias: false }).parameters()).toHaveLength(1);
  });

  it("passes gradcheck for W, b and X through L = Σ O ⊙ G", () => {
    const layer = new Linear(3, 2, { rng: createRng(1) });
    layer.b!.value = randn(1, 2, 3);
    expectGradcheck((x, W, b) => x.matmul(W).add(b), [randn(5, 3), layer.W, layer.b!]);
  });

  it("the same seed gives the same weights", () => {
    expect(new Linear(4, 5, { rng: createRng(7) }).W.value.equals(new Linear(4, 5, { rng: createRng(7) }).W.value)).toBe(true);
  });

  // Initialisation statistics on a 1000×1000 layer (10⁶ draws): the sample variance of a
  // distribution with variance σ² has standard error about σ²·√(2/10⁶) ≈ 0.0014·σ² (normal) and
  // less for a uniform; 2 % is more than 10 standard errors, tight enough to tell the rules apart.
  const cases: [string, LinearOptions, number][] = [
    ["glorotUniform (default): U(−a, a), a = √(6/(n_in + n_out)), variance 2/(n_in + n_out)", {}, 2 / 2000],
    ["glorotNormal: variance 2/(n_in + n_out)", { init: "glorotNormal" }, 2 / 2000],
    ["kaimingNormal: variance 2/n_in", { init: "kaimingNormal" }, 2 / 1000],
    ["kaimingUniform: variance 2/n_in", { init: "kaimingUniform" }, 2 / 1000],
    ["homework: N(0, 0.01)", { init: "homework" }, 0.01],
    ["standardNormal: N(0, 1)", { init: "standardNormal" }, 1],
  ];
  for (const [name, options, variance] of cases) {
    it(`init ${name}`, () => {
      const layer = new Linear(1000, 1000, { ...options, rng: createRng(3) });
      const s = stats(layer.W.value);
      expect(Math.abs(s.mean)).toBeLessThan(0.01 * Math.sqrt(variance));
      expect(s.variance / variance).toBeGreaterThan(0.98);
      expect(s.variance / variance).toBeLessThan(1.02);
      expect(layer.b!.value.maxAbs()).toBe(0);
    });
  }

  it("glorotUniform stays inside ±√(6/(n_in + n_out))", () => {
    const a = Math.sqrt(6 / (30 + 20));
    const W = new Linear(30, 20, { rng: createRng(4) }).W.value;
    expect(W.maxAbs()).toBeLessThanOrEqual(a);
    expect(W.maxAbs()).toBeGreaterThan(0.95 * a);
  });

  it("takes an initialiser function and zeros", () => {
    expect(new Linear(2, 2, { init: (i, o) => Matrix.full(i, o, 3) }).W.value.toArray()).toEqual([[3, 3], [3, 3]]);
    expect(new Linear(2, 2, { init: "zeros" }).W.value.maxAbs()).toBe(0);
  });

  it("rejects bad sizes, an unknown init, an init of the wrong shape and input of the wrong width", () => {
    expect(() => new Linear(0, 2)).toThrow(/^Linear: inFeatures and outFeatures must be integers ≥ 1, got 0 and 2$/);
    expect(() => new Linear(2, 2, { init: "glorot" as "zeros" })).toThrow(/^Linear: unknown init "glorot"; expected one of glorotUniform, /);
    expect(() => new Linear(2, 3, { init: () => Matrix.zeros(3, 2) })).toThrow(/^Linear: init must return 2×3, got 3×2$/);
    expect(() => new Linear(3, 2).forward(new Tensor(Matrix.zeros(4, 5)))).toThrow(
      /^Linear\.forward: X must be N×3 \(inFeatures = 3\), got 4×5$/,
    );
  });
});
