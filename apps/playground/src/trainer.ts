// The model and its training loop, shared by the Web Worker and by Node (tests, scripts): the same
// code gives the same float64 numbers in both. The loop is seed 001's (trainCircleRun in
// @mytorch/nn): one Rng draws the weights and then reshuffles the training order every epoch;
// minibatches in that order; zeroGrad, forward, loss, backwardParameters, step. Tanh and Adam are
// portable-modules.ts's (no Math.tanh or Math.pow, whose last bit differs between engines).
import { Matrix, createRng, shuffle, type Rng } from "@mytorch/matrix";
import {
  CrossEntropyLoss, Identity, Linear, MSELoss, ModuleSGD, ReLU, Sequential, Sigmoid, signAccuracy,
  type LabelledPoints, type Module, type Optimizer,
} from "@mytorch/nn";
import { makeDatasets } from "./datasets.js";
import { tanh } from "./portable-math.js";
import { Adam, Tanh } from "./portable-modules.js";
import type { ActivationName, Settings } from "./state.js";

/** The seed of the weights' and shuffles' Rng: seed · 1000 + 1, as run 1 of `pnpm train --task circle`. */
export function weightSeed(seed: number): number {
  return seed * 1000 + 1;
}

export function activationModule(name: ActivationName | "identity"): Module {
  switch (name) {
    case "relu":
      return new ReLU();
    case "tanh":
      return new Tanh();
    case "sigmoid":
      return new Sigmoid();
    case "identity":
      return new Identity();
  }
}

/**
 * 2 → layers[0] → … → out: Linear, activation, …, Linear, then Tanh for MSE (one output, a score
 * in (−1, 1) against labels ±1, as seed 001) or nothing for cross entropy (two logits: −1, +1).
 * Weights drawn layer by layer from `rng` with the chosen initialiser; biases 0.
 */
export function buildModel(s: Pick<Settings, "layers" | "activations" | "loss" | "init">, rng: Rng): Sequential {
  const modules: Module[] = [];
  let fanIn = 2;
  s.layers.forEach((units, l) => {
    modules.push(new Linear(fanIn, units, { init: s.init, rng }), activationModule(s.activations[l]!));
    fanIn = units;
  });
  if (s.loss === "mse") modules.push(new Linear(fanIn, 1, { init: s.init, rng }), new Tanh());
  else modules.push(new Linear(fanIn, 2, { init: s.init, rng }));
  return new Sequential(...modules);
}

/** The network's output as a score in [−1, 1] per row, ≥ 0 meaning class +1: O itself (MSE) or p₊ − p₋ (softmax of the two logits). */
export function scores(O: Matrix, loss: Settings["loss"]): Float64Array {
  if (loss === "mse") return O.data.slice();
  const s = new Float64Array(O.rows);
  for (let i = 0; i < O.rows; i++) s[i] = tanh((O.data[i * 2 + 1]! - O.data[i * 2]!) / 2); // p₊ − p₋ = tanh((o₊ − o₋)/2)
  return s;
}

/** Labels ±1 (N × 1) as one-hot targets (N × 2): column 0 for −1, column 1 for +1. */
export function oneHot(Y: Matrix): Matrix {
  const T = new Matrix(Y.rows, 2);
  for (let i = 0; i < Y.rows; i++) T.data[i * 2 + (Y.data[i]! > 0 ? 1 : 0)] = 1;
  return T;
}

/** Loss and accuracy (a fraction) on one set. */
export interface SetMetrics {
  loss: number;
  accuracy: number;
}

export interface Metrics {
  epoch: number;
  steps: number;
  train: SetMetrics;
  test: SetMetrics;
}

/** A run: data, model, optimizer and the per-epoch history, advanced one epoch at a time. */
export class Trainer {
  readonly settings: Settings;
  readonly train: LabelledPoints;
  readonly test: LabelledPoints;
  readonly model: Sequential;
  readonly linears: Linear[];
  readonly optimizer: Optimizer;
  epoch = 0;
  steps = 0;
  readonly history: Metrics[] = [];
  private readonly rng: Rng;
  private readonly order: number[];
  private readonly targets: { train: Matrix; test: Matrix };
  private readonly lossFn: MSELoss | CrossEntropyLoss;

  constructor(settings: Settings) {
    this.settings = settings;
    const { train, test } = makeDatasets(settings);
    this.train = train;
    this.test = test;
    this.rng = createRng(weightSeed(settings.seed));
    this.model = buildModel(settings, this.rng);
    this.linears = this.model.modules.filter((m): m is Linear => m instanceof Linear);
    const params = this.model.parameters();
    const { lr, l2 } = settings;
    this.optimizer =
      settings.optimizer === "adam"
        ? new Adam(params, { lr, weightDecay: l2 })
        : new ModuleSGD(params, { lr, momentum: settings.optimizer === "momentum" ? 0.9 : 0, weightDecay: l2 });
    this.lossFn = settings.loss === "mse" ? new MSELoss() : new CrossEntropyLoss();
    this.targets = settings.loss === "mse" ? { train: train.Y, test: test.Y } : { train: oneHot(train.Y), test: oneHot(test.Y) };
    this.order = Array.from({ length: train.X.rows }, (_, i) => i);
    this.history.push(this.evaluate());
  }

  /** One pass over the training set in minibatches of batchSize, reshuffled first. Returns the metrics after it. */
  trainEpoch(): Metrics {
    const { model, optimizer, lossFn, order } = this;
    const n = order.length;
    const b = this.settings.batchSize;
    model.train();
    shuffle(order, this.rng);
    for (let start = 0; start < n; start += b) {
      const batch = order.slice(start, start + b);
      optimizer.zeroGrad();
      lossFn.forward(model.forward(this.train.X.selectRows(batch)), this.targets.train.selectRows(batch));
      model.backwardParameters(lossFn.backward()); // dL/dX of the data is never used
      optimizer.step();
      this.steps++;
    }
    this.epoch++;
    const metrics = this.evaluate();
    this.history.push(metrics);
    return metrics;
  }

  /** Loss and accuracy on the train and test sets (eval mode, whole sets). */
  evaluate(): Metrics {
    const set = (X: Matrix, Y: Matrix, T: Matrix): SetMetrics => {
      const O = this.model.eval().forward(X);
      const loss = this.lossFn.forward(O, T);
      const accuracy = signAccuracy(Matrix.column(Array.from(scores(O, this.settings.loss))), Y);
      return { loss, accuracy };
    };
    return {
      epoch: this.epoch,
      steps: this.steps,
      train: set(this.train.X, this.train.Y, this.targets.train),
      test: set(this.test.X, this.test.Y, this.targets.test),
    };
  }

  /** Scores in [−1, 1] of the network at the rows of X (N × 2). */
  predict(X: Matrix): Float64Array {
    return scores(this.model.eval().forward(X), this.settings.loss);
  }

  /**
   * The network over a size × size grid of [0, 1]² (row r = y from 1 down to 0, column c = x from 0 to 1,
   * cell centres): the output score, and each hidden unit's activation (layer by layer, unit by unit).
   */
  grids(size: number, hiddenSize: number): { output: Float64Array; hidden: Float64Array[][] } {
    const output = this.predict(gridPoints(size));
    const hidden: Float64Array[][] = [];
    let A = gridPoints(hiddenSize);
    const modules = this.model.eval().modules;
    for (let l = 0; l < this.settings.layers.length; l++) {
      A = modules[2 * l + 1]!.forward(modules[2 * l]!.forward(A)); // Linear, then its activation
      const units: Float64Array[] = [];
      for (let j = 0; j < A.cols; j++) {
        const g = new Float64Array(A.rows);
        for (let i = 0; i < A.rows; i++) g[i] = A.data[i * A.cols + j]!;
        units.push(g);
      }
      hidden.push(units);
    }
    return { output, hidden };
  }
}

/** The centres of a size × size grid over [0, 1]², row by row from the top (y = 1) down: (size² × 2). */
export function gridPoints(size: number): Matrix {
  const X = new Matrix(size * size, 2);
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) {
      const i = r * size + c;
      X.data[i * 2] = (c + 0.5) / size;
      X.data[i * 2 + 1] = 1 - (r + 0.5) / size;
    }
  }
  return X;
}
