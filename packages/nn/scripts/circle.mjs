#!/usr/bin/env node
// `pnpm --filter @mytorch/nn circle`: seed 001's circle experiment, printed as its Table 1.
//   node scripts/circle.mjs [--seed N] [--epochs N] [--init kaimingNormal|...]
import { formatCircleTable, runCircleExperiment } from "../dist/index.js";

const args = process.argv.slice(2);
function option(name) {
  const i = args.indexOf(`--${name}`);
  if (i < 0) return undefined;
  const value = args[i + 1];
  if (value === undefined) throw new Error(`--${name} needs a value`);
  return value;
}
const seed = option("seed") === undefined ? 1 : Number(option("seed"));
const epochs = option("epochs") === undefined ? undefined : Number(option("epochs"));
const init = option("init");
const started = Date.now();
const rows = runCircleExperiment({ seed, epochs, ...(init === undefined ? {} : { init }) });
console.log(`Circle experiment (seed 001): 1,000 train / 1,000 test points, seed ${seed}, network 2→25→25→25→1 (ReLU, ReLU, Tanh, Tanh), MSE loss`);
console.log(formatCircleTable(rows));
console.log(`(${((Date.now() - started) / 1000).toFixed(1)} s)`);
