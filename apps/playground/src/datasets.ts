// The four 2-D datasets, all in [0, 1]² with labels ±1, drawn from one seeded Rng.
// Circle is seed 001's (@mytorch/nn's generateCirclePoints, the same draws), so with noise 0
// and 1,000 + 1,000 points it is exactly `pnpm train --task circle`'s train and test sets.
import { Matrix, createRng, shuffle, type Rng } from "@mytorch/matrix";
import { generateCirclePoints, type LabelledPoints } from "@mytorch/nn";
import { trainCount, type DatasetName, type Settings } from "./state.js";

export type { LabelledPoints };

/** n points uniform in [0, 1]², +1 in the quadrants where (x − ½)(y − ½) ≥ 0 (bottom-left, top-right), else −1. */
export function generateXorPoints(n: number, rng: Rng): LabelledPoints {
  const X = new Matrix(n, 2);
  const Y = new Matrix(n, 1);
  for (let i = 0; i < n; i++) {
    const x = rng.uniform();
    const y = rng.uniform();
    X.data[i * 2] = x;
    X.data[i * 2 + 1] = y;
    Y.data[i] = (x - 0.5) * (y - 0.5) >= 0 ? 1 : -1;
  }
  return { X, Y };
}

/** Two Gaussian blobs (σ = 0.1): +1 around (0.7, 0.7), −1 around (0.3, 0.3); alternate labels, then shuffled. */
export function generateGaussPoints(n: number, rng: Rng): LabelledPoints {
  const X = new Matrix(n, 2);
  const Y = new Matrix(n, 1);
  for (let i = 0; i < n; i++) {
    const label = i % 2 === 0 ? 1 : -1;
    const centre = label > 0 ? 0.7 : 0.3;
    X.data[i * 2] = centre + 0.1 * rng.normal();
    X.data[i * 2 + 1] = centre + 0.1 * rng.normal();
    Y.data[i] = label;
  }
  return shuffled({ X, Y }, rng);
}

/**
 * Two interleaved spirals about (½, ½), as TensorFlow Playground's: point k of each arm at radius
 * r = 0.45·k/m and angle θ = 3.5π·k/m (+π for the −1 arm), m = ⌈n/2⌉; then shuffled.
 */
export function generateSpiralPoints(n: number, rng: Rng): LabelledPoints {
  const X = new Matrix(n, 2);
  const Y = new Matrix(n, 1);
  const m = Math.ceil(n / 2);
  for (let i = 0; i < n; i++) {
    const label = i % 2 === 0 ? 1 : -1;
    const k = Math.floor(i / 2);
    const r = (0.45 * k) / m;
    const theta = (3.5 * Math.PI * k) / m + (label > 0 ? 0 : Math.PI);
    X.data[i * 2] = 0.5 + r * Math.sin(theta);
    X.data[i * 2 + 1] = 0.5 + r * Math.cos(theta);
    Y.data[i] = label;
  }
  return shuffled({ X, Y }, rng);
}

function shuffled(points: LabelledPoints, rng: Rng): LabelledPoints {
  const order = shuffle(Array.from({ length: points.X.rows }, (_, i) => i), rng);
  return { X: points.X.selectRows(order), Y: points.Y.selectRows(order) };
}

const GENERATORS: Record<DatasetName, (n: number, rng: Rng) => LabelledPoints> = {
  circle: generateCirclePoints,
  xor: generateXorPoints,
  gauss: generateGaussPoints,
  spiral: generateSpiralPoints,
};

/**
 * n points of `dataset` from `rng`; then, if noise > 0, N(0, noise²) added to each coordinate
 * (labels stay those of the clean points), drawn after all the points.
 */
export function generatePoints(dataset: DatasetName, n: number, noise: number, rng: Rng): LabelledPoints {
  const points = GENERATORS[dataset](n, rng);
  if (noise > 0) for (let k = 0; k < points.X.data.length; k++) points.X.data[k] = points.X.data[k]! + noise * rng.normal();
  return points;
}

/** The run's train and test sets: `points` points from createRng(seed), the first trainCount(settings) for training. */
export function makeDatasets(s: Pick<Settings, "dataset" | "noise" | "points" | "trainPercent" | "seed">): { train: LabelledPoints; test: LabelledPoints } {
  const all = generatePoints(s.dataset, s.points, s.noise, createRng(s.seed));
  const nTrain = trainCount(s);
  const first = Array.from({ length: nTrain }, (_, i) => i);
  const rest = Array.from({ length: s.points - nTrain }, (_, i) => nTrain + i);
  return {
    train: { X: all.X.selectRows(first), Y: all.Y.selectRows(first) },
    test: { X: all.X.selectRows(rest), Y: all.Y.selectRows(rest) },
  };
}
