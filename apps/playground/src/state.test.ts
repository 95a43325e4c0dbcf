import { describe, expect, it } from "vitest";
import { CIRCLE_TASK_SETTINGS, DEFAULT_SETTINGS, decodeSettings, encodeSettings, trainCount, type Settings } from "./state.js";

const EVERYTHING_CHANGED: Settings = {
  dataset: "spiral",
  noise: 0.05,
  points: 500,
  trainPercent: 70,
  seed: 1234,
  layers: [3, 16, 1],
  activations: ["relu", "sigmoid", "tanh"],
  loss: "ce",
  optimizer: "momentum",
  lr: 0.003,
  batchSize: 7,
  l2: 0.001,
  init: "glorotNormal",
  stopAt: 250,
};

describe("URL state", () => {
  it("the defaults encode to a fixed, readable query", () => {
    expect(encodeSettings(DEFAULT_SETTINGS)).toBe(
      "dataset=circle&noise=0&points=1000&train=50&seed=0&layers=8,8&act=tanh&loss=mse&opt=adam&lr=0.003&batch=20&l2=0&init=kaimingNormal&stop=0",
    );
  });

  it("decode(encode(s)) = s for the defaults, the circle task and a run with every setting changed", () => {
    for (const s of [DEFAULT_SETTINGS, CIRCLE_TASK_SETTINGS, EVERYTHING_CHANGED, { ...EVERYTHING_CHANGED, layers: [], activations: [] }]) {
      const { settings, warnings } = decodeSettings(encodeSettings(s));
      expect(warnings).toEqual([]);
      expect(settings).toEqual(s);
    }
  });

  it("an empty query gives the defaults; one key changes only that setting", () => {
    expect(decodeSettings("").settings).toEqual(DEFAULT_SETTINGS);
    expect(decodeSettings("?lr=0.3").settings).toEqual({ ...DEFAULT_SETTINGS, lr: 0.3 });
  });

  it("one activation applies to every hidden layer; a list gives one per layer", () => {
    expect(decodeSettings("layers=4,4,4&act=relu").settings.activations).toEqual(["relu", "relu", "relu"]);
    expect(decodeSettings("layers=4,2&act=relu,sigmoid").settings.activations).toEqual(["relu", "sigmoid"]);
    expect(decodeSettings("layers=none").settings.layers).toEqual([]);
  });

  it("bad values fall back to the default with a warning naming the key, the rule and the value", () => {
    const { settings, warnings } = decodeSettings("dataset=moons&lr=-1&layers=8,99&act=swish&batch=0.5&seed=x");
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(warnings).toEqual([
      'layers: expected 0 to 4 widths of 1 to 32 units ("8,8" or "none"), got "8,99"',
      'act: expected one of sigmoid, tanh, relu or one per hidden layer, got "swish"',
      'dataset: expected one of circle, xor, gauss, spiral, got "moons"',
      'seed: expected an integer in [0, 2³¹], got "x"',
      'lr: expected a number in (0, 100], got "-1"',
      'batch: expected an integer ≥ 1, got "0.5"',
    ]);
    expect(decodeSettings("layers=1,2,3,4,5").warnings).toHaveLength(1);
    expect(decodeSettings("layers=4,4&act=relu,relu,relu").warnings).toHaveLength(1);
  });

  it("trainCount rounds and keeps at least one point on each side", () => {
    expect(trainCount({ points: 2000, trainPercent: 50 })).toBe(1000);
    expect(trainCount({ points: 200, trainPercent: 99 })).toBe(198);
    expect(trainCount({ points: 10, trainPercent: 1 })).toBe(1);
    expect(trainCount({ points: 10, trainPercent: 99 })).toBe(9);
  });
});
