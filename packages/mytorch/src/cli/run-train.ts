/// <reference types="node" />
// The work of `pnpm train` once the options are parsed: data, model, fit with a progress bar,
// the final numbers on stdout and the curves as an SVG file. Node-only (reads and writes files).
import { mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { syntheticRegression, type Dataset, type LabeledData, type RegressionData } from "@mytorch/data";
import { loadFashionMnistFromDisk } from "@mytorch/data/node";
import { CrossEntropyLoss, MSELoss } from "@mytorch/loss";
import { createRng, getMatmulBackend, setMatmulBackend, type MatmulBackend, type Rng } from "@mytorch/matrix";
import { MLP0, MLP1, MLP4 } from "@mytorch/mlp";
import { SGD } from "@mytorch/optim";
import { barChart, chartGrid, lineChart } from "@mytorch/plot";
import { fit, type BatchInfo, type History } from "../fit.js";
import { ProgressBar, formatLoss, formatPercent, type TextStream } from "./progress.js";
import { REGRESSION_SIZES, type KernelName, type ModelName, type TrainOptions } from "./train-options.js";

export interface TrainIo {
  stdout: TextStream;
  stderr: TextStream;
}

export interface TrainResult {
  history: History;
  /** The loss curve sampled about ten times per epoch: x in epochs (fractional), y the mean batch loss since the last point. */
  lossCurve: { x: number[]; y: number[] };
  /** MLP0 on the regression task: the learned weights and bias. */
  learned?: { w: number[]; b: number };
  svgPath: string;
  /** The trained model. */
  model: MLP0 | MLP1 | MLP4;
  /** The backend that ran the products, e.g. "single-thread" or "wasm-simd". */
  kernel: string;
}

/** The data of a task, with what the model needs to know about it. */
interface TaskData {
  train: LabeledData | RegressionData;
  test: LabeledData | RegressionData;
  inFeatures: number;
  outFeatures: number;
  describe: string;
}

const REGRESSION_TRUTH = { w: [2, -3.4], b: 4.2 };

async function loadTask(options: TrainOptions, rng: Rng, log: TextStream): Promise<TaskData> {
  switch (options.task) {
    case "fashion-mnist": {
      const start = performance.now();
      const limits = { ...(options.limitTrain ? { limitTrain: options.limitTrain } : {}), ...(options.limitTest ? { limitTest: options.limitTest } : {}) };
      const { train, test } = await loadFashionMnistFromDisk(options.dataDir, limits);
      log.write(`loaded Fashion-MNIST in ${((performance.now() - start) / 1000).toFixed(1)}s\n`);
      return { train, test, inFeatures: 784, outFeatures: 10, describe: `${count(train)} train / ${count(test)} test images` };
    }
    case "regression": {
      const train = syntheticRegression({ n: options.limitTrain ?? REGRESSION_SIZES.train, ...REGRESSION_TRUTH, rng });
      const test = syntheticRegression({ n: options.limitTest ?? REGRESSION_SIZES.test, ...REGRESSION_TRUTH, rng });
      return { train, test, inFeatures: 2, outFeatures: 1, describe: `${count(train)} train / ${count(test)} test examples` };
    }
    case "circle":
      throw new Error("the circle task runs through run-circle.ts, not the MLP trainer");
  }
}

/** Installs a kernel: the message for stderr, and the backend it replaced (null if it installed none). */
type KernelInstaller = () => Promise<{ message: string; previous: MatmulBackend | null }>;

/** The kernels besides "ts" that this repository has. */
const KERNEL_INSTALLERS: Partial<Record<KernelName, KernelInstaller>> = {
  // BEGIN EXTENSION (@mytorch/wasm is not part of the student handout)
  wasm: installWasmKernel,
  // END EXTENSION
};

// BEGIN EXTENSION (@mytorch/wasm is not part of the student handout)
/** The WebAssembly SIMD kernel (the same bits as the TS kernel), or the TS kernel with the reason where SIMD is missing. */
async function installWasmKernel(): Promise<{ message: string; previous: MatmulBackend | null }> {
  const { WasmUnavailableError, useWasmMatmul } = await import("@mytorch/wasm");
  try {
    const previous = useWasmMatmul();
    return { message: "kernel: wasm-simd (WebAssembly SIMD, the same numbers as the TypeScript kernel)", previous };
  } catch (error) {
    if (!(error instanceof WasmUnavailableError)) throw error;
    return { message: `kernel: ${error.message}`, previous: null };
  }
}
// END EXTENSION

/** Runs the products on the kernel --kernel names; returns how to restore the previous backend. */
async function installKernel(kernel: KernelName, log: TextStream): Promise<() => void> {
  if (kernel === "ts") return () => {};
  const install = KERNEL_INSTALLERS[kernel];
  if (install === undefined) {
    log.write(`kernel: --kernel ${kernel} needs a package this repository does not have; the TypeScript kernel stays in use\n`);
    return () => {};
  }
  const { message, previous } = await install();
  log.write(`${message}\n`);
  return () => {
    if (previous !== null) setMatmulBackend(previous);
  };
}

function buildModel(name: ModelName, inFeatures: number, hidden: number[], outFeatures: number, rng: Rng): MLP0 | MLP1 | MLP4 {
  switch (name) {
    case "mlp0":
      return new MLP0(inFeatures, outFeatures, { rng });
    case "mlp1":
      return new MLP1(inFeatures, hidden[0]!, outFeatures, { rng });
    case "mlp4":
      return new MLP4(inFeatures, hidden, outFeatures, { rng });
  }
}

/** Runs one training as the options say; progress on io.stderr, results on io.stdout. */
export async function runTrain(options: TrainOptions, io: TrainIo): Promise<TrainResult> {
  const restoreKernel = await installKernel(options.kernel, io.stderr);
  try {
    return await train(options, io);
  } finally {
    restoreKernel();
  }
}

async function train(options: TrainOptions, io: TrainIo): Promise<TrainResult> {
  const rng = createRng(options.seed); // one stream: the data (regression), the initial weights, the shuffling
  const data = await loadTask(options, rng, io.stderr);
  const labelled = "labels" in data.train;
  const model = buildModel(options.model, data.inFeatures, options.hidden, data.outFeatures, rng);
  const architecture = `${options.model.toUpperCase()} ${[data.inFeatures, ...options.hidden, data.outFeatures].join("→")}`;
  const criterion = labelled ? new CrossEntropyLoss() : new MSELoss();
  const optimizer = new SGD(model, options.lr, options.momentum);
  const setting = `SGD lr ${options.lr} momentum ${options.momentum}, batch ${options.batchSize}, seed ${options.seed}`;
  io.stderr.write(`${options.task}: ${data.describe}; ${architecture}; ${criterion.constructor.name}; ${setting}\n`);

  const progress = new ProgressBar(io.stderr);
  const lossCurve = { x: [] as number[], y: [] as number[] };
  let windowSum = 0, windowCount = 0;
  const onBatch = (info: BatchInfo) => {
    progress.batch(info);
    windowSum += info.batchLoss;
    windowCount++;
    const every = Math.max(1, Math.floor(info.batches / 10));
    if (info.batch % every === 0 || info.batch === info.batches) {
      lossCurve.x.push(info.epoch - 1 + info.batch / info.batches);
      lossCurve.y.push(windowSum / windowCount);
      windowSum = windowCount = 0;
    }
  };
  const fitOptions = {
    epochs: options.epochs,
    batchSize: options.batchSize,
    rng,
    onBatch,
    onEpoch: (stats: Parameters<typeof progress.epoch>[0]) => progress.epoch(stats, options.epochs),
  };
  const history = labelled
    ? fit(model, criterion, optimizer, data.train as LabeledData, { ...fitOptions, test: data.test as LabeledData })
    : fit(model, criterion, optimizer, data.train as RegressionData, { ...fitOptions, test: data.test as RegressionData });

  const result: TrainResult = { history, lossCurve, svgPath: options.out, model, kernel: getMatmulBackend().name };
  const last = history.epochs.at(-1)!;
  const lines: string[] = [];
  if (last.testAccuracy !== undefined) lines.push(`final test accuracy: ${formatPercent(last.testAccuracy)} (${count(data.test)} test examples)`);
  if (last.testLoss !== undefined) lines.push(`final test loss: ${formatLoss(last.testLoss)}`);
  if (model instanceof MLP0 && !labelled) {
    const layer = model.layers[0]!;
    result.learned = { w: Array.from(layer.W.data), b: layer.b.data[0]! };
    const show = (xs: number[]) => `[${xs.map((x) => x.toFixed(4)).join(", ")}]`;
    lines.push(
      `learned w = ${show(result.learned.w)} (true ${show(REGRESSION_TRUTH.w)}), b = ${result.learned.b.toFixed(4)} (true ${REGRESSION_TRUTH.b.toFixed(4)})`,
    );
  }
  const trainSeconds = history.epochs.reduce((s, e) => s + e.seconds, 0);
  const samplesPerSecond = history.epochs.reduce((s, e) => s + e.samplesPerSecond, 0) / history.epochs.length;
  lines.push(
    `time: ${history.epochs.length} epoch(s), ${(trainSeconds / history.epochs.length).toFixed(1)}s per epoch of training ` +
      `(${Math.round(samplesPerSecond).toLocaleString("en-US")} samples/s), ${history.seconds.toFixed(1)}s in all with evaluation`,
  );

  const svg = curves(options, architecture, history, lossCurve, result.learned);
  await mkdir(dirname(options.out), { recursive: true });
  await writeFile(options.out, svg);
  lines.push(`curves: ${options.out}`);
  io.stdout.write(lines.join("\n") + "\n");
  return result;
}

/** The loss (and accuracy, or learned parameters) charts side by side. */
function curves(options: TrainOptions, architecture: string, history: History, lossCurve: { x: number[]; y: number[] }, learned?: { w: number[]; b: number }): string {
  const epochs = history.epochs.map((e) => e.epoch);
  const regression = history.trainAccuracy.length === 0;
  const loss = lineChart({
    title: `${options.task}, ${architecture}: loss`,
    xLabel: "epoch",
    yLabel: regression ? "mean squared error (log scale)" : "cross-entropy loss",
    yScale: regression && [...lossCurve.y, ...history.testLoss].every((y) => y > 0) ? "log" : "linear",
    series: [
      { name: "train (running mean)", x: lossCurve.x, y: lossCurve.y },
      ...(history.testLoss.length > 0 ? [{ name: "test (end of epoch)", x: epochs, y: history.testLoss }] : []),
    ],
    markers: false,
  });
  if (!regression) {
    const accuracy = lineChart({
      title: `accuracy (SGD lr ${options.lr}, μ ${options.momentum}, batch ${options.batchSize})`,
      xLabel: "epoch",
      yLabel: "accuracy",
      series: [
        { name: "train (during the epoch)", x: epochs, y: history.trainAccuracy },
        ...(history.testAccuracy.length > 0 ? [{ name: "test (end of epoch)", x: epochs, y: history.testAccuracy }] : []),
      ],
    });
    return chartGrid([loss, accuracy]);
  }
  if (learned === undefined) return loss;
  const parameters = barChart({
    title: "learned parameters vs the truth",
    categories: [...learned.w.map((_, j) => `w${j + 1}`), "b"],
    series: [
      { name: "true", values: [...REGRESSION_TRUTH.w, REGRESSION_TRUTH.b] },
      { name: "learned", values: [...learned.w, learned.b] },
    ],
  });
  return chartGrid([loss, parameters]);
}

function count(data: LabeledData | RegressionData | Dataset): string {
  return ("labels" in data ? data.labels.length : data.X.rows).toLocaleString("en-US");
}
