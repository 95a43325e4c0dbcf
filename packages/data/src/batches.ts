import { defaultRng, shuffle as shuffleInPlace, ShapeError, shapeOf, type Matrix, type Rng } from "@mytorch/matrix";
import { defaultClassCount, oneHot } from "./one-hot.js";

/** Examples with class labels: a Dataset, or any { images, labels }. */
export interface LabeledData {
  images: Matrix;
  labels: Int32Array;
  /** The number of classes; the largest label + 1 when absent. */
  classCount?: number;
}

/** Examples with real-valued targets: X (N × features), Y (N × outputs). */
export interface RegressionData {
  X: Matrix;
  Y: Matrix;
}

/** A minibatch of labelled examples: X (B × features), labels (B), Y one-hot (B × classCount). */
export interface LabeledBatch {
  X: Matrix;
  labels: Int32Array;
  Y: Matrix;
}

/** A minibatch of a regression set: X (B × features), Y (B × outputs). */
export interface RegressionBatch {
  X: Matrix;
  Y: Matrix;
}

export interface BatchOptions {
  /** Visit the examples in a new random order on every pass (default false, as PyTorch's DataLoader). */
  shuffle?: boolean;
  /** Where the order comes from (the default Rng if omitted). */
  rng?: Rng;
}

/** The minibatches of one pass; iterating again makes a new pass (reshuffled when shuffling). */
export interface Batches<B> extends Iterable<B> {
  /** Batches per pass: ⌈N / batchSize⌉ (the last one may be smaller). */
  readonly batchCount: number;
  /** Examples per pass, N. */
  readonly exampleCount: number;
}

/**
 * Splits a data set into minibatches of `batchSize` rows; the last, partial
 * batch is kept. With `shuffle`, each pass draws a permutation from `rng`
 * (Fisher–Yates), so a seeded Rng gives the same batches on every run.
 *   for (const { X, labels, Y } of batches(train, 64, { shuffle: true, rng })) …
 */
export function batches(data: LabeledData, batchSize: number, options?: BatchOptions): Batches<LabeledBatch>;
export function batches(data: RegressionData, batchSize: number, options?: BatchOptions): Batches<RegressionBatch>;
export function batches(
  data: LabeledData | RegressionData,
  batchSize: number,
  options: BatchOptions = {},
): Batches<LabeledBatch> | Batches<RegressionBatch> {
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new RangeError(`batches: batchSize must be an integer ≥ 1, got ${batchSize}`);
  }
  const n = exampleCount(data);
  const { shuffle = false } = options;
  const rng = options.rng ?? defaultRng();
  if ("labels" in data) {
    const classCount = data.classCount ?? defaultClassCount(data.labels);
    return minibatches(n, batchSize, shuffle, rng, (rows) => {
      const labels = Int32Array.from(rows, (i) => data.labels[i]!);
      return { X: data.images.selectRows(rows), labels, Y: oneHot(labels, classCount) };
    });
  }
  return minibatches(n, batchSize, shuffle, rng, (rows) => ({ X: data.X.selectRows(rows), Y: data.Y.selectRows(rows) }));
}

/** The passes over n examples: each pass orders 0..n−1 (a new permutation when shuffling) and gathers batchSize rows at a time. */
function minibatches<B>(n: number, batchSize: number, shuffle: boolean, rng: Rng, gather: (rows: Int32Array) => B): Batches<B> {
  return {
    batchCount: Math.ceil(n / batchSize),
    exampleCount: n,
    *[Symbol.iterator]() {
      const indices = Int32Array.from({ length: n }, (_, i) => i);
      if (shuffle) shuffleInPlace(indices, rng);
      for (let start = 0; start < n; start += batchSize) yield gather(indices.subarray(start, Math.min(start + batchSize, n)));
    },
  };
}

/** N, after checking that the inputs and the targets have the same number of rows. */
function exampleCount(data: LabeledData | RegressionData): number {
  if ("labels" in data) {
    if (data.images.rows !== data.labels.length) {
      throw new ShapeError(`batches: images has ${data.images.rows} rows (${shapeOf(data.images)}) but there are ${data.labels.length} labels`);
    }
    return data.labels.length;
  }
  if (data.X.rows !== data.Y.rows) {
    throw new ShapeError(`batches: X and Y must have the same number of rows, got ${shapeOf(data.X)} and ${shapeOf(data.Y)}`);
  }
  return data.X.rows;
}
