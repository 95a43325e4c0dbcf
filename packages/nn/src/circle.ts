import { MSELoss } from "@mytorch/loss";
import { createRng, shuffle, type Rng } from "@mytorch/matrix";
import { ReLU, Tanh } from "./activations.js";
import { generateCirclePoints, signAccuracy, type LabelledPoints } from "./circle-data.js";
import type { InitName } from "./init.js";
import { Linear } from "./linear.js";
import { Adam } from "./optim/adam.js";
import type { Optimizer } from "./optim/optimizer.js";
import { SGD } from "./optim/sgd.js";
import { Sequential } from "./sequential.js";

/** One row of the seed-001 table: how to train, and (after running) what it reached. */
export interface CircleRunSpec {
  label: string;
  optimizer: "sgd" | "adam";
  batchSize: number;
  lr: number;
  momentum?: number;
  epochs: number;
}

export interface CircleRow extends CircleRunSpec {
  init: InitName;
  trainAccuracy: number; // fraction in [0, 1]
  testAccuracy: number;
  finalLoss: number; //     MSE over the training set after the last epoch
  model: Sequential;
}

/** The four rows of seed 001's Table 1, with the settings measured here (100 epochs each, as the seed). */
export const CIRCLE_TABLE: readonly CircleRunSpec[] = [
  { label: "SGD batch size = 1", optimizer: "sgd", batchSize: 1, lr: 0.01, epochs: 100 },
  { label: "SGD batch size = 2", optimizer: "sgd", batchSize: 2, lr: 0.02, epochs: 100 },
  { label: "SGD with momentum batch size = 1", optimizer: "sgd", batchSize: 1, lr: 0.001, momentum: 0.9, epochs: 100 },
  { label: "Adam", optimizer: "adam", batchSize: 1, lr: 0.001, epochs: 100 },
];

export interface CircleOptions {
  /** Seed of the data (train then test points) and of each run's weights and shuffles. Default 1. */
  seed?: number;
  nTrain?: number; // default 1000
  nTest?: number; //  default 1000
  /** Initialiser of every Linear; "kaimingNormal" by default, as the seed's framework. */
  init?: InitName;
  /** Which rows to run; the whole seed table by default. */
  runs?: readonly CircleRunSpec[];
  /** Overrides every run's epoch count (for quick looks). */
  epochs?: number;
  /** Called after every epoch of every run. */
  onEpoch?: (run: CircleRunSpec, epoch: number, loss: number) => void;
}

/** The seed's network: 2 → 25 → 25 → 25 → 1, with ReLU, ReLU, Tanh, Tanh after the four Linear layers. */
export function circleModel(init: InitName, rng: Rng): Sequential {
  return new Sequential(
    new Linear(2, 25, { init, rng }),
    new ReLU(),
    new Linear(25, 25, { init, rng }),
    new ReLU(),
    new Linear(25, 25, { init, rng }),
    new Tanh(),
    new Linear(25, 1, { init, rng }),
    new Tanh(),
  );
}

/** The train and test sets of the experiment (train drawn first, from one seeded Rng). */
export function circleDatasets(seed: number, nTrain = 1000, nTest = 1000): { train: LabelledPoints; test: LabelledPoints } {
  const rng = createRng(seed);
  const train = generateCirclePoints(nTrain, rng);
  const test = generateCirclePoints(nTest, rng);
  return { train, test };
}

/** Trains one row's model with MSE loss on the ±1 labels; minibatches reshuffled every epoch. */
export function trainCircleRun(spec: CircleRunSpec, train: LabelledPoints, init: InitName, seed: number, onEpoch?: CircleOptions["onEpoch"]): { model: Sequential; finalLoss: number } {
  const rng = createRng(seed);
  const model = circleModel(init, rng);
  const optimizer: Optimizer =
    spec.optimizer === "adam"
      ? new Adam(model.parameters(), { lr: spec.lr })
      : new SGD(model.parameters(), { lr: spec.lr, momentum: spec.momentum ?? 0 });
  const loss = new MSELoss();
  const n = train.X.rows;
  const order = Array.from({ length: n }, (_, i) => i);
  for (let epoch = 1; epoch <= spec.epochs; epoch++) {
    model.train();
    shuffle(order, rng);
    for (let start = 0; start < n; start += spec.batchSize) {
      const batch = order.slice(start, start + spec.batchSize);
      optimizer.zeroGrad();
      loss.forward(model.forward(train.X.selectRows(batch)), train.Y.selectRows(batch));
      model.backwardParameters(loss.backward()); // dL/dX of the data is never used
      optimizer.step();
    }
    if (onEpoch !== undefined) onEpoch(spec, epoch, loss.forward(model.eval().forward(train.X), train.Y));
  }
  const finalLoss = loss.forward(model.eval().forward(train.X), train.Y);
  return { model, finalLoss };
}

/**
 * Seed 001's experiment: for each run, a fresh model (seeded), trained on 1,000 points, then the
 * fraction of train and test points whose output sign matches the label. Returns one row per run.
 */
export function runCircleExperiment(options: CircleOptions = {}): CircleRow[] {
  const { seed = 1, nTrain = 1000, nTest = 1000, init = "kaimingNormal", runs = CIRCLE_TABLE, epochs } = options;
  const { train, test } = circleDatasets(seed, nTrain, nTest);
  return runs.map((run, index) => {
    const spec = epochs === undefined ? run : { ...run, epochs };
    const { model, finalLoss } = trainCircleRun(spec, train, init, seed * 1000 + index + 1, options.onEpoch);
    model.eval();
    return {
      ...spec,
      init,
      trainAccuracy: signAccuracy(model.forward(train.X), train.Y),
      testAccuracy: signAccuracy(model.forward(test.X), test.Y),
      finalLoss,
      model,
    };
  });
}

/** The rows as a plain-text table, accuracies in percent with one decimal, like the seed's Table 1. */
export function formatCircleTable(rows: readonly CircleRow[]): string {
  const settings = (r: CircleRow): string =>
    `${r.optimizer === "adam" ? "Adam" : "SGD"} lr ${r.lr}${r.momentum ? ` momentum ${r.momentum}` : ""}, batch ${r.batchSize}, ${r.epochs} epochs, ${r.init}`;
  const lines = rows.map((r) => [r.label, (100 * r.trainAccuracy).toFixed(1), (100 * r.testAccuracy).toFixed(1), settings(r)]);
  const header = ["Optimizer", "Train acc %", "Test acc %", "Settings"];
  const widths = header.map((h, j) => Math.max(h.length, ...lines.map((l) => l[j]!.length)));
  const format = (cells: string[]): string => cells.map((c, j) => (j === 1 || j === 2 ? c.padStart(widths[j]!) : c.padEnd(widths[j]!))).join("  ").trimEnd();
  return [format(header), widths.map((w) => "-".repeat(w)).join("  "), ...lines.map(format)].join("\n");
}
