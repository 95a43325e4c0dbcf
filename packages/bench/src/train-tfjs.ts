import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import "@tensorflow/tfjs-backend-wasm";
import type { Matrix } from "@mytorch/matrix";
import { BATCH, HIDDEN, LEARNING_RATE, WARMUP_STEPS, type EpochResult } from "./epoch-result.js";
import { permutation, type FashionMnist, type Split } from "./fashion-mnist.js";
import { initialWeights } from "./train-ours.js";

/** TF.js's backends compared: "cpu" (plain JavaScript) and "wasm" (XNNPACK, SIMD). */
export type TfjsBackend = "cpu" | "wasm";

/** The batch at order[start…start+rows) as float32 tensors X (rows × 784) and one-hot Y (rows × 10). */
function batchTensors(split: Split, order: Int32Array, start: number, rows: number): { X: tf.Tensor2D; Y: tf.Tensor2D } {
  const x = new Float32Array(rows * 784), y = new Float32Array(rows * 10);
  for (let r = 0; r < rows; r++) {
    const example = order[start + r]!;
    x.set(split.images.subarray(example * 784, (example + 1) * 784), r * 784);
    y[r * 10 + split.labels[example]!] = 1;
  }
  return { X: tf.tensor2d(x, [rows, 784]), Y: tf.tensor2d(y, [rows, 10]) };
}

/**
 * The same epoch in TF.js (tfjs-core on the cpu or wasm backend, float32),
 * the same recipe: the same architecture, the same initial weights (a float32
 * copy of ours), softmax cross-entropy, SGD lr 0.1, batch 256, the same order
 * of examples. tfjs-core ships no gradient
 * functions (they come with the full @tensorflow/tfjs bundle), so the
 * backward pass is written out as in our layers; like our nn library's
 * backwardParameters (and unlike the homework MLP1), it does not compute
 * dL/dX of the first layer.
 */
export async function trainTfjs(data: FashionMnist, maxSteps: number, backend: TfjsBackend): Promise<EpochResult> {
  if (!(await tf.setBackend(backend))) throw new Error(`trainTfjs: TF.js backend "${backend}" did not initialise`);
  await tf.ready();
  const start64 = initialWeights();
  const variable = (M: Matrix): tf.Variable => tf.variable(tf.tensor2d(Float32Array.from(M.data), [M.rows, M.cols]));
  /** The network's variables: a float32 copy of our initial weights. */
  const startingPoint = (): { W1: tf.Variable; b1: tf.Variable; W2: tf.Variable; b2: tf.Variable } => ({
    W1: variable(start64.W1), b1: variable(start64.b1), W2: variable(start64.W2), b2: variable(start64.b2),
  });
  if (start64.W1.cols !== HIDDEN) throw new Error("trainTfjs: initial weights of the wrong width");
  let { W1, b1, W2, b2 } = startingPoint(); // a throwaway copy for the warm-up (see trainOurs)
  const forward = (X: tf.Tensor2D): tf.Tensor2D => tf.add(tf.matMul(tf.relu(tf.add(tf.matMul(X, W1), b1)), W2), b2);

  /** One SGD step on a batch; returns the mean cross-entropy. */
  const trainStep = (X: tf.Tensor2D, Y: tf.Tensor2D): number => {
    const loss = tf.tidy(() => {
      const n = X.shape[0];
      const H = tf.add(tf.matMul(X, W1), b1); //        H = X·W₁ + b₁
      const A = tf.relu(H); //                           A = max(0, H)
      const O = tf.add(tf.matMul(A, W2), b2); //        O = A·W₂ + b₂
      const logP = tf.logSoftmax(O);
      const L = tf.div(tf.neg(tf.sum(tf.mul(Y, logP))), n); // L = −Σ Y ⊙ log softmax(O) / N
      const G2 = tf.div(tf.sub(tf.exp(logP), Y), n); //  dL/dO = (softmax(O) − Y) / N
      const dW2 = tf.matMul(A, G2, true, false); //      Aᵀ·G₂
      const db2 = tf.sum(G2, 0, true);
      const G1 = tf.mul(tf.matMul(G2, W2, false, true), tf.step(H)); // (G₂·W₂ᵀ) ⊙ [H > 0]
      const dW1 = tf.matMul(X, G1, true, false); //      Xᵀ·G₁
      const db1 = tf.sum(G1, 0, true);
      W1.assign(tf.sub(W1, tf.mul(LEARNING_RATE, dW1)));
      b1.assign(tf.sub(b1, tf.mul(LEARNING_RATE, db1)));
      W2.assign(tf.sub(W2, tf.mul(LEARNING_RATE, dW2)));
      b2.assign(tf.sub(b2, tf.mul(LEARNING_RATE, db2)));
      return L;
    });
    const value = loss.dataSync()[0]!;
    loss.dispose();
    return value;
  };

  const { train } = data;
  const order = permutation(train.count, 42);
  const epochSteps = Math.ceil(train.count / BATCH);
  const steps = Math.min(epochSteps, maxSteps);
  const stepOnBatch = (step: number): number => {
    const rows = Math.min(BATCH, train.count - step * BATCH);
    const { X, Y } = batchTensors(train, order, step * BATCH, rows);
    const loss = trainStep(X, Y);
    X.dispose();
    Y.dispose();
    return loss;
  };
  const warmupStart = performance.now();
  for (let step = 0; step < WARMUP_STEPS; step++) stepOnBatch(step);
  const warmupSeconds = (performance.now() - warmupStart) / 1000;
  for (const v of [W1, b1, W2, b2]) v.dispose();
  ({ W1, b1, W2, b2 } = startingPoint());

  const losses: number[] = [];
  const start = performance.now();
  for (let step = 0; step < steps; step++) losses.push(stepOnBatch(step));
  const seconds = ((performance.now() - start) / 1000) * (epochSteps / steps);

  let correct = 0;
  for (let s = 0; s < data.test.count; s += 1000) {
    const rows = Math.min(1000, data.test.count - s);
    const predicted = tf.tidy(() => tf.argMax(forward(tf.tensor2d(Float32Array.from(data.test.images.subarray(s * 784, (s + rows) * 784)), [rows, 784])), 1).dataSync());
    for (let r = 0; r < rows; r++) if (predicted[r] === data.test.labels[s + r]) correct++;
  }
  const mean = (v: number[]): number => v.reduce((x, y) => x + y, 0) / Math.max(1, v.length);
  return {
    who: `TF.js ${backend} (float32)`,
    seconds,
    warmupSeconds,
    steps,
    epochSteps,
    lossStart: mean(losses.slice(0, 10)),
    lossEnd: mean(losses.slice(-10)),
    testAccuracy: correct / data.test.count,
    data: data.source,
  };
}
