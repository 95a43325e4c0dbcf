import { describe, expect, it } from "vitest";
import { Matrix, createRng } from "@mytorch/matrix";
import { CIRCLE_RADIUS, circleLabel, generateCirclePoints, signAccuracy } from "./circle-data.js";
import { CIRCLE_TABLE, circleDatasets, circleModel, formatCircleTable, runCircleExperiment } from "./circle.js";
import { Linear } from "./linear.js";

describe("circle data (seed 001)", () => {
  it("the circle of radius 1/√(2π) has area 1/2", () => {
    expect(Math.PI * CIRCLE_RADIUS ** 2).toBeCloseTo(0.5, 15);
  });

  it("labels: +1 at the centre, −1 in the corners and just outside the radius", () => {
    expect(circleLabel(0.5, 0.5)).toBe(1);
    expect(circleLabel(0, 0)).toBe(-1);
    expect(circleLabel(0.5 + CIRCLE_RADIUS * 0.999, 0.5)).toBe(1);
    expect(circleLabel(0.5, 0.5 + CIRCLE_RADIUS * 1.001)).toBe(-1);
  });

  it("10⁵ points are in [0, 1]², labelled by distance, about half inside (within 5σ = 0.8%)", () => {
    const { X, Y } = generateCirclePoints(100_000, createRng(1));
    expect(X.shape).toEqual([100_000, 2]);
    expect(Y.shape).toEqual([100_000, 1]);
    let inside = 0;
    let outOfSquare = 0;
    let mislabelled = 0;
    for (let i = 0; i < X.rows; i++) {
      const x = X.data[2 * i]!;
      const y = X.data[2 * i + 1]!;
      if (!(x >= 0 && x < 1 && y >= 0 && y < 1)) outOfSquare++;
      // Independent of circleLabel: the squared distance compared with 1/(2π).
      if (Y.data[i] !== ((x - 0.5) ** 2 + (y - 0.5) ** 2 < 1 / (2 * Math.PI) ? 1 : -1)) mislabelled++;
      if (Y.data[i] === 1) inside++;
    }
    expect([outOfSquare, mislabelled]).toEqual([0, 0]);
    expect(Math.abs(inside / X.rows - 0.5)).toBeLessThan(5 * Math.sqrt(0.25 / X.rows));
  });

  it("the same seed gives the same train and test sets; train and test differ", () => {
    const a = circleDatasets(7, 50, 50);
    const b = circleDatasets(7, 50, 50);
    expect(a.train.X.equals(b.train.X) && a.test.X.equals(b.test.X)).toBe(true);
    expect(a.train.X.equals(a.test.X)).toBe(false);
  });

  it("signAccuracy reads output ≥ 0 as +1", () => {
    expect(signAccuracy(Matrix.column([0.3, -0.2, 0, -1]), Matrix.column([1, 1, 1, -1]))).toBe(0.75);
    expect(() => signAccuracy(Matrix.zeros(2, 2), Matrix.zeros(2, 1))).toThrow(/^signAccuracy: O and Y must both be N×1, got 2×2 and 2×1$/);
  });
});

describe("circle experiment", () => {
  it("the model is 2 → 25 → 25 → 25 → 1 with ReLU, ReLU, Tanh, Tanh", () => {
    const model = circleModel("kaimingNormal", createRng(1));
    expect(model.modules.map((m) => m.constructor.name)).toEqual(["Linear", "ReLU", "Linear", "ReLU", "Linear", "Tanh", "Linear", "Tanh"]);
    expect(model.modules.filter((m): m is Linear => m instanceof Linear).map((l) => [l.inFeatures, l.outFeatures])).toEqual([[2, 25], [25, 25], [25, 25], [25, 1]]);
  });

  it("a short run (SGD batch 2, 300 points, 15 epochs) learns the circle: test accuracy > 85%", () => {
    // A smoke test of the training loop; the full table (1,000 points, 100 epochs) is `pnpm --filter @mytorch/nn circle`.
    const [row] = runCircleExperiment({ seed: 3, nTrain: 300, nTest: 300, runs: [CIRCLE_TABLE[1]!], epochs: 15 });
    expect(row!.epochs).toBe(15);
    expect(row!.testAccuracy).toBeGreaterThan(0.85);
    expect(row!.trainAccuracy).toBeGreaterThan(0.85);
    const table = formatCircleTable([row!]);
    expect(table.split("\n")[0]).toMatch(/^Optimizer\s+Train acc %\s+Test acc %\s+Settings$/);
    expect(table).toContain(`SGD batch size = 2`);
    expect(table).toContain((100 * row!.testAccuracy).toFixed(1));
  });
});
