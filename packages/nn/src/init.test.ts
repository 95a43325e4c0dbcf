import { describe, expect, it } from "vitest";
import { createRng } from "@mytorch/matrix";
import fixture from "../fixtures/init.json" with { type: "json" };
import { INIT_NAMES, initVariance, type InitName } from "./init.js";
import { Linear } from "./linear.js";

// Reference: torch.nn.init on a 500-in, 400-out weight in float64 (fixtures-gen/nn.py): torch's own
// sample variance and largest |w|. Both ours and torch's are estimates from 2·10⁵ draws: the relative
// standard error of a sample variance is √(2/n) ≈ 0.32% (normal), less for uniform, so the two agree
// within 3% (≈ 7 standard errors of their difference). The largest |w| of a uniform init sits within
// B·(1 − 10⁻⁴) of the bound B with overwhelming probability; we allow 0.1%.
const { inFeatures, outFeatures } = fixture;

function stats(init: InitName, seed: number): { mean: number; variance: number; maxAbs: number } {
  const W = new Linear(inFeatures, outFeatures, { init, rng: createRng(seed) }).W;
  const n = W.data.length;
  const mean = W.sum() / n;
  let variance = 0;
  let maxAbs = 0;
  for (const w of W.data) {
    variance += (w - mean) ** 2;
    maxAbs = Math.max(maxAbs, Math.abs(w));
  }
  return { mean, variance: variance / n, maxAbs };
}

describe("initialisers against torch.nn.init (500 → 400)", () => {
  fixture.cases.forEach((c, index) => {
    const init = c.init as InitName;
    it(`${init}: variance within 3% of torch's, mean ≈ 0`, () => {
      const ours = stats(init, 10 + index);
      if (c.variance === 0) {
        expect(ours.variance).toBe(0);
        expect(ours.maxAbs).toBe(0);
        return;
      }
      expect(Math.abs(ours.variance / c.variance - 1)).toBeLessThan(0.03);
      // The mean's standard error is σ/√n ≈ σ·2.2e-3; allow 5 of them.
      expect(Math.abs(ours.mean)).toBeLessThan(5 * Math.sqrt(c.variance / (inFeatures * outFeatures)));
      // Torch's sample variance also matches our formula (the formula, not just the sample, is right).
      expect(Math.abs(c.variance / initVariance(init, inFeatures, outFeatures) - 1)).toBeLessThan(0.03);
    });
    if (init.endsWith("Uniform")) {
      it(`${init}: largest |w| within 0.1% of torch's (the bound B)`, () => {
        expect(Math.abs(stats(init, 20 + index).maxAbs / c.maxAbs - 1)).toBeLessThan(1e-3);
      });
    }
  });

  it("covers every init except the homework one, which has its own test", () => {
    expect(fixture.cases.map((c) => c.init).sort()).toEqual(INIT_NAMES.filter((n) => n !== "homework").sort());
  });

  it("homework: the same W as the homework Linear with the same seed, variance 0.01", () => {
    const ours = stats("homework", 3);
    expect(Math.abs(ours.variance / 0.01 - 1)).toBeLessThan(0.03);
  });

  it("an unknown init throws naming it", () => {
    expect(() => new Linear(2, 2, { init: "he" as InitName })).toThrow(/^initWeight: init must be one of homework, .*, got he$/);
  });
});
