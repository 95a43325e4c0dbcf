import { PerformanceObserver } from "node:perf_hooks";
import { CrossEntropyLoss } from "@mytorch/loss";
import { Matrix, createRng } from "@mytorch/matrix";
import { MLP1 } from "@mytorch/mlp";
import { SGD } from "@mytorch/optim";
import { useParallelMatmul } from "@mytorch/parallel";
import { BATCH, HIDDEN, LEARNING_RATE, type EpochResult } from "./epoch-result.js";
import { countFloat64Allocations } from "./allocation.js";
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
 * One epoch of MLP1 (784 → 256 ReLU → 10), CrossEntropyLoss and plain SGD
 * (lr 0.1), batch 256, with the library's layers exactly as the homework has them.
 *
 * Allocation: the garbage collections during the timed epoch (count and
 * pauses, from a PerformanceObserver), then, untimed, the Float64Arrays that
 * 10 more steps create (see allocation.ts), per step.
 */
export async function trainOurs(data: FashionMnist, threads: 1 | 2, maxSteps: number): Promise<EpochResult> {
  useParallelMatmul({ threads });
  const model = new MLP1(784, HIDDEN, 10, { rng: createRng(0) });
  const criterion = new CrossEntropyLoss();
  const optimizer = new SGD(model, LEARNING_RATE);
  const { train } = data;
  const order = permutation(train.count, 42);
  const epochSteps = Math.ceil(train.count / BATCH);
  const steps = Math.min(epochSteps, maxSteps);

  const full = { X: Matrix.zeros(BATCH, 784), Y: Matrix.zeros(BATCH, 10) };
  const lastRows = train.count - (epochSteps - 1) * BATCH;
  const last = { X: Matrix.zeros(lastRows, 784), Y: Matrix.zeros(lastRows, 10) };

  const gcPauses: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) gcPauses.push(entry.duration);
  });
  observer.observe({ entryTypes: ["gc"] });

  const losses: number[] = [];
  const trainStep = (step: number): number => {
    const batch = step === epochSteps - 1 ? last : full;
    fillBatch(train, order, step * BATCH, batch.X, batch.Y);
    const loss = criterion.forward(model.forward(batch.X), batch.Y); // forward
    model.backward(criterion.backward()); //                              backward
    optimizer.step(); //                                                   update
    return loss;
  };
  const start = performance.now();
  for (let step = 0; step < steps; step++) losses.push(trainStep(step));
  const seconds = ((performance.now() - start) / 1000) * (epochSteps / steps);
  await new Promise((resolve) => setTimeout(resolve, 20)); // let the GC entries arrive
  observer.disconnect();

  const countedSteps = 10;
  const counted = countFloat64Allocations(() => {
    for (let step = 0; step < countedSteps; step++) trainStep(step);
  });
  return {
    who: threads === 1 ? "ours, 1 thread" : "ours, 2 threads",
    seconds,
    steps,
    epochSteps,
    lossStart: mean(losses.slice(0, 10)),
    lossEnd: mean(losses.slice(-10)),
    testAccuracy: accuracy(model, data.test),
    data: data.source,
    allocation: {
      arraysPerStep: counted.arrays / countedSteps,
      bytesPerStep: counted.bytes / countedSteps,
      gcCount: gcPauses.length,
      gcMs: gcPauses.reduce((x, y) => x + y, 0),
    },
  };
}

function accuracy(model: MLP1, test: Split): number {
  let correct = 0;
  for (let start = 0; start < test.count; start += 1000) {
    const rows = Math.min(1000, test.count - start);
    const X = new Matrix(rows, 784, Float64Array.from(test.images.subarray(start * 784, (start + rows) * 784)));
    const predicted = model.forward(X).argmaxCols();
    for (let r = 0; r < rows; r++) if (predicted[r] === test.labels[start + r]) correct++;
  }
  return correct / test.count;
}

function mean(values: readonly number[]): number {
  return values.reduce((x, y) => x + y, 0) / Math.max(1, values.length);
}
