#!/usr/bin/env node
// vugrad's experiment (seeds 002/003) on @mytorch/autograd, printed side by side:
// synthetic data x ~ N(0, I₂), y = [xᵀQx > 0.6], 60,000 train / 10,000 validation,
// one hidden layer of 4 × input units, Sigmoid versus ReLU, 20 epochs of SGD.
// Then the same network on Fashion-MNIST (784 → 3136 → 10) when the data is on disk.
//
//   pnpm --filter @mytorch/autograd experiment                  # both parts, defaults below
//   node scripts/experiment.mjs --part synthetic --lr 0.01       # vugrad's own learning rate
//   node scripts/experiment.mjs --part fashion --epochs 2 --limit 10000
//
// Options: --part synthetic|fashion|all, --epochs N, --lr X, --seed N, --batch N,
//          --hidden N (Fashion-MNIST hidden width), --limit N (Fashion-MNIST training examples),
//          --fashion-lr X, --fashion-epochs N.
import { createRng } from "@mytorch/matrix";
import { trainClassifier, vugradSynthetic } from "../dist/index.js";

const args = parseArgs(process.argv.slice(2));
const part = args.part ?? "all";
const seed = Number(args.seed ?? 0);
const batchSize = Number(args.batch ?? 128);

function parseArgs(argv) {
  const out = {};
  for (let k = 0; k < argv.length; k++) {
    if (!argv[k].startsWith("--")) throw new Error(`experiment: unexpected argument ${argv[k]}`);
    out[argv[k].slice(2)] = argv[k + 1];
    k++;
  }
  return out;
}

const pct = (x) => (100 * x).toFixed(2).padStart(6) + " %";

/** Trains sigmoid and ReLU on the same data and prints one row per epoch. */
function sideBySide(title, train, val, options) {
  console.log(`\n## ${title}`);
  console.log(
    `train ${train.X.rows} × ${train.X.cols}, validation ${val.X.rows}; hidden ${options.hidden ?? 4 * train.X.cols}; ` +
      `batch ${batchSize}; SGD lr ${options.lr} on the summed cross-entropy (vugrad's logceloss); seed ${seed}`,
  );
  const results = {};
  for (const activation of ["sigmoid", "relu"]) {
    const started = performance.now();
    const result = trainClassifier(train, val, {
      activation,
      batchSize,
      seed,
      ...options,
      onEpoch: (e) => process.stderr.write(`  ${activation} epoch ${e.epoch}: loss ${e.trainLoss.toFixed(4)}, val ${pct(e.valAccuracy)}\n`),
    });
    results[activation] = { ...result, seconds: (performance.now() - started) / 1000 };
  }
  console.log("\n| epoch | Sigmoid: train loss | Sigmoid: val acc | ReLU: train loss | ReLU: val acc |");
  console.log("|---:|---:|---:|---:|---:|");
  results.sigmoid.epochs.forEach((s, k) => {
    const r = results.relu.epochs[k];
    console.log(`| ${s.epoch} | ${s.trainLoss.toFixed(4)} | ${pct(s.valAccuracy)} | ${r.trainLoss.toFixed(4)} | ${pct(r.valAccuracy)} |`);
  });
  const { sigmoid, relu } = results;
  console.log(
    `\nfinal validation accuracy: Sigmoid ${pct(sigmoid.valAccuracy)} (${sigmoid.seconds.toFixed(1)} s), ` +
      `ReLU ${pct(relu.valAccuracy)} (${relu.seconds.toFixed(1)} s)`,
  );
  return results;
}

let failed = false;

if (part === "synthetic" || part === "all") {
  const epochs = Number(args.epochs ?? 20);
  const lr = Number(args.lr ?? 0.003);
  const { train, val } = vugradSynthetic({ numTrain: 60_000, numVal: 10_000, rng: createRng(seed) });
  const positives = train.y.reduce((n, y) => n + y, 0);
  console.log(`synthetic data: ${positives} of ${train.y.length} training examples in class 1`);
  const { sigmoid, relu } = sideBySide("vugrad's synthetic experiment", train, val, { epochs, lr });
  for (const [name, r] of [["Sigmoid", sigmoid], ["ReLU", relu]]) {
    if (r.valAccuracy < 0.98) {
      console.log(`CHECK FAILED: ${name} validation accuracy ${pct(r.valAccuracy)} < 98 %`);
      failed = true;
    }
  }
}

if (part === "fashion" || part === "all") {
  let data = null;
  try {
    const { loadFashionMnistFromDisk } = await import("@mytorch/data/node");
    const limitTrain = args.limit === undefined ? undefined : Number(args.limit);
    data = await loadFashionMnistFromDisk(undefined, { limitTrain });
  } catch (error) {
    console.log(`\n## Fashion-MNIST: skipped (${error instanceof Error ? error.message.split("\n")[0] : error})`);
  }
  if (data !== null) {
    const hidden = Number(args.hidden ?? 4 * 784);
    const epochs = Number(args["fashion-epochs"] ?? 3);
    const lr = Number(args["fashion-lr"] ?? 0.001);
    const train = { X: data.train.images, y: data.train.labels };
    const val = { X: data.test.images, y: data.test.labels };
    sideBySide("the same network on Fashion-MNIST (validation = the 10,000 test images)", train, val, { hidden, epochs, lr });
  }
}

if (failed) process.exit(1);
