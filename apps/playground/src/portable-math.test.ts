import { describe, expect, it } from "vitest";
import { createRng } from "@mytorch/matrix";
import { tanh } from "./portable-math.js";

describe("portable tanh", () => {
  it("special values: ±0, ±∞, NaN, tiny and huge arguments", () => {
    expect(Object.is(tanh(0), 0)).toBe(true);
    expect(Object.is(tanh(-0), -0)).toBe(true);
    expect(tanh(Infinity)).toBe(1);
    expect(tanh(-Infinity)).toBe(-1);
    expect(tanh(NaN)).toBeNaN();
    expect(tanh(1e-300)).toBe(1e-300);
    expect(tanh(-30)).toBe(-1);
    expect(tanh(1)).toBeCloseTo(0.7615941559557649, 15);
  });

  it("is fdlibm's tanh: equal to the bit to Node's Math.tanh (V8's fdlibm port) on 10⁶ arguments", () => {
    const rng = createRng(1);
    let differ = 0;
    let example = "";
    for (let k = 0; k < 1_000_000; k++) {
      const x = (rng.uniform() - 0.5) * (k % 3 === 0 ? 50 : k % 3 === 1 ? 4 : 1e-3);
      if (!Object.is(tanh(x), Math.tanh(x))) {
        differ++;
        example ||= `tanh(${x}) = ${tanh(x)}, Math.tanh = ${Math.tanh(x)}`;
      }
    }
    // If this fails, this Node's V8 no longer uses fdlibm's tanh; the playground stays deterministic,
    // but `pnpm train --task circle` (nn's Tanh, Math.tanh) would give other numbers than the page.
    expect(example).toBe("");
    expect(differ).toBe(0);
  });
});
