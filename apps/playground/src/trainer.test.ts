import { describe, expect, it } from "vitest";
import { CIRCLE_TABLE, circleDatasets, runCircleExperiment } from "@mytorch/nn";
import { loadNetwork, exportNetwork } from "./network-json.js";
import { CIRCLE_TASK_SETTINGS, DEFAULT_SETTINGS } from "./state.js";
import { Trainer } from "./trainer.js";

describe("Trainer", () => {
  it("circle task settings: the same data as `pnpm train --task circle` (seed 0)", () => {
    const t = new Trainer(CIRCLE_TASK_SETTINGS);
    const { train, test } = circleDatasets(0);
    expect(t.train.X.data).toEqual(train.X.data);
    expect(t.train.Y.data).toEqual(train.Y.data);
    expect(t.test.X.data).toEqual(test.X.data);
    expect(t.test.Y.data).toEqual(test.Y.data);
  });

  it("circle task settings, 3 epochs: the same loss as trainCircleRun to the bit", () => {
    const losses: number[] = [];
    const [row] = runCircleExperiment({ seed: 0, runs: [CIRCLE_TABLE[0]!], epochs: 3, onEpoch: (_r, _e, loss) => losses.push(loss) });
    const t = new Trainer(CIRCLE_TASK_SETTINGS);
    for (let e = 0; e < 3; e++) expect(t.trainEpoch().train.loss).toBe(losses[e]);
    expect(t.evaluate().test.accuracy).toBe(row!.testAccuracy);
  });

  it("default settings: ≥ 95% test accuracy within 200 epochs", () => {
    const t = new Trainer(DEFAULT_SETTINGS);
    let epoch = 0;
    while (t.evaluate().test.accuracy < 0.95 && epoch < 200) { t.trainEpoch(); epoch++; }
    expect(t.evaluate().test.accuracy).toBeGreaterThanOrEqual(0.95);
  });

  it("export then load: the same predictions", () => {
    for (const loss of ["mse", "ce"] as const) {
      const t = new Trainer({ ...DEFAULT_SETTINGS, loss });
      for (let e = 0; e < 3; e++) t.trainEpoch();
      const loaded = loadNetwork(JSON.stringify(exportNetwork(t)));
      expect(loaded.predict(t.test.X)).toEqual(t.predict(t.test.X));
    }
  });
});
