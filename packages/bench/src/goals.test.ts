import { describe, expect, it } from "vitest";
import { GOALS, MAIN_SHAPES, SKINNY_SHAPE, THIN_SHAPES, THREAD_SHAPES, WASM_SHAPES, checkGoals, type PairedResult, type ProductSpeeds } from "./goals.js";

/**
 * Every shape at the given speeds: ours 1t, ours 2t, ml-matrix, TF.js cpu; ours on the wasm kernel exactly
 * 2× ours and TF.js wasm exactly 1/0.6 of that (issue 17's thresholds).
 */
function speeds(ours: number, others: number, overrides: Record<string, Record<string, number>> = {}): ProductSpeeds {
  const shapes = [...MAIN_SHAPES, SKINNY_SHAPE, ...THIN_SHAPES];
  return new Map(shapes.map((s) => [s, { "ours-1t": ours, "ours-2t": 2 * ours, "ml-matrix": others, "tfjs-cpu": others,
    "ours-wasm-1t": 2 * ours, "ours-wasm-2t": 4 * ours, "tfjs-wasm": (2 * ours) / 0.6, ...overrides[s] }]));
}

const paired = (medianRatio: number, ceiling: number): PairedResult[] =>
  THREAD_SHAPES.map((shape) => ({ shape, label: `the ${shape} product`, medianRatio, ceiling }));

const statuses = (checks: ReturnType<typeof checkGoals>): string[] => checks.map((c) => c.status);

describe("checkGoals", () => {
  it("meets every goal exactly at its threshold", () => {
    const checks = checkGoals({
      products: speeds(GOALS.mainGflops, GOALS.mainGflops / GOALS.ratioToOthers),
      paired: paired(GOALS.twoThreadRatio, 2),
      epoch: {
        oneThreadSeconds: 6, twoThreadSeconds: 3, arraysPerStep: 0,
        tfjsWasmSeconds: 9, // 1.5× the 1-thread epoch, 3× the 2-thread one
        wasmOneThreadSeconds: 3.6, // TF.js WASM 2.5× slower
      },
    });
    expect(checks).toHaveLength(4 + THREAD_SHAPES.length + 5 + 3);
    expect(statuses(checks).every((s) => s === "met")).toBe(true);
  });

  it("misses a product goal on the slowest shape and the worst competitor", () => {
    const checks = checkGoals({
      products: speeds(7, 0.6, {
        sq128: { "ours-1t": 4.99 },         // one main shape under 5 GFLOP/s
        skinny: { "tfjs-cpu": 7 / 4.9 },    // TF.js cpu within 4.9× on the skinny shape
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
    const checks = checkGoals({ epoch: { oneThreadSeconds: 10.01, twoThreadSeconds: 6.01, arraysPerStep: 2, tfjsWasmSeconds: 15 } });
    expect(statuses(checks)).toEqual([...Array<string>(5).fill("not run"), "missed", "missed", "missed", "missed", "missed", "not run", "not run", "not run"]);
    expect(checks[8]!.measured).toBe("1.50× (15.00 s / 10.01 s)");
  });

  it("calls the two-thread epoch goal against TF.js WASM machine-limited only when no split could reach it", () => {
    const epoch = { oneThreadSeconds: 8, twoThreadSeconds: 5, arraysPerStep: 0, tfjsWasmSeconds: 12 }; // 1.5× and 2.4×
    const twoThreadGoal = (checks: ReturnType<typeof checkGoals>) => checks.find((c) => c.goal.startsWith("one epoch on 2 threads"))!;
    const slowCores = twoThreadGoal(checkGoals({ paired: paired(1.6, 1.9), epoch })); // 1.5 × 1.9 = 2.85 < 3
    const fastCores = twoThreadGoal(checkGoals({ paired: paired(1.6, 2.05), epoch })); // 1.5 × 2.05 = 3.08 ≥ 3
    expect([slowCores.status, fastCores.status]).toEqual(["machine-limited", "missed"]);
    expect(slowCores.measured).toBe("2.40× (12.00 s / 5.00 s); 1-thread ratio × two-core ceiling = 2.85×");
  });

  it("issue 17: the wasm kernel's goals name the lowest ratio and its shape, and miss just under the thresholds", () => {
    const products = speeds(7, 0.6, {
      forward: { "ours-wasm-1t": 13.93 },             // 1.99× ours on X·W
      gradX: { "ours-wasm-1t": 14, "tfjs-wasm": 23.5 }, // 0.596× TF.js WASM on G·Wᵀ
    });
    const epoch = { oneThreadSeconds: 8, twoThreadSeconds: 5, arraysPerStep: 0, tfjsWasmSeconds: 12, wasmOneThreadSeconds: 4.81 };
    const wasm = checkGoals({ products, epoch }).slice(-3);
    expect(wasm.map((c) => [c.goal, c.measured, c.status])).toEqual([
      ["wasm kernel, 1 thread ≥ 2× the TS kernel on 512³ and the MLP products", "lowest 1.99× (forward)", "missed"],
      ["wasm kernel, 1 thread ≥ 0.6× TF.js WASM on 512³ and the MLP products", "lowest 0.60× (gradX)", "missed"],
      ["one epoch on the wasm kernel, 1 thread, ≥ 2.5× faster than TF.js WASM", "2.49× (12.00 s / 4.81 s)", "missed"],
    ]);
    expect(WASM_SHAPES).toEqual(["sq512", "forward", "gradW", "gradX"]);
  });

  it("issue 17's goals are not run when the wasm competitor or its epoch is missing", () => {
    const products = new Map([...speeds(7, 0.6)].map(([shape, row]): [string, Record<string, number>] => [
      shape, Object.fromEntries(Object.entries(row).filter(([who]) => who !== "ours-wasm-1t")),
    ]));
    expect(statuses(checkGoals({ products }).slice(-3))).toEqual(["not run", "not run", "not run"]);
  });

  it("refuses a run whose table lacks a shape the goals need", () => {
    const products = new Map([...speeds(7, 0.6)].filter(([shape]) => shape !== "gradW"));
    expect(() => checkGoals({ products })).toThrow(/no ours-1t speed for shape gradW/);
  });
});
