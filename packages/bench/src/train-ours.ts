import { PerformanceObserver } from "node:perf_hooks";
import { CrossEntropyLoss } from "@mytorch/loss";
import { Matrix, countFloat64Allocations, createRng } from "@mytorch/matrix";
import { MLP1 } from "@mytorch/mlp";
import * as nn from "@mytorch/nn";
import { Linear, ReLU, Sequential } from "@mytorch/nn";
import { SGD } from "@mytorch/optim";
import { useParallelMatmul } from "@mytorch/parallel";
import { useWasmMatmul } from "@mytorch/wasm";
import { BATCH, HIDDEN, LEARNING_RATE, WARMUP_STEPS, type EpochResult } from "./epoch-result.js";
import { permutation, type FashionMnist, type Split } from "./fashion-mnist.js";

/** Rows `order[start…start+rows)` of a split into X (rows × 784) and one-hot Y (rows × 10), in place. */
function fillBatch(split: Split, order: Int32Array, start: number, X: Matrix, Y: Matrix): void {
  Y.fill(0);
  for (let r = 0; r < X.rows; r++) {
    const example = order[start + r]!;
    X.data.set(split.images.subarray(example * 784, (example + 1) * 784), r * 784);
    Y.data[r * 10 + split.labels[example]!] = 1;
  }
}

/**
 * Which of our two ways to train the same network:
 * - "library": @mytorch/nn — Sequential(Linear, ReLU, Linear), nn's SGD. The
 *   modules write into buffers the Sequential keeps, the gradients and the
 *   update are in place, and backwardParameters skips dL/dX of the first layer
 *   (the data's gradient, which TF.js's minimize() does not compute either).
 * - "homework": MLP1 and SGD from the homework packages, as the students write
 *   them: new matrices for every result, and dL/dX of the input computed
 *   because MLP1.backward returns it.
 * Both start from the same weights (the homework init, N(0, 0.01), seed 0) and
 * compute the same numbers; only the work and the allocations differ.
 */
export type OursVariant = "library" | "homework";

interface Trainable {
  /** Forward, cross-entropy loss against one-hot Y, backward and the SGD update; returns the loss. */
  trainStep(X: Matrix, Y: Matrix): number;
  predict(X: Matrix): Matrix;
}

/**
 * The network's initial weights, as both of our variants draw them (seed 0,
 * the homework init N(0, 0.01), b = 0): W₁ (784×256), b₁ (1×256), W₂ (256×10),
 * b₂ (1×10). TF.js starts from a float32 copy of these (train-tfjs.ts).
 */
export function initialWeights(): { W1: Matrix; b1: Matrix; W2: Matrix; b2: Matrix } {
  const rng = createRng(0);
  const first = new Linear(784, HIDDEN, { rng }), second = new Linear(HIDDEN, 10, { rng });
  return { W1: first.W, b1: first.b, W2: second.W, b2: second.b };
}

function makeTrainable(variant: OursVariant): Trainable {
  const rng = createRng(0);
  if (variant === "homework") {
    const model = new MLP1(784, HIDDEN, 10, { rng });
    const criterion = new CrossEntropyLoss();
    const optimizer = new SGD(model, LEARNING_RATE);
    return {
      trainStep(X, Y) {
        const loss = criterion.forward(model.forward(X), Y); // forward
        model.backward(criterion.backward()); //                backward (returns dL/dX)
        optimizer.step(); //                                    update
        return loss;
      },
      predict: (X) => model.forward(X),
    };
  }
  const model = new Sequential(new Linear(784, HIDDEN, { rng }), new ReLU(), new Linear(HIDDEN, 10, { rng }));
  const criterion = new nn.CrossEntropyLoss();
  const optimizer = new nn.optim.SGD(model.parameters(), { lr: LEARNING_RATE });
  const buffers = new Map<number, { O: Matrix; dLdO: Matrix }>(); // by batch size: the output and its gradient
  return {
    trainStep(X, Y) {
      let b = buffers.get(X.rows);
      if (b === undefined) buffers.set(X.rows, (b = { O: Matrix.zeros(X.rows, 10), dLdO: Matrix.zeros(X.rows, 10) }));
      const loss = criterion.forward(model.forward(X, b.O), Y); // forward
      model.backwardParameters(criterion.backward(b.dLdO)); //    backward, without dL/dX
      optimizer.step(); //                                         update
      return loss;
    },
    predict: (X) => model.forward(X),
  };
}

/**
 * One epoch of 784 → 256 ReLU → 10, CrossEntropyLoss and plain SGD (lr 0.1),
 * batch 256 (see OursVariant for the two ways).
 *
 * Warm-up: WARMUP_STEPS steps on a throwaway copy of the network (same
 * initial weights) first, untimed in the epoch but reported: they start the
 * worker and let V8 compile the kernels, so the epoch is timed at the speed a
 * training run keeps. The timed network starts from its initial weights.
 *
 * Allocation: the garbage collections during the timed epoch (count and
 * pauses, from a PerformanceObserver), then, untimed, the Float64Arrays that
 * 10 more steps create (see countFloat64Allocations), per step.
 */
export async function trainOurs(
  data: FashionMnist, threads: 1 | 2, maxSteps: number, variant: OursVariant = "library", kernel: "ts" | "wasm" = "ts",
): Promise<EpochResult> {
  // Every thread on the TS kernel, or on @mytorch/wasm's (the same numbers, faster).
  useParallelMatmul({ threads, kernel });
  if (threads === 1 && kernel === "wasm") useWasmMatmul();
  const { train } = data;
  const order = permutation(train.count, 42);
  const epochSteps = Math.ceil(train.count / BATCH);
  const steps = Math.min(epochSteps, maxSteps);

  const full = { X: Matrix.zeros(BATCH, 784), Y: Matrix.zeros(BATCH, 10) };
  const lastRows = train.count - (epochSteps - 1) * BATCH;
  const last = { X: Matrix.zeros(lastRows, 784), Y: Matrix.zeros(lastRows, 10) };

  let model = makeTrainable(variant); // the throwaway copy, for the warm-up
  const trainStep = (step: number): number => {
    const batch = step === epochSteps - 1 ? last : full;
    fillBatch(train, order, step * BATCH, batch.X, batch.Y);
    return model.trainStep(batch.X, batch.Y);
  };
  const warmupStart = performance.now();
  for (let step = 0; step < WARMUP_STEPS; step++) trainStep(step);
  const warmupSeconds = (performance.now() - warmupStart) / 1000;
  model = makeTrainable(variant);

  const gcPauses: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) gcPauses.push(entry.duration);
  });
  observer.observe({ entryTypes: ["gc"] });

  const losses: number[] = [];
  const start = performance.now();
  for (let step = 0; step < steps; step++) losses.push(trainStep(step));
  const seconds = ((performance.now() - start) / 1000) * (epochSteps / steps);
  await new Promise((resolve) => setTimeout(resolve, 20)); // let the GC entries arrive
  observer.disconnect();

  const testAccuracy = accuracy(model, data.test); // after exactly one epoch

  // Steady state: one step on a full batch first, so that buffers sized for the last (smaller) batch are replaced.
  trainStep(0);
  const countedSteps = 10;
  const counted = countFloat64Allocations(() => {
    for (let step = 1; step <= countedSteps; step++) trainStep(step);
  });
  return {
    who: `ours${variant === "homework" ? " (homework MLP1)" : ""}${kernel === "wasm" ? " wasm" : ""}, ${threads === 1 ? "1 thread" : "2 threads"}`,
    seconds,
    warmupSeconds,
    steps,
    epochSteps,
    lossStart: mean(losses.slice(0, 10)),
    lossEnd: mean(losses.slice(-10)),
    testAccuracy,
    data: data.source,
    allocation: {
      arraysPerStep: counted.arrays / countedSteps,
      bytesPerStep: counted.bytes / countedSteps,
      gcCount: gcPauses.length,
      gcMs: gcPauses.reduce((x, y) => x + y, 0),
    },
  };
}

function accuracy(model: Trainable, test: Split): number {
  let correct = 0;
  for (let start = 0; start < test.count; start += 1000) {
    const rows = Math.min(1000, test.count - start);
    const X = new Matrix(rows, 784, Float64Array.from(test.images.subarray(start * 784, (start + rows) * 784)));
    const predicted = model.predict(X).argmaxCols();
    for (let r = 0; r < rows; r++) if (predicted[r] === test.labels[start + r]) correct++;
  }
  return correct / test.count;
}

function mean(values: readonly number[]): number {
  return values.reduce((x, y) => x + y, 0) / Math.max(1, values.length);
}
