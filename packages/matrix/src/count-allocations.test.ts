import { describe, expect, it } from "vitest";
import { countFloat64Allocations } from "./count-allocations.js";
import { Matrix } from "./matrix.js";

describe("countFloat64Allocations", () => {
  it("counts the arrays and bytes a callback creates, and restores the global", () => {
    const Original = globalThis.Float64Array;
    const counted = countFloat64Allocations(() => {
      Matrix.zeros(3, 4); //          one array, 96 bytes
      new Float64Array(10); //        one array, 80 bytes
      Float64Array.from([1, 2]); //   one array, 16 bytes
    });
    expect(counted).toEqual({ arrays: 3, bytes: 96 + 80 + 16 });
    expect(globalThis.Float64Array).toBe(Original);
  });

  it("counts nothing for in-place work, and restores the global when the callback throws", () => {
    const m = Matrix.zeros(2, 2);
    expect(countFloat64Allocations(() => m.fill(1).scaleInPlace(2))).toEqual({ arrays: 0, bytes: 0 });
    const Original = globalThis.Float64Array;
    expect(() => countFloat64Allocations(() => { throw new Error("boom"); })).toThrow("boom");
    expect(globalThis.Float64Array).toBe(Original);
  });
});
