import { Matrix, createRng, shuffle } from "@mytorch/matrix";
import { noGrad } from "../apply.js";
import { ReLU, Sigmoid } from "../nn/activations.js";
import { Linear, type LinearOptions } from "../nn/linear.js";
import { crossEntropyLoss, type Reduction } from "../nn/losses.js";
import { Sequential } from "../nn/sequential.js";
import { SGD } from "../optim/sgd.js";
import { Tensor } from "../tensor.js";
import type { LabeledSplit } from "./vugrad-synthetic.js";

/** Options of trainClassifier; the defaults are vugrad's train_mlp.py. */
export interface TrainClassifierOptions {
  /** The hidden nonlinearity (vugrad: sigmoid; seed 002, question 9: relu). */
  activation: "sigmoid" | "relu";
  /** Hidden units (default 4 × input features, vugrad's hidden_mult = 4). */
  hidden?: number;
  /** Epochs (default 20). */
  epochs?: number;
  /** Minibatch size (default 128). */
  batchSize?: number;
  /** Learning rate of plain SGD (default 0.003; at vugrad's 0.01 the ReLU network stalls near 98 %, see docs/autograd.md). */
  lr?: number;
  /** Momentum (default 0). */
  momentum?: number;
  /** "sum" is vugrad's logceloss (default); "mean" divides by the batch size. */
  reduction?: Reduction;
  /** Weight initialisation (default Glorot uniform). */
  init?: LinearOptions["init"];
  /** Seed of the initial weights and of the shuffling (default 0). */
  seed?: number;
  /** Shuffle the training set every epoch (default false: vugrad walks it in order). */
  shuffle?: boolean;
  /** Called after every epoch. */
  onEpoch?: (result: EpochResult) => void;
}

/** What one epoch did. */
export interface EpochResult {
  epoch: number;
  /** Average training loss per example over the epoch. */
  trainLoss: number;
  /** Fraction of the validation set classified correctly after the epoch. */
  valAccuracy: number;
}

/** The trained model and its history. */
export interface TrainClassifierResult {
  model: Sequential;
  epochs: EpochResult[];
  /** Validation accuracy after the last epoch. */
  valAccuracy: number;
}

/** Fraction of rows whose largest logit is at the label. */
export function accuracyOf(logits: Matrix, labels: Int32Array): number {
  const predicted = logits.argmaxCols();
  let correct = 0;
  for (let i = 0; i < labels.length; i++) if (predicted[i] === labels[i]) correct++;
  return correct / labels.length;
}

/**
 * vugrad's experiment as a function: an MLP with one hidden layer
 * (Linear → sigmoid or ReLU → Linear), softmax cross-entropy on the logits,
 * plain minibatch SGD. Browser-safe; used by the experiment script, the
 * notebook and (small) the tests.
 */
export function trainClassifier(train: LabeledSplit, val: LabeledSplit, options: TrainClassifierOptions): TrainClassifierResult {
  const features = train.X.cols;
  let classes = 0; // the largest label + 1 (a loop: spreading 70,000 labels into Math.max can overflow the stack)
  for (const labels of [train.y, val.y]) for (let i = 0; i < labels.length; i++) classes = Math.max(classes, labels[i]! + 1);
  const {
    activation,
    hidden = 4 * features,
    epochs = 20,
    batchSize = 128,
    lr = 0.003,
    momentum = 0,
    reduction = "sum",
    init = "glorotUniform",
    seed = 0,
  } = options;
  if (activation !== "sigmoid" && activation !== "relu") {
    throw new RangeError(`trainClassifier: activation must be "sigmoid" or "relu", got ${JSON.stringify(activation)}`);
  }
  const rng = createRng(seed);
  const model = new Sequential(
    new Linear(features, hidden, { rng, init }),
    activation === "sigmoid" ? new Sigmoid() : new ReLU(),
    new Linear(hidden, classes, { rng, init }),
  );
  const optimizer = new SGD(model.parameters(), { lr, momentum });
  const order = Int32Array.from({ length: train.X.rows }, (_, i) => i);
  const history: EpochResult[] = [];
  for (let epoch = 1; epoch <= epochs; epoch++) {
    if (options.shuffle === true) shuffle(order, rng);
    let lossSum = 0;
    for (let start = 0; start < order.length; start += batchSize) {
      const rows = order.subarray(start, Math.min(start + batchSize, order.length));
      const x = new Tensor(train.X.selectRows(rows), { requiresGrad: false });
      const labels = Int32Array.from(rows, (i) => train.y[i]!);
      optimizer.zeroGrad();
      const loss = crossEntropyLoss(model.forward(x), labels, reduction);
      loss.backward();
      optimizer.step();
      lossSum += reduction === "sum" ? loss.item() : loss.item() * rows.length;
    }
    const valAccuracy = noGrad(() => accuracyOf(model.forward(new Tensor(val.X, { requiresGrad: false })).value, val.y));
    const result = { epoch, trainLoss: lossSum / order.length, valAccuracy };
    history.push(result);
    options.onEpoch?.(result);
  }
  return { model, epochs: history, valAccuracy: history.at(-1)?.valAccuracy ?? Number.NaN };
}
