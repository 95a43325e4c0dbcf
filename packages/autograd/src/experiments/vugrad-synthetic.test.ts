import { describe, expect, it } from "vitest";
import { Matrix, createRng } from "@mytorch/matrix";
import { vugradSynthetic } from "./vugrad-synthetic.js";

describe("vugradSynthetic", () => {
  it("labels are [xᵀQx > 0.6], recomputed independently as the diagonal of X·Q·Xᵀ", () => {
    const { train } = vugradSynthetic({ numTrain: 500, numVal: 10, rng: createRng(1) });
    const Q = Matrix.fromArray([[1, 0.5], [1, 0.2]]);
    const XQ = train.X.matmul(Q);
    for (let i = 0; i < 500; i++) {
      const q = XQ.get(i, 0) * train.X.get(i, 0) + XQ.get(i, 1) * train.X.get(i, 1); // (X·Q·Xᵀ)ᵢᵢ
      expect(train.y[i]).toBe(q > 0.6 ? 1 : 0);
    }
  });

  it("60,000 / 10,000 by default, x ~ N(0, I₂), both classes present", () => {
    const { train, val } = vugradSynthetic({ rng: createRng(2) });
    expect(train.X.shape).toEqual([60_000, 2]);
    expect(val.X.shape).toEqual([10_000, 2]);
    expect(Math.abs(train.X.mean())).toBeLessThan(0.02); // standard error 1/√120000 ≈ 0.003
    const variance = train.X.map((v) => v * v).mean();
    expect(Math.abs(variance - 1)).toBeLessThan(0.02);
    const positive = train.y.reduce((n, y) => n + y, 0) / train.y.length;
    expect(positive).toBeGreaterThan(0.3);
    expect(positive).toBeLessThan(0.7);
  });

  it("the same seed gives the same data; numbers are checked", () => {
    const a = vugradSynthetic({ numTrain: 20, numVal: 5, rng: createRng(3) });
    const b = vugradSynthetic({ numTrain: 20, numVal: 5, rng: createRng(3) });
    expect(a.val.X.equals(b.val.X)).toBe(true);
    expect(() => vugradSynthetic({ numTrain: 0 })).toThrow(/^vugradSynthetic: numTrain must be an integer ≥ 1, got 0$/);
  });
});
