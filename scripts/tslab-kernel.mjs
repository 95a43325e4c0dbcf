#!/usr/bin/env node
// Starts the workspace's tslab Jupyter kernel (what `tslab kernel --config-path <file>` does),
// with TypeScript's watching of real files and folders turned off.
//
//   node scripts/tslab-kernel.mjs <connection_file>      (the argv of .jupyter/kernels/tslab/kernel.json)
//
// Why: tslab 1.0.22 compiles cells with a TypeScript watch program whose timers it
// replaces by a single slot. When files or folders the program watches change while
// the kernel runs (a rebuild of dist/, `pnpm install`, another checkout sharing the
// pnpm store's hard links), TypeScript schedules its own updates into that slot, and
// every later cell fails with "Unexpected pending rebuildTimer". tslab tells the
// program about each new cell directly, so the watchers are not needed; the price is
// that changes to packages or to notebooks/src take effect after a kernel restart,
// which Node's module cache requires anyway.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url); // tslab and its TypeScript are CommonJS
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const tslabDir = dirname(require.resolve("tslab/package.json", { paths: [root] }));
const ts = require(require.resolve("@tslab/typescript-for-tslab", { paths: [tslabDir] }));

const noWatcher = () => ({ close() {} });
ts.sys.watchFile = noWatcher;
ts.sys.watchDirectory = noWatcher;

const configPath = process.argv[2];
if (!configPath) {
  console.error("usage: node scripts/tslab-kernel.mjs <connection_file>");
  process.exit(2);
}
const { version } = require(join(tslabDir, "package.json"));
const { startKernel } = require(join(tslabDir, "dist", "main.js"));
startKernel({ configPath, enableFindLocal: false, jsKernel: false, globalVersion: version });
