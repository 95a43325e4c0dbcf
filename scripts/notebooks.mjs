#!/usr/bin/env node
// `pnpm notebooks`: executes the tester notebooks headless with the tslab kernel
// and writes the executed copies and their HTML export to out/notebooks/.
//
//   pnpm notebooks                          all eight, in homework order
//   pnpm notebooks LinearTester MLPTester   some of them
//   options: --no-build (skip `turbo run build`), --timeout <seconds per notebook> (1800),
//            --quiet (do not echo the cells' output), --out <folder> (out/notebooks)
//
// Exits non-zero naming each notebook and cell that failed, with the cell's error text.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { delimiter, join, relative } from "node:path";
import { findPython, jupyterPath, root, writeKernelSpec } from "./jupyter-kernel.mjs";

const ORDER = ["LinearTester", "LossTester", "SGDTester", "ActivationTester", "MLPTester", "TrainingTester", "CircleExperiment", "AutogradTester"];
const notebooksDir = join(root, "notebooks");

function fail(message) {
  console.error(`notebooks: ${message}`);
  process.exit(1);
}

function parseArgs(argv) {
  const options = { build: true, timeout: 1800, quiet: false, out: join(root, "out", "notebooks"), names: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined) fail(`${arg} needs a value`);
      return next;
    };
    if (arg === "--no-build") options.build = false;
    else if (arg === "--quiet") options.quiet = true;
    else if (arg === "--timeout") {
      options.timeout = Number(value());
      if (!Number.isInteger(options.timeout) || options.timeout < 1) fail(`--timeout must be a whole number of seconds ≥ 1, got ${argv[i]}`);
    } else if (arg === "--out") options.out = join(process.cwd(), value());
    else if (arg === "--help" || arg === "-h") {
      console.log("usage: pnpm notebooks [--no-build] [--timeout SECONDS] [--quiet] [--out DIR] [NAME...]");
      console.log(`NAME is one of: ${ORDER.join(", ")} (default: all)`);
      process.exit(0);
    } else if (arg.startsWith("-")) fail(`unknown option ${arg} (see --help)`);
    else options.names.push(arg.replace(/\.ipynb$/, ""));
  }
  return options;
}

function run(command, args, env = process.env) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env });
  if (result.error) fail(`could not run ${command}: ${result.error.message}`);
  return result.status ?? 1;
}

const options = parseArgs(process.argv.slice(2));
const unknown = options.names.filter((name) => !ORDER.includes(name));
if (unknown.length > 0) fail(`no notebook named ${unknown.join(", ")}; choose from ${ORDER.join(", ")}`);
const names = options.names.length > 0 ? ORDER.filter((name) => options.names.includes(name)) : ORDER;
const missing = names.filter((name) => !existsSync(join(notebooksDir, `${name}.ipynb`)));
if (missing.length > 0) fail(`missing ${missing.map((name) => `notebooks/${name}.ipynb`).join(", ")}`);

const kernel = writeKernelSpec();
if (kernel.dir === null) fail(kernel.reason);
const { python, reason } = findPython();
if (python === null) fail(reason);
if (run(process.execPath, [join(notebooksDir, "generate.mjs"), "--check"]) !== 0) {
  fail("a committed notebook differs from its source in notebooks/sources/ (see above)");
}
// CircleExperiment and AutogradTester are generated from their packages' notebook/ sources.
for (const pkg of ["nn", "autograd"]) {
  if (run(process.execPath, [join(root, "packages", pkg, "scripts", "notebook.mjs"), "--check"]) !== 0) {
    fail(`a committed notebook differs from its source in packages/${pkg}/notebook/ (see above)`);
  }
}

if (options.build) {
  console.log("▶ notebooks: building the packages (turbo run build); the notebooks import their dist/");
  const env = { ...process.env, TURBO_TELEMETRY_DISABLED: "1", DO_NOT_TRACK: "1" };
  if (run(join(root, "node_modules", ".bin", "turbo"), ["run", "build", "--output-logs=errors-only"], env) !== 0) {
    fail("the build failed (see above); the notebooks need the packages' dist/ folders");
  }
}

console.log(`▶ notebooks: ${names.join(", ")} with ${python} and the tslab kernel in ${relative(root, kernel.dir)}/`);
const env = { ...process.env, JUPYTER_PATH: [jupyterPath, process.env.JUPYTER_PATH].filter((p) => p).join(delimiter) };
const args = [
  join(root, "scripts", "run_notebooks.py"),
  "--out",
  options.out,
  "--timeout",
  String(options.timeout),
  ...(options.quiet ? ["--quiet"] : []),
  ...names.map((name) => join(notebooksDir, `${name}.ipynb`)),
];
process.exit(run(python, args, env));
