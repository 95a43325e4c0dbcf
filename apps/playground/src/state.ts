// The playground's settings and their URL form. Every setting lives in the query string, so a URL
// is a complete, shareable description of a run: opening it rebuilds the same data and network.

export const DATASETS = ["circle", "xor", "gauss", "spiral"] as const;
export const ACTIVATIONS = ["sigmoid", "tanh", "relu"] as const;
export const LOSSES = ["mse", "ce"] as const;
export const OPTIMIZERS = ["sgd", "momentum", "adam"] as const;
export const INITS = ["kaimingNormal", "glorotNormal", "homework"] as const;
export const POINTS = [200, 500, 1000, 2000] as const;
export const LEARNING_RATES = [0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3] as const;
export const L2_PENALTIES = [0, 0.0001, 0.001, 0.01] as const;
export const MAX_HIDDEN_LAYERS = 4;
/** 16 as TensorFlow Playground's double; 32 so seed 001's 25-unit network fits. */
export const MAX_UNITS = 32;
export const MAX_NOISE = 0.25;

export type DatasetName = (typeof DATASETS)[number];
export type ActivationName = (typeof ACTIVATIONS)[number];
export type LossName = (typeof LOSSES)[number];
export type OptimizerName = (typeof OPTIMIZERS)[number];
export type InitChoice = (typeof INITS)[number];

/** Everything that decides the numbers of a run. */
export interface Settings {
  dataset: DatasetName;
  /** Standard deviation of the Gaussian noise added to each coordinate (the square is [0, 1]²). */
  noise: number;
  /** Points in all (train + test). */
  points: number;
  /** Percentage of the points used for training (the first ones drawn); the rest are the test set. */
  trainPercent: number;
  /** Seeds the data (createRng(seed)) and the weights and shuffles (createRng(seed · 1000 + 1)). */
  seed: number;
  /** Units of each hidden layer, 0 to 4 layers. */
  layers: number[];
  /** Activation after each hidden layer (same length as layers). */
  activations: ActivationName[];
  loss: LossName;
  optimizer: OptimizerName;
  lr: number;
  batchSize: number;
  /** L2 penalty λ (weight decay added to every gradient). */
  l2: number;
  init: InitChoice;
  /** Pause automatically after this many epochs; 0: never. */
  stopAt: number;
}

export const DEFAULT_SETTINGS: Settings = {
  dataset: "circle",
  noise: 0,
  points: 1000,
  trainPercent: 50,
  seed: 0,
  layers: [8, 8],
  activations: ["tanh", "tanh"],
  loss: "mse",
  optimizer: "adam",
  lr: 0.003,
  batchSize: 20,
  l2: 0,
  init: "kaimingNormal",
  stopAt: 0,
};

/**
 * `pnpm train --task circle`'s first row (seed 001's "SGD batch size = 1") as playground settings:
 * 1,000 train and 1,000 test points, 2→25→25→25→1 with ReLU, ReLU, Tanh (and Tanh on the output),
 * MSE on ±1 labels, SGD lr 0.01 with batch 1, Kaiming normal init, 100 epochs, the CLI's seed 0.
 */
export const CIRCLE_TASK_SETTINGS: Settings = {
  ...DEFAULT_SETTINGS,
  points: 2000,
  trainPercent: 50,
  seed: 0,
  layers: [25, 25, 25],
  activations: ["relu", "relu", "tanh"],
  loss: "mse",
  optimizer: "sgd",
  lr: 0.01,
  batchSize: 1,
  init: "kaimingNormal",
  stopAt: 100,
};

/** How many of the points are for training: round(points · trainPercent / 100), at least 1, at most points − 1. */
export function trainCount(s: Pick<Settings, "points" | "trainPercent">): number {
  return Math.min(s.points - 1, Math.max(1, Math.round((s.points * s.trainPercent) / 100)));
}

/** The settings as a query string (without "?"), keys in a fixed order. */
export function encodeSettings(s: Settings): string {
  const q = new URLSearchParams();
  q.set("dataset", s.dataset);
  q.set("noise", String(s.noise));
  q.set("points", String(s.points));
  q.set("train", String(s.trainPercent));
  q.set("seed", String(s.seed));
  q.set("layers", s.layers.length === 0 ? "none" : s.layers.join(","));
  const same = s.activations.every((a) => a === s.activations[0]);
  q.set("act", s.activations.length === 0 ? "tanh" : same ? s.activations[0]! : s.activations.join(","));
  q.set("loss", s.loss);
  q.set("opt", s.optimizer);
  q.set("lr", String(s.lr));
  q.set("batch", String(s.batchSize));
  q.set("l2", String(s.l2));
  q.set("init", s.init);
  q.set("stop", String(s.stopAt));
  return q.toString().replaceAll("%2C", ",");
}

/** Settings from a query string; a missing key takes its default, a bad value its default plus a warning. */
export function decodeSettings(query: string): { settings: Settings; warnings: string[] } {
  const q = new URLSearchParams(query);
  const warnings: string[] = [];
  const d = DEFAULT_SETTINGS;

  const choice = <T extends string>(key: string, options: readonly T[], fallback: T): T => {
    const v = q.get(key);
    if (v === null) return fallback;
    if ((options as readonly string[]).includes(v)) return v as T;
    warnings.push(`${key}: expected one of ${options.join(", ")}, got "${v}"`);
    return fallback;
  };
  const num = (key: string, fallback: number, ok: (x: number) => boolean, rule: string): number => {
    const v = q.get(key);
    if (v === null) return fallback;
    const x = Number(v);
    if (v.trim() !== "" && Number.isFinite(x) && ok(x)) return x;
    warnings.push(`${key}: expected ${rule}, got "${v}"`);
    return fallback;
  };
  const int = (x: number): boolean => Number.isSafeInteger(x);

  let layers = d.layers;
  const rawLayers = q.get("layers");
  if (rawLayers !== null) {
    const parts = rawLayers === "none" || rawLayers === "" ? [] : rawLayers.split(",").map(Number);
    if (parts.length <= MAX_HIDDEN_LAYERS && parts.every((u) => int(u) && u >= 1 && u <= MAX_UNITS)) layers = parts;
    else warnings.push(`layers: expected 0 to ${MAX_HIDDEN_LAYERS} widths of 1 to ${MAX_UNITS} units ("8,8" or "none"), got "${rawLayers}"`);
  }
  let activations: ActivationName[] = layers.map(() => d.activations[0]!);
  const rawAct = q.get("act");
  if (rawAct !== null) {
    const parts = rawAct.split(",");
    const valid = parts.every((a) => (ACTIVATIONS as readonly string[]).includes(a));
    if (valid && parts.length === 1) activations = layers.map(() => parts[0] as ActivationName);
    else if (valid && parts.length === layers.length) activations = parts as ActivationName[];
    else warnings.push(`act: expected one of ${ACTIVATIONS.join(", ")} or one per hidden layer, got "${rawAct}"`);
  }

  const settings: Settings = {
    dataset: choice("dataset", DATASETS, d.dataset),
    noise: num("noise", d.noise, (x) => x >= 0 && x <= MAX_NOISE, `a number in [0, ${MAX_NOISE}]`),
    points: num("points", d.points, (x) => int(x) && x >= 10 && x <= 10000, "an integer in [10, 10000]"),
    trainPercent: num("train", d.trainPercent, (x) => x >= 1 && x <= 99, "a percentage in [1, 99]"),
    seed: num("seed", d.seed, (x) => int(x) && x >= 0 && x <= 2 ** 31, "an integer in [0, 2³¹]"),
    layers,
    activations,
    loss: choice("loss", LOSSES, d.loss),
    optimizer: choice("opt", OPTIMIZERS, d.optimizer),
    lr: num("lr", d.lr, (x) => x > 0 && x <= 100, "a number in (0, 100]"),
    batchSize: num("batch", d.batchSize, (x) => int(x) && x >= 1, "an integer ≥ 1"),
    l2: num("l2", d.l2, (x) => x >= 0 && x <= 1, "a number in [0, 1]"),
    init: choice("init", INITS, d.init),
    stopAt: num("stop", d.stopAt, (x) => int(x) && x >= 0, "an integer ≥ 0 (0: never)"),
  };
  return { settings, warnings };
}
