import { describe, expect, it } from "vitest";
import { Matrix, createRng } from "@mytorch/matrix";
import { accuracyOf, trainClassifier } from "./train-classifier.js";
import { vugradSynthetic } from "./vugrad-synthetic.js";

// A reduced vugrad experiment, fast enough for a unit test: 20,000 training
// examples, 10 epochs (the full 60,000 × 20 run is `pnpm --filter
// @mytorch/autograd experiment`; its numbers are in docs/autograd.md).
describe("trainClassifier: vugrad's experiment, reduced", () => {
  const { train, val } = vugradSynthetic({ numTrain: 20_000, numVal: 4_000, rng: createRng(5) });

  for (const activation of ["sigmoid", "relu"] as const) {
    it(`${activation}: the training loss falls and validation accuracy reaches 95 %`, () => {
      const result = trainClassifier(train, val, { activation, epochs: 10, lr: 0.003, seed: 1 });
      expect(result.epochs).toHaveLength(10);
      expect(result.epochs.at(-1)!.trainLoss).toBeLessThan(result.epochs[0]!.trainLoss);
      expect(result.valAccuracy).toBeGreaterThanOrEqual(0.95);
      expect(result.model.parameters().map((p) => p.shape)).toEqual([[2, 8], [1, 8], [8, 2], [1, 2]]);
    });
  }

  it("the same seed trains the same model", () => {
    const small = vugradSynthetic({ numTrain: 300, numVal: 50, rng: createRng(6) });
    const a = trainClassifier(small.train, small.val, { activation: "relu", epochs: 2, seed: 4, shuffle: true });
    const b = trainClassifier(small.train, small.val, { activation: "relu", epochs: 2, seed: 4, shuffle: true });
    expect(a.epochs).toEqual(b.epochs);
  });

  it("rejects an unknown activation", () => {
    expect(() => trainClassifier(train, val, { activation: "tanh" as "relu" })).toThrow(
      /^trainClassifier: activation must be "sigmoid" or "relu", got "tanh"$/,
    );
  });
});

describe("accuracyOf", () => {
  it("counts rows whose largest logit is at the label", () => {
    const logits = Matrix.fromArray([[2, 1], [0, 3], [5, -1], [0, 1]]);
    expect(accuracyOf(logits, Int32Array.of(0, 1, 1, 1))).toBe(0.75);
  });
});
