import { countCorrect, type LabeledData, type RegressionData } from "@mytorch/data";
import { defaultRng, type Rng } from "@mytorch/matrix";
import { batchesOf, evaluate, type Criterion, type Model, type TrainingData } from "./evaluate.js";

/** What fit needs of an optimizer: SGD, or anything with step(). */
export interface Optimizer {
  step(): void;
}

/** Statistics of one epoch, as fit reports them to onEpoch and in the History. */
export interface EpochStats {
  /** 1, 2, …, epochs. */
  epoch: number;
  /** Mean training loss over the epoch's examples (each batch's loss weighted by its size). */
  loss: number;
  /** Fraction of training examples classified right during the epoch, as the weights moved (labelled data only). */
  trainAccuracy?: number;
  /** Loss over the whole test set after the epoch (when a test set is given). */
  testLoss?: number;
  /** Accuracy over the whole test set after the epoch (labelled test set only). */
  testAccuracy?: number;
  /** Training examples per second in this epoch's training pass. */
  samplesPerSecond: number;
  /** Seconds of this epoch's training pass (the test evaluation not included). */
  seconds: number;
}

/** Progress inside an epoch, after every batch. */
export interface BatchInfo {
  epoch: number;
  epochs: number;
  /** 1, 2, …, batches. */
  batch: number;
  batches: number;
  /** This batch's loss. */
  batchLoss: number;
  /** Mean loss over the epoch so far. */
  loss: number;
  /** Accuracy over the epoch so far (labelled data only). */
  accuracy?: number;
  /** Examples seen in this epoch so far. */
  samples: number;
  samplesPerSecond: number;
  seconds: number;
}

export interface FitOptions<D extends TrainingData> {
  epochs: number;
  batchSize: number;
  /** Shuffles the training set every epoch (the default Rng if omitted). */
  rng?: Rng;
  /** Default true. */
  shuffle?: boolean;
  /** Evaluated after every epoch. */
  test?: D;
  /** Rows per forward pass when evaluating (default 1000); the result does not depend on it. */
  evalBatchSize?: number;
  onEpoch?(stats: EpochStats): void;
  onBatch?(info: BatchInfo): void;
}

/** Everything fit measured: one EpochStats per epoch, and the same numbers as arrays for plotting. */
export interface History {
  epochs: EpochStats[];
  loss: number[];
  /** Empty for regression. */
  trainAccuracy: number[];
  /** Empty without a test set. */
  testLoss: number[];
  /** Empty without a labelled test set. */
  testAccuracy: number[];
  /** Total seconds, evaluation included. */
  seconds: number;
}

/**
 * Minibatch training: for each epoch, for each (shuffled) batch,
 *   O = model.forward(X);  L = criterion.forward(O, Y);  model.backward(criterion.backward());  optimizer.step()
 * (model.backwardParameters in place of backward when the model has it, as nn modules do: no dL/dX).
 * then the test set (if any) is evaluated. For labelled data ({ images, labels },
 * a Dataset) Y is the batch's one-hot labels and accuracies are reported; for
 * regression data ({ X, Y }) Y is the batch's targets. Runs in Node and in a browser.
 *
 *   const history = fit(model, new CrossEntropyLoss(), new SGD(model, 0.1, 0.9), train,
 *                       { epochs: 5, batchSize: 64, rng: createRng(0), test });
 */
export function fit(model: Model, criterion: Criterion, optimizer: Optimizer, train: LabeledData, options: FitOptions<LabeledData>): History;
export function fit(model: Model, criterion: Criterion, optimizer: Optimizer, train: RegressionData, options: FitOptions<RegressionData>): History;
export function fit(model: Model, criterion: Criterion, optimizer: Optimizer, train: TrainingData, options: FitOptions<TrainingData>): History {
  const { epochs, batchSize, shuffle = true, test, evalBatchSize } = options;
  if (!Number.isInteger(epochs) || epochs < 1) throw new RangeError(`fit: epochs must be an integer ≥ 1, got ${epochs}`);
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`fit: batchSize must be an integer ≥ 1, got ${batchSize}`);
  const labelled = "labels" in train;
  if (test !== undefined && "labels" in test !== labelled) {
    throw new TypeError(`fit: train and test must be the same kind of data, got ${kind(train)} and ${kind(test)}`);
  }
  const rng = options.rng ?? defaultRng();
  const trainBatches = batchesOf(train, batchSize, { shuffle, rng });
  if (trainBatches.exampleCount === 0) throw new RangeError("fit: the training set is empty");

  const history: History = { epochs: [], loss: [], trainAccuracy: [], testLoss: [], testAccuracy: [], seconds: 0 };
  const fitStart = now();
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const start = now();
    let lossSum = 0, correct = 0, samples = 0, batch = 0;
    for (const { X, Y, labels } of trainBatches) {
      const O = model.forward(X);
      const batchLoss = criterion.forward(O, Y); // mean over the batch
      const dLdO = criterion.backward();
      if (model.backwardParameters !== undefined) model.backwardParameters(dLdO); // dL/dX of the data is never used
      else model.backward(dLdO);
      optimizer.step();
      batch++;
      samples += X.rows;
      lossSum += batchLoss * X.rows;
      if (labels !== undefined) correct += countCorrect(O, labels);
      if (options.onBatch) {
        const seconds = (now() - start) / 1000;
        options.onBatch({
          epoch,
          epochs,
          batch,
          batches: trainBatches.batchCount,
          batchLoss,
          loss: lossSum / samples,
          ...(labelled ? { accuracy: correct / samples } : {}),
          samples,
          samplesPerSecond: samples / Math.max(seconds, 1e-9),
          seconds,
        });
      }
    }
    const seconds = (now() - start) / 1000;
    const stats: EpochStats = {
      epoch,
      loss: lossSum / samples,
      ...(labelled ? { trainAccuracy: correct / samples } : {}),
      samplesPerSecond: samples / Math.max(seconds, 1e-9),
      seconds,
    };
    if (test !== undefined) {
      const result = evaluate(model, criterion, test, { batchSize: evalBatchSize });
      stats.testLoss = result.loss;
      if (result.accuracy !== undefined) stats.testAccuracy = result.accuracy;
    }
    history.epochs.push(stats);
    history.loss.push(stats.loss);
    if (stats.trainAccuracy !== undefined) history.trainAccuracy.push(stats.trainAccuracy);
    if (stats.testLoss !== undefined) history.testLoss.push(stats.testLoss);
    if (stats.testAccuracy !== undefined) history.testAccuracy.push(stats.testAccuracy);
    history.seconds = (now() - fitStart) / 1000;
    options.onEpoch?.(stats);
  }
  return history;
}

function kind(data: TrainingData): string {
  return "labels" in data ? "labelled data { images, labels }" : "regression data { X, Y }";
}

/** Milliseconds from a monotonic clock: performance.now() in browsers and Node, Date.now() otherwise. */
function now(): number {
  const clock = (globalThis as { performance?: { now(): number } }).performance;
  return clock ? clock.now() : Date.now();
}
