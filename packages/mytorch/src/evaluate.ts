import { batches, countCorrect, type BatchOptions, type Batches, type LabeledData, type RegressionData } from "@mytorch/data";
import type { Matrix } from "@mytorch/matrix";

/** What fit and evaluate need of a model: MLP0, MLP1, MLP4, an nn Sequential, or anything with forward and backward. */
export interface Model {
  forward(X: Matrix): Matrix;
  backward(dLdA: Matrix): Matrix;
  /** Optional (nn modules have it): backward without dL/dX, which fit uses when it is there. */
  backwardParameters?(dLdA: Matrix): void;
}

/** What they need of a loss: MSELoss, CrossEntropyLoss (forward returns the mean over the batch). */
export interface Criterion {
  forward(O: Matrix, Y: Matrix): number;
  backward(): Matrix;
}

/** Labelled examples ({ images, labels }, a Dataset) or regression examples ({ X, Y }). */
export type TrainingData = LabeledData | RegressionData;

/**
 * The loss over a whole data set, and the accuracy for labelled data, without
 * training: forward passes of `batchSize` rows (default 1000), each batch's
 * mean loss weighted by its size, so the result is the loss of the whole set
 * (up to rounding) whatever the batch size.
 */
export function evaluate(
  model: Model,
  criterion: Criterion,
  data: TrainingData,
  options: { batchSize?: number } = {},
): { loss: number; accuracy?: number } {
  let lossSum = 0, correct = 0, samples = 0;
  for (const { X, Y, labels } of batchesOf(data, options.batchSize ?? 1000)) {
    const O = model.forward(X);
    lossSum += criterion.forward(O, Y) * X.rows;
    if (labels !== undefined) correct += countCorrect(O, labels);
    samples += X.rows;
  }
  if (samples === 0) throw new RangeError("evaluate: the data set is empty");
  return "labels" in data ? { loss: lossSum / samples, accuracy: correct / samples } : { loss: lossSum / samples };
}

/** The minibatches of either kind of data, as one type; `labels` is present for labelled data. */
export function batchesOf(data: TrainingData, batchSize: number, options?: BatchOptions): Batches<{ X: Matrix; Y: Matrix; labels?: Int32Array }> {
  return "labels" in data ? batches(data, batchSize, options) : batches(data, batchSize, options);
}
