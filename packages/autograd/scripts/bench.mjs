#!/usr/bin/env node
// Epoch time of the same MLP trained two ways on the same Matrix kernel:
//   manual   — @mytorch/mlp MLP1 + @mytorch/loss CrossEntropyLoss + @mytorch/optim SGD (hand-written backward)
//   autograd — @mytorch/autograd Sequential(Linear, ReLU, Linear) + crossEntropyLoss + optim.SGD (graph + backward)
// on Fashion-MNIST (784 → hidden → 10, ReLU), minibatches of 128 in a fixed order, plain SGD.
// The manual Linear always computes ∂L/∂X, also for the first layer, where nobody needs it;
// autograd skips it for data that requires no gradient. "autograd, X requires grad" does the
// same work as the manual MLP, so the ratio against it isolates the bookkeeping of the graph.
//
//   pnpm --filter @mytorch/autograd bench
//   node scripts/bench.mjs --hidden 256 --repeats 3 --limit 60000
//   node scripts/bench.mjs --synthetic 1 --hidden 8     # vugrad's tiny 2 → 8 → 2 network, where bookkeeping shows
import { CrossEntropyLoss } from "@mytorch/loss";
import { Matrix, createRng } from "@mytorch/matrix";
import { MLP1 } from "@mytorch/mlp";
import { SGD as ManualSGD } from "@mytorch/optim";
import { Tensor, nn, optim, vugradSynthetic } from "../dist/index.js";

const args = {};
for (let k = 2; k < process.argv.length; k += 2) args[process.argv[k].replace(/^--/, "")] = process.argv[k + 1];
const hidden = Number(args.hidden ?? 128);
const repeats = Number(args.repeats ?? 3);
const limit = Number(args.limit ?? 60_000);
const batchSize = 128;
let features = 784;
let classes = 10;
const lr = 0.01;

let X, Y, labels, source;
if (args.synthetic !== undefined) {
  const { train } = vugradSynthetic({ numTrain: limit, numVal: 1, rng: createRng(0) });
  X = train.X;
  labels = train.y;
  Y = Matrix.zeros(limit, 2);
  labels.forEach((j, i) => Y.set(i, j, 1));
  source = `vugrad's synthetic data, ${limit} examples`;
} else try {
  const { loadFashionMnistFromDisk } = await import("@mytorch/data/node");
  const data = await loadFashionMnistFromDisk(undefined, { limitTrain: limit, limitTest: 1 });
  X = data.train.images;
  labels = data.train.labels;
  Y = data.train.oneHot();
  source = `Fashion-MNIST, first ${X.rows} training images`;
} catch (error) {
  // Without the data set, random images of the same shape time the same arithmetic.
  const rng = createRng(0);
  X = Matrix.rand(limit, 784, { rng });
  labels = Int32Array.from({ length: limit }, () => rng.int(10));
  Y = Matrix.zeros(limit, 10);
  labels.forEach((j, i) => Y.set(i, j, 1));
  source = `random 784-pixel images (Fashion-MNIST not found: ${String(error.message).split("\n")[0]})`;
}

features = X.cols;
classes = Y.cols;
const batches = [];
for (let start = 0; start < X.rows; start += batchSize) {
  const end = Math.min(start + batchSize, X.rows);
  batches.push({ X: X.sliceRows(start, end), Y: Y.sliceRows(start, end), labels: labels.slice(start, end) });
}

/** Same initial weights for every variant. */
function initialWeights() {
  const reference = new MLP1(features, hidden, classes, { rng: createRng(1) });
  return reference.layers.map((layer) => ({ W: layer.W.clone(), b: layer.b.clone() }));
}

function manualEpoch() {
  const model = new MLP1(features, hidden, classes, { rng: createRng(1) });
  initialWeights().forEach((w, l) => ((model.layers[l].W = w.W), (model.layers[l].b = w.b)));
  const criterion = new CrossEntropyLoss();
  const optimizer = new ManualSGD(model, lr);
  const started = performance.now();
  let loss = 0;
  for (const batch of batches) {
    loss += criterion.forward(model.forward(batch.X), batch.Y);
    model.backward(criterion.backward());
    optimizer.step();
  }
  return { seconds: (performance.now() - started) / 1000, loss: loss / batches.length };
}

function autogradEpoch(xRequiresGrad) {
  const layers = [new nn.Linear(features, hidden), new nn.Linear(hidden, classes)];
  initialWeights().forEach((w, l) => ((layers[l].W.value = w.W), (layers[l].b.value = w.b)));
  const model = new nn.Sequential(layers[0], new nn.ReLU(), layers[1]);
  const optimizer = new optim.SGD(model.parameters(), { lr });
  const started = performance.now();
  let loss = 0;
  for (const batch of batches) {
    optimizer.zeroGrad();
    const L = nn.crossEntropyLoss(model.forward(new Tensor(batch.X, { requiresGrad: xRequiresGrad })), batch.Y);
    L.backward();
    optimizer.step();
    loss += L.item();
  }
  return { seconds: (performance.now() - started) / 1000, loss: loss / batches.length };
}

const variants = [
  ["manual backward (MLP1)", () => manualEpoch()],
  ["autograd, X requires grad (same work)", () => autogradEpoch(true)],
  ["autograd, X is data (default)", () => autogradEpoch(false)],
];
console.log(`bench: one epoch of ${features} → ${hidden} → ${classes} (ReLU), ${batches.length} minibatches of ${batchSize}, ${source}`);
console.log(`node ${process.version}; ${repeats} repeats, variants interleaved; the median is reported\n`);
const times = variants.map(() => []);
const losses = variants.map(() => 0);
for (let r = 0; r < repeats; r++) {
  variants.forEach(([name, run], v) => {
    const { seconds, loss } = run();
    times[v].push(seconds);
    losses[v] = loss;
    process.stderr.write(`  repeat ${r + 1}: ${name}: ${seconds.toFixed(2)} s (mean loss ${loss.toFixed(6)})\n`);
  });
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const base = median(times[0]);
console.log("| variant | median epoch (s) | ratio to manual | mean training loss |");
console.log("|---|---:|---:|---:|");
variants.forEach(([name], v) => {
  const t = median(times[v]);
  console.log(`| ${name} | ${t.toFixed(2)} | ${(t / base).toFixed(3)} | ${losses[v].toFixed(6)} |`);
});
const worst = Math.max(median(times[1]), median(times[2])) / base;
console.log(`\nautograd / manual (worst of the two autograd variants): ${worst.toFixed(3)} (target ≤ 1.3)`);
