// %% [markdown]
// # TrainingTester — Problem 6: training with MyTorch (0 points)
//
// With Problems 1–5 done, MyTorch can train networks. This notebook runs the homework's two tasks with
// the library's training loop `fit` (minibatches with seeded shuffling; for each batch
// `O = model.forward(X)`, `L = criterion.forward(O, Y)`, `model.backward(criterion.backward())`,
// `optimizer.step()`), and the same two tasks in **TensorFlow.js** (`@tensorflow/tfjs-core` on its
// WebAssembly backend, XNNPACK with SIMD: the fastest TF.js a JavaScript user would pick), as the
// homework shows them in PyTorch. Both sides follow **the same recipe**: the same network, starting
// from the same weights (TF.js gets a float32 copy of MyTorch's), the same minibatches in the same
// order, the same learning rate, momentum and batch size.
//
// 1. **Regression on synthetic data**: $X \sim \mathcal{N}(0, 1)$, $y = Xw + b + \varepsilon$ with
//    $w = [2, -3.4]$, $b = 4.2$, $\varepsilon \sim \mathcal{N}(0, 0.01^2)$; MLP0 (one linear layer) with
//    MSELoss must recover $w$ and $b$ to within 0.05.
// 2. **Fashion-MNIST classification**: 60,000 training and 10,000 test images of clothing,
//    28×28 pixels flattened to 784 and scaled by 1/255, ten classes; MLP1 (784 → 256 → ReLU → 10) with
//    CrossEntropyLoss and SGD with momentum must reach **at least 85% test accuracy**.
//
// A failed requirement stops the notebook with an error. Only MyTorch's results are asserted; the
// TensorFlow.js numbers are for comparison (and a check that both compute the same thing). The whole
// notebook takes about a minute (the Fashion-MNIST epochs dominate). Fashion-MNIST is read from `/usr/share/datasets/fashion-mnist` (Debian's
// `dataset-fashion-mnist`, installed by `node scripts/setup.mjs`) or from `$MYTORCH_DATA_DIR`.

// %%
import * as tslab from "tslab";
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-wasm";
import {
  CrossEntropyLoss,
  MLP0,
  MLP1,
  MSELoss,
  Matrix,
  SGD,
  batches,
  chartGrid,
  createRng,
  fit,
  lineChart,
  loadFashionMnistFromDisk,
  syntheticRegression,
  type EpochStats,
  type LineSeries,
} from "mytorch/node";
import { CheckReport, formatNumber, htmlTable, printSummary, textTable } from "./src/index.js";

tf.enableProdMode(); // no debug checks, and no console banner suggesting tfjs-node
if (!(await tf.setBackend("wasm"))) throw new Error("TF.js's wasm backend did not start (is @tensorflow/tfjs-backend-wasm installed?)");

/** Seconds since `start` (a performance.now() reading). */
const secondsSince = (start: number): number => (performance.now() - start) / 1000;
/** Lets Jupyter show the output printed so far (tslab sends it when the event loop runs). */
const flush = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
/** Means of consecutive groups of `size` values: a readable curve from thousands of batch losses. */
function binnedMeans(values: readonly number[], size: number): number[] {
  const means: number[] = [];
  for (let start = 0; start < values.length; start += size) {
    const group = values.slice(start, start + size);
    means.push(group.reduce((sum, v) => sum + v, 0) / group.length);
  }
  return means;
}
/** A Matrix (float64) as a TensorFlow.js tensor (float32, TF.js's precision). */
const toTensor = (m: Matrix): tf.Tensor2D => tf.tensor2d(Float32Array.from(m.data), [m.rows, m.cols]);

/** One row per framework and task, for the comparison table at the end. */
interface Result {
  task: string;
  framework: string;
  setup: string;
  result: string;
  finalLoss: number;
  seconds: number;
  samplesPerSecond: number;
}
const results: Result[] = [];
const record = (result: Result): void => {
  results.push(result);
};
console.log(`TensorFlow.js ${tf.version_core} on the "${tf.getBackend()}" backend; tslab ${tslab.versions.tslab}, Node ${tslab.versions.node}`);

// %% [markdown]
// ## 6.1 Regression on synthetic data — MyTorch
//
// 1000 examples, MLP0 (`Linear(2, 1)` and Identity), MSELoss, plain SGD with learning rate 0.03,
// batches of 10, 3 epochs (the settings of the homework's d2l code). The learned weight matrix
// $W$ (2×1) should approach $w$ and the bias $b$ should approach 4.2.

// %%
const TRUE_W = [2, -3.4];
const TRUE_B = 4.2;
const REGRESSION = { epochs: 3, batchSize: 10, lr: 0.03 };
const regression = syntheticRegression({ n: 1000, w: TRUE_W, b: TRUE_B, noise: 0.01, rng: createRng(0) });

const linearModel = new MLP0(2, 1, { rng: createRng(1) });
/** The starting point, before training: TF.js starts from the same weights (cell below). */
const regressionStart = { W: linearModel.layers[0]!.W.clone(), b: linearModel.layers[0]!.b.clone() };
const ourRegressionLosses: number[] = [];
const ourRegression = fit(linearModel, new MSELoss(), new SGD(linearModel, REGRESSION.lr), regression, {
  epochs: REGRESSION.epochs,
  batchSize: REGRESSION.batchSize,
  rng: createRng(2),
  onBatch: (b) => ourRegressionLosses.push(b.batchLoss),
  onEpoch: (s) => console.log(`MyTorch epoch ${s.epoch}: mean training loss ${s.loss.toExponential(3)}`),
});
const ourW = Array.from(linearModel.layers[0]!.W.data);
const ourB = linearModel.layers[0]!.b.data[0]!;
console.log(`learned w = [${ourW.map((v) => v.toFixed(4)).join(", ")}], b = ${ourB.toFixed(4)} in ${ourRegression.seconds.toFixed(2)} s`);

const regressionReport = new CheckReport("Problem 6(1) regression: MLP0 recovers w and b");
TRUE_W.forEach((w, j) => regressionReport.number(`w${j + 1} (true ${formatNumber(w)})`, () => ourW[j]!, w, { atol: 0.05, rtol: 0 }));
regressionReport.number(`b (true ${TRUE_B})`, () => ourB, TRUE_B, { atol: 0.05, rtol: 0 });
regressionReport.finish(tslab.display);
record({
  task: "regression",
  framework: "MyTorch (float64)",
  setup: `MLP0, SGD lr ${REGRESSION.lr}, batch ${REGRESSION.batchSize}, ${REGRESSION.epochs} epochs`,
  result: `max |error| of w, b: ${Math.max(...ourW.map((v, j) => Math.abs(v - TRUE_W[j]!)), Math.abs(ourB - TRUE_B)).toExponential(2)}`,
  finalLoss: ourRegression.loss.at(-1)!,
  seconds: ourRegression.seconds,
  samplesPerSecond: ourRegression.epochs.at(-1)!.samplesPerSecond,
});

// %% [markdown]
// ## 6.1 Regression — TensorFlow.js
//
// The same model written with TensorFlow.js tensors: `W` and `b` are `tf.variable`s, the forward pass is
// `tf.matMul(X, W) + b`, and the update is `tf.train.sgd` with the same learning rate, from **the same
// initial weights** (a float32 copy of MyTorch's) on **the same batches** (the same seeded shuffling). `@tensorflow/tfjs-core` on its own registers no gradient
// functions (those ship with the full `@tensorflow/tfjs` bundle), so the gradients are written out
// with TF.js ops, exactly as in Problems 1 and 2:
// $\partial L/\partial O = 2(O - Y)/N$, $\partial L/\partial W = X^T\,\partial L/\partial O$, $\partial L/\partial b = 1^T\,\partial L/\partial O$.

// %%
const tfW = tf.variable(toTensor(regressionStart.W), true, "regression_W");
const tfB = tf.variable(toTensor(regressionStart.b), true, "regression_b");
const tfRegressionOptimizer = tf.train.sgd(REGRESSION.lr);

/** One SGD step on MSE; returns the batch loss. */
function tfRegressionStep(X: tf.Tensor2D, Y: tf.Tensor2D): tf.Scalar {
  return tf.tidy(() => {
    const O = tf.add(tf.matMul(X, tfW), tfB); //                 O = X·W + 1·b
    const E = tf.sub(O, Y);
    const loss = tf.mean(tf.square(E)) as tf.Scalar; //           L = Σ E² / N
    const dLdO = tf.mul(E, 2 / X.shape[0]); //                    dL/dO = 2E / N
    tfRegressionOptimizer.applyGradients({
      regression_W: tf.matMul(X, dLdO, true, false), //          dL/dW = Xᵀ·dL/dO
      regression_b: tf.sum(dLdO, 0, true), //                     dL/db = 1ᵀ·dL/dO
    });
    return loss;
  });
}

const tfRegressionLosses: number[] = [];
const tfRegressionStart = performance.now();
const regressionBatches = batches(regression, REGRESSION.batchSize, { shuffle: true, rng: createRng(2) });
for (let epoch = 1; epoch <= REGRESSION.epochs; epoch++) {
  for (const { X, Y } of regressionBatches) {
    const [x, y] = [toTensor(X), toTensor(Y)];
    const loss = tfRegressionStep(x, y);
    tfRegressionLosses.push((await loss.data())[0]!);
    tf.dispose([x, y, loss]);
  }
  const perEpoch = regressionBatches.batchCount;
  console.log(`TF.js epoch ${epoch}: mean training loss ${(tfRegressionLosses.slice(-perEpoch).reduce((s, v) => s + v, 0) / perEpoch).toExponential(3)}`);
}
const tfRegressionSeconds = secondsSince(tfRegressionStart);
const tfWLearned = Array.from(await tfW.data());
const tfBLearned = (await tfB.data())[0]!;
console.log(`learned w = [${tfWLearned.map((v) => v.toFixed(4)).join(", ")}], b = ${tfBLearned.toFixed(4)} in ${tfRegressionSeconds.toFixed(2)} s`);
const lastEpochLosses = tfRegressionLosses.slice(-regressionBatches.batchCount);
record({
  task: "regression",
  framework: "TensorFlow.js (float32)",
  setup: `Linear 2→1, tf.train.sgd lr ${REGRESSION.lr}, batch ${REGRESSION.batchSize}, ${REGRESSION.epochs} epochs`,
  result: `max |error| of w, b: ${Math.max(...tfWLearned.map((v, j) => Math.abs(v - TRUE_W[j]!)), Math.abs(tfBLearned - TRUE_B)).toExponential(2)}`,
  finalLoss: lastEpochLosses.reduce((s, v) => s + v, 0) / lastEpochLosses.length,
  seconds: tfRegressionSeconds,
  samplesPerSecond: (REGRESSION.epochs * regression.X.rows) / tfRegressionSeconds,
});

// %% [markdown]
// The training loss of both, averaged over every 10 batches, on a log scale: it falls from about 30
// to the noise level $0.01^2 = 10^{-4}$ within the first epoch and a half. The two curves nearly
// coincide: same data, same starting weights, same batches, same learning rate; only the precision
// (float64 against float32) differs.

// %%
{
  const bin = 10;
  const x = (n: number): number[] => Array.from({ length: n }, (_, k) => ((k + 1) * bin) / regressionBatches.batchCount);
  const ours = binnedMeans(ourRegressionLosses, bin);
  const theirs = binnedMeans(tfRegressionLosses, bin);
  tslab.display.svg(
    lineChart({
      title: "Synthetic regression: training loss (MSE)",
      xLabel: "epoch",
      yLabel: "mean batch loss",
      yScale: "log",
      series: [
        { name: "MyTorch", x: x(ours.length), y: ours },
        { name: "TensorFlow.js", x: x(theirs.length), y: theirs },
      ],
    }),
  );
}

// %% [markdown]
// ## 6.2 Fashion-MNIST
//
// The loader reads the four IDX files (gzipped or not), checks their magic numbers, sizes and counts,
// and returns the images as rows of pixel/255 (N × 784) with their labels.

// %%
const loadStart = performance.now();
const fashion = await loadFashionMnistFromDisk();
console.log(
  `${fashion.train.size} training and ${fashion.test.size} test images of ${fashion.train.images.cols} pixels, ` +
    `${fashion.classNames.length} classes (${fashion.classNames.join(", ")}), loaded in ${secondsSince(loadStart).toFixed(1)} s`,
);

// %% [markdown]
// ### MyTorch: MLP1 with CrossEntropyLoss and SGD
//
// MLP1(784, 256, 10) — ReLU after the hidden layer, Identity after the output layer, the softmax inside
// the loss — trained with SGD (learning rate 0.05, momentum 0.9) on shuffled batches of 128 for three
// epochs. The test set is evaluated after every epoch. (Measured with these seeds: 84.7%, 84.5% and
// 86.3% test accuracy after epochs 1, 2 and 3.)

// %%
const FASHION = { epochs: 3, batchSize: 128, lr: 0.05, momentum: 0.9 };
const classifier = new MLP1(784, 256, 10, { rng: createRng(3) });
/** The starting point, before training: TF.js starts from a float32 copy of these weights. */
const fashionStart = classifier.layers.map((layer) => ({ W: layer.W.clone(), b: layer.b.clone() }));
const classifierLoss = new CrossEntropyLoss();
const classifierOptimizer = new SGD(classifier, FASHION.lr, FASHION.momentum);
/** The shuffling: MyTorch's fit and the TF.js loop below draw the same batches from the same seed. */
const SHUFFLE_SEED = 4;
const shuffleRng = createRng(SHUFFLE_SEED);
const ourEpochs: EpochStats[] = [];
const ourBatchLosses: number[] = [];
let ourTrainingSeconds = 0;
// One fit call per epoch (the same model, optimizer and Rng carry on), so the progress shows as it happens.
for (let epoch = 1; epoch <= FASHION.epochs; epoch++) {
  const history = fit(classifier, classifierLoss, classifierOptimizer, fashion.train, {
    epochs: 1,
    batchSize: FASHION.batchSize,
    rng: shuffleRng,
    test: fashion.test,
    onBatch: (b) => ourBatchLosses.push(b.batchLoss),
  });
  const stats = { ...history.epochs[0]!, epoch };
  ourEpochs.push(stats);
  ourTrainingSeconds += stats.seconds;
  console.log(
    `MyTorch epoch ${epoch}/${FASHION.epochs}: training loss ${stats.loss.toFixed(4)}, training accuracy ${(100 * stats.trainAccuracy!).toFixed(2)}%, ` +
      `test accuracy ${(100 * stats.testAccuracy!).toFixed(2)}%, ${Math.round(stats.samplesPerSecond)} images/s, ${stats.seconds.toFixed(1)} s`,
  );
  await flush();
}
const ourAccuracy = ourEpochs.at(-1)!.testAccuracy!;
const recipe = `MLP 784→256→10, SGD lr ${FASHION.lr} momentum ${FASHION.momentum}, batch ${FASHION.batchSize}`;
record({
  task: "Fashion-MNIST",
  framework: "MyTorch (float64)",
  setup: `${recipe}, ${FASHION.epochs} epochs`,
  result: `test accuracy ${(100 * ourAccuracy).toFixed(2)}%`,
  finalLoss: ourEpochs.at(-1)!.loss,
  seconds: ourTrainingSeconds,
  samplesPerSecond: (FASHION.epochs * fashion.train.size) / ourTrainingSeconds,
});

const fashionReport = new CheckReport("Problem 6(2) Fashion-MNIST: MLP1 reaches 85% test accuracy");
fashionReport.check(`test accuracy after ${FASHION.epochs} epochs (10,000 test images)`, "≥ 85.00%", () => ({
  got: `${(100 * ourAccuracy).toFixed(2)}%`,
  ok: ourAccuracy >= 0.85,
}));
fashionReport.check("the training loss fell from the first epoch to the last", "last < first", () => ({
  got: `${ourEpochs[0]!.loss.toFixed(4)} → ${ourEpochs.at(-1)!.loss.toFixed(4)}`,
  ok: ourEpochs.at(-1)!.loss < ourEpochs[0]!.loss,
}));
fashionReport.finish(tslab.display);

// %% [markdown]
// ### TensorFlow.js: the same network, the same recipe
//
// The same MLP1 as TF.js variables, starting from **a float32 copy of MyTorch's initial weights**, the
// same loss, and `tf.train.momentum` with the same learning rate (0.05) and momentum (0.9) on **the same
// batches of 128 in the same order** (the same seeded shuffling). TF.js runs one epoch, not three, to
// keep the notebook short: its first epoch is compared with MyTorch's first. The gradients are written
// out with TF.js ops, as in Problem 5 (`@tensorflow/tfjs-core` on its own registers no gradient
// functions):
//
// $\partial L/\partial O = (\mathrm{softmax}(O) - Y)/N$, $\partial L/\partial W^{(2)} = A^{(1)T}\,\partial L/\partial O$,
// $\partial L/\partial H^{(1)} = \partial L/\partial O\, W^{(2)T} \odot [H^{(1)} > 0]$, $\partial L/\partial W^{(1)} = X^T\,\partial L/\partial H^{(1)}$.
//
// Before training, the gradients are compared with MyTorch's on one batch (the same starting weights;
// float32 against float64), so the comparison below is between two implementations of the same computation.

// %%
const TF_FASHION = { ...FASHION, epochs: 1 };
const tfParams = {
  W1: tf.variable(toTensor(fashionStart[0]!.W), true, "W1"),
  b1: tf.variable(toTensor(fashionStart[0]!.b), true, "b1"),
  W2: tf.variable(toTensor(fashionStart[1]!.W), true, "W2"),
  b2: tf.variable(toTensor(fashionStart[1]!.b), true, "b2"),
};

/** Forward pass, cross-entropy loss and its gradients: H1 = X·W1 + b1, A1 = ReLU(H1), O = A1·W2 + b2. */
function tfLossAndGradients(X: tf.Tensor2D, Y: tf.Tensor2D): { loss: tf.Scalar; grads: Record<keyof typeof tfParams, tf.Tensor> } {
  const { W1, b1, W2, b2 } = tfParams;
  const N = X.shape[0];
  const H1 = tf.add(tf.matMul(X, W1), b1);
  const A1 = tf.relu(H1);
  const O = tf.add(tf.matMul(A1, W2), b2);
  const logP = tf.logSoftmax(O);
  const loss = tf.div(tf.neg(tf.sum(tf.mul(Y, logP))), N) as tf.Scalar; // L = −Σ Y ⊙ log softmax(O) / N
  const dLdO = tf.div(tf.sub(tf.exp(logP), Y), N); //                       (softmax(O) − Y) / N
  const dLdH1 = tf.mul(tf.matMul(dLdO, W2, false, true), tf.step(H1)); //   dL/dO·W2ᵀ ⊙ [H1 > 0]
  return {
    loss,
    grads: {
      W1: tf.matMul(X, dLdH1, true, false),
      b1: tf.sum(dLdH1, 0, true),
      W2: tf.matMul(A1, dLdO, true, false),
      b2: tf.sum(dLdO, 0, true),
    },
  };
}

// Cross-check on one batch of 32: an MLP1 with the same starting weights, gradient for gradient.
const gradientReport = new CheckReport("TF.js gradients agree with MyTorch's (float32 vs float64)");
{
  const { X, Y } = batches(fashion.train, 32)[Symbol.iterator]().next().value!;
  const twin = new MLP1(784, 256, 10, { rng: createRng(0) });
  twin.layers.forEach((layer, i) => {
    layer.W = fashionStart[i]!.W.clone();
    layer.b = fashionStart[i]!.b.clone();
  });
  const ce = new CrossEntropyLoss();
  const ourLoss = ce.forward(twin.forward(X), Y);
  twin.backward(ce.backward());
  const [x, y] = [toTensor(X), toTensor(Y)];
  const { loss, grads } = tfLossAndGradients(x, y);
  const tfLoss = (await loss.data())[0]!;
  gradientReport.number("loss on the batch", () => tfLoss, ourLoss, { atol: 1e-5, rtol: 1e-5 });
  const ours = { W1: twin.layers[0]!.dLdW, b1: twin.layers[0]!.dLdb, W2: twin.layers[1]!.dLdW, b2: twin.layers[1]!.dLdb };
  for (const n of ["W1", "b1", "W2", "b2"] as const) {
    const g = grads[n];
    const data = Float64Array.from(await g.data());
    gradientReport.matrix(`dL/d${n}`, () => new Matrix(g.shape[0]!, g.shape[1]!, data), ours[n], { atol: 1e-5, rtol: 1e-4 });
  }
  tf.dispose([x, y, loss, ...Object.values(grads)]);
}
gradientReport.finish(tslab.display);

// %%
const tfOptimizer = tf.train.momentum(TF_FASHION.lr, TF_FASHION.momentum);
const tfBatches = batches(fashion.train, TF_FASHION.batchSize, { shuffle: true, rng: createRng(SHUFFLE_SEED) });
const tfBatchLosses: number[] = [];

/** One epoch of TF.js training on the (reshuffled) batches; returns the mean training loss. */
async function tfTrainEpoch(): Promise<number> {
  let lossSum = 0;
  for (const { X, Y } of tfBatches) {
    const [x, y] = [toTensor(X), toTensor(Y)];
    // (No renaming destructuring such as { loss: l } in notebook cells: tslab 1.0.22 miscompiles it.)
    const loss = tf.tidy(() => {
      const step = tfLossAndGradients(x, y);
      tfOptimizer.applyGradients(Object.entries(step.grads).map(([name, tensor]) => ({ name, tensor })));
      return step.loss;
    });
    const value = (await loss.data())[0]!;
    tfBatchLosses.push(value);
    lossSum += value * X.rows;
    tf.dispose([x, y, loss]);
  }
  return lossSum / fashion.train.size;
}

/** The fraction of the test images whose largest logit is at their label. */
async function tfTestAccuracy(): Promise<number> {
  const { W1, b1, W2, b2 } = tfParams;
  const X = toTensor(fashion.test.images);
  const predicted = tf.tidy(() => tf.argMax(tf.add(tf.matMul(tf.relu(tf.add(tf.matMul(X, W1), b1)), W2), b2), 1));
  const labels = await predicted.data();
  tf.dispose([X, predicted]);
  return fashion.test.labels.reduce((n, label, i) => n + (labels[i] === label ? 1 : 0), 0) / fashion.test.size;
}

const tfEpochs: { epoch: number; loss: number; testAccuracy: number; seconds: number }[] = [];
for (let epoch = 1; epoch <= TF_FASHION.epochs; epoch++) {
  const start = performance.now();
  const loss = await tfTrainEpoch();
  const seconds = secondsSince(start);
  const testAccuracy = await tfTestAccuracy();
  tfEpochs.push({ epoch, loss, testAccuracy, seconds });
  console.log(
    `TF.js epoch ${epoch}/${TF_FASHION.epochs}: training loss ${loss.toFixed(4)}, test accuracy ${(100 * testAccuracy).toFixed(2)}%, ` +
      `${Math.round(fashion.train.size / seconds)} images/s, ${seconds.toFixed(1)} s`,
  );
  await flush();
}
const tfSeconds = tfEpochs.reduce((s, e) => s + e.seconds, 0);
record({
  task: "Fashion-MNIST",
  framework: `TensorFlow.js ${tf.getBackend()} (float32)`,
  setup: `${recipe}, ${TF_FASHION.epochs} epoch`,
  result: `test accuracy ${(100 * tfEpochs.at(-1)!.testAccuracy).toFixed(2)}%`,
  finalLoss: tfEpochs.at(-1)!.loss,
  seconds: tfSeconds,
  samplesPerSecond: (TF_FASHION.epochs * fashion.train.size) / tfSeconds,
});
console.log(`TF.js tensors still allocated: ${tf.memory().numTensors} (the model's and optimizer's variables)`);

// The same recipe, checked: the batch losses agree to float32 noise for the first steps (a different
// starting point, batch order, learning rate or momentum would part them at once), and the first
// epoch ends at about the same loss.
const recipeReport = new CheckReport("TF.js follows MyTorch's recipe (same start, batches, lr, momentum)");
const FIRST_STEPS = 20;
const firstStepsGap = Math.max(...tfBatchLosses.slice(0, FIRST_STEPS).map((l, i) => Math.abs(l - ourBatchLosses[i]!) / ourBatchLosses[i]!));
recipeReport.check(`batch losses of the first ${FIRST_STEPS} steps, largest relative gap`, "≤ 1e-4", () => ({
  got: firstStepsGap.toExponential(2),
  ok: firstStepsGap <= 1e-4,
}));
const epochOneGap = Math.abs(tfEpochs[0]!.loss - ourEpochs[0]!.loss) / ourEpochs[0]!.loss;
recipeReport.check("mean training loss of epoch 1, relative gap", "≤ 1e-2", () => ({
  got: `${ourEpochs[0]!.loss.toFixed(4)} (MyTorch) vs ${tfEpochs[0]!.loss.toFixed(4)} (TF.js): ${epochOneGap.toExponential(2)}`,
  ok: epochOneGap <= 1e-2,
}));
recipeReport.finish(tslab.display);

// %% [markdown]
// ### Curves and the first epoch side by side
//
// Left: the training loss of both, averaged over each tenth of an epoch. Right: accuracy on the 10,000
// test images after every epoch (and MyTorch's accuracy on the training batches during each epoch).
// The table compares the first epoch, which both ran on the same batches from the same weights: the
// ratio is MyTorch's examples per second over TF.js's, measured in this run. The curves agree early
// and drift apart slowly: float32 rounding (and XNNPACK's own order of summation) makes every step a
// little different from float64's, and momentum SGD carries the differences forward.

// %%
{
  const tenths = (losses: number[], batchesPerEpoch: number): LineSeries["x"] => {
    const size = Math.ceil(batchesPerEpoch / 10);
    return binnedMeans(losses, size).map((_, k) => Math.min((k + 1) * size, losses.length) / batchesPerEpoch);
  };
  const perEpoch = tfBatches.batchCount;
  const bin = Math.ceil(perEpoch / 10);
  const loss = lineChart({
    title: "Fashion-MNIST: training loss",
    xLabel: "epoch",
    yLabel: "cross entropy",
    series: [
      { name: "MyTorch", x: tenths(ourBatchLosses, perEpoch), y: binnedMeans(ourBatchLosses, bin) },
      { name: `TensorFlow.js ${tf.getBackend()}`, x: tenths(tfBatchLosses, perEpoch), y: binnedMeans(tfBatchLosses, bin) },
    ],
  });
  const accuracy = lineChart({
    title: "Fashion-MNIST: accuracy",
    xLabel: "epoch",
    yLabel: "accuracy",
    yMax: 1,
    series: [
      { name: "MyTorch test", x: ourEpochs.map((e) => e.epoch), y: ourEpochs.map((e) => e.testAccuracy!) },
      { name: "MyTorch training", x: ourEpochs.map((e) => e.epoch), y: ourEpochs.map((e) => e.trainAccuracy!) },
      { name: `TensorFlow.js ${tf.getBackend()} test`, x: tfEpochs.map((e) => e.epoch), y: tfEpochs.map((e) => e.testAccuracy) },
    ],
  });
  tslab.display.svg(chartGrid([loss, accuracy], { columns: 2 }));

  const ours = ourEpochs[0]!, theirs = tfEpochs[0]!;
  const oursPerSecond = fashion.train.size / ours.seconds, theirsPerSecond = fashion.train.size / theirs.seconds;
  const table = {
    headers: ["epoch 1, same recipe", "test accuracy", "mean training loss", "epoch seconds", "examples/s", "speed, MyTorch ÷ TF.js"],
    rows: [
      ["MyTorch (float64, homework MLP1)", `${(100 * ours.testAccuracy!).toFixed(2)}%`, ours.loss.toFixed(4), ours.seconds.toFixed(1), Math.round(oursPerSecond).toLocaleString("en-US"), `${(oursPerSecond / theirsPerSecond).toFixed(2)}×`],
      [`TensorFlow.js ${tf.getBackend()} (float32)`, `${(100 * theirs.testAccuracy).toFixed(2)}%`, theirs.loss.toFixed(4), theirs.seconds.toFixed(1), Math.round(theirsPerSecond).toLocaleString("en-US"), "1×"],
    ],
  };
  tslab.display.html(htmlTable(table, "One Fashion-MNIST epoch, the same recipe on both sides"));
  console.log(textTable(table));
}

// %% [markdown]
// ## Side by side
//
// MyTorch computes in float64 with its own matrix kernel (the homework's packages, which allocate new
// matrices at every step); TensorFlow.js's WebAssembly backend in float32 with SIMD. Times are training
// time only (data loading and test evaluation excluded), on this machine, and vary with its load. The
// library's allocation-free path (`@mytorch/nn`, not part of the homework) is timed by `pnpm bench`.

// %%
{
  const table = {
    headers: ["task", "framework", "set-up", "result", "final training loss", "training time", "examples/s"],
    rows: results.map((r) => [
      r.task,
      r.framework,
      r.setup,
      r.result,
      r.finalLoss < 0.01 ? r.finalLoss.toExponential(3) : r.finalLoss.toFixed(4),
      `${r.seconds.toFixed(r.seconds < 10 ? 2 : 1)} s`,
      Math.round(r.samplesPerSecond).toLocaleString("en-US"),
    ]),
  };
  tslab.display.html(htmlTable(table, "MyTorch and TensorFlow.js on the same tasks"));
  console.log(textTable(table));
}

// %% [markdown]
// ## Summary

// %%
printSummary("Problem 6 Training", [
  "Problem 6(1) regression: MLP0 recovers w and b",
  "Problem 6(2) Fashion-MNIST: MLP1 reaches 85% test accuracy",
  "TF.js gradients agree with MyTorch's (float32 vs float64)",
  "TF.js follows MyTorch's recipe (same start, batches, lr, momentum)",
]);
