import { describe, expect, it } from "vitest";
import { GOALS, MAIN_SHAPES, SKINNY_SHAPE, THIN_SHAPES, THREAD_SHAPES, checkGoals, type PairedResult, type ProductSpeeds } from "./goals.js";

/** Every shape at the given speeds: ours 1t, ours 2t, ml-matrix, TF.js. */
function speeds(ours: number, others: number, overrides: Record<string, Record<string, number>> = {}): ProductSpeeds {
  const shapes = [...MAIN_SHAPES, SKINNY_SHAPE, ...THIN_SHAPES];
  return new Map(shapes.map((s) => [s, { "ours-1t": ours, "ours-2t": 2 * ours, "ml-matrix": others, tfjs: others, ...overrides[s] }]));
}

const paired = (medianRatio: number, ceiling: number): PairedResult[] =>
  THREAD_SHAPES.map((shape) => ({ shape, label: `the ${shape} product`, medianRatio, ceiling }));

const statuses = (checks: ReturnType<typeof checkGoals>): string[] => checks.map((c) => c.status);

describe("checkGoals", () => {
  it("meets every goal exactly at its threshold", () => {
    const checks = checkGoals({
      products: speeds(GOALS.mainGflops, GOALS.mainGflops / GOALS.ratioToOthers),
      paired: paired(GOALS.twoThreadRatio, 2),
      epoch: { oneThreadSeconds: GOALS.epochOneThreadSeconds, twoThreadSeconds: GOALS.epochTwoThreadSeconds, arraysPerStep: 0 },
    });
    expect(checks).toHaveLength(4 + THREAD_SHAPES.length + 3);
    expect(statuses(checks).every((s) => s === "met")).toBe(true);
  });

  it("misses a product goal on the slowest shape and the worst competitor", () => {
    const checks = checkGoals({
      products: speeds(7, 0.6, {
        sq128: { "ours-1t": 4.99 },         // one main shape under 5 GFLOP/s
        skinny: { tfjs: 7 / 4.9 },          // TF.js within 4.9× on the skinny shape
        k1: { "ours-1t": 1, "ml-matrix": 0.6 }, // k = 1 only 1.7× ml-matrix
      }),
    });
    expect(checks.slice(0, 4).map((c) => [c.status, c.measured])).toEqual([
      ["missed", "slowest 4.99"],
      ["met", "7.00"],
      ["missed", "lowest 4.9×"],
      ["missed", "lowest 1.7×"],
    ]);
  });

  it("calls a missed two-thread goal machine-limited only when the two-core ceiling was below it", () => {
    const below = checkGoals({ paired: paired(1.6, 1.65) }).filter((c) => c.goal.startsWith("2 threads"));
    const above = checkGoals({ paired: paired(1.6, 1.95) }).filter((c) => c.goal.startsWith("2 threads"));
    expect(statuses(below)).toEqual(THREAD_SHAPES.map(() => "machine-limited"));
    expect(statuses(above)).toEqual(THREAD_SHAPES.map(() => "missed"));
    expect(above[0]!.goal).toBe("2 threads ≥ 1.7× 1 thread on the sq1024 product (paired median)");
    expect(above[0]!.measured).toBe("1.60× (two-core ceiling 1.95×)");
  });

  it("misses the epoch goals just over the limits, and says which parts were not run", () => {
    const checks = checkGoals({ epoch: { oneThreadSeconds: 10.01, twoThreadSeconds: 6.01, arraysPerStep: 2 } });
    expect(statuses(checks)).toEqual([...Array<string>(5).fill("not run"), "missed", "missed", "missed"]);
  });

  it("refuses a run whose table lacks a shape the goals need", () => {
    const products = new Map([...speeds(7, 0.6)].filter(([shape]) => shape !== "gradW"));
    expect(() => checkGoals({ products })).toThrow(/no ours-1t speed for shape gradW/);
  });
});
