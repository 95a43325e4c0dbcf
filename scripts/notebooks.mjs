#!/usr/bin/env node
// `pnpm notebooks`: executes the tester notebooks headless with the tslab kernel
// and writes the executed copies and their HTML export to out/notebooks/.
//
//   pnpm notebooks                          all of them, in homework order
//   pnpm notebooks LinearTester MLPTester   some of them (builds only the packages they import)
//   options: --no-build (skip the build), --timeout <seconds per notebook> (1800),
//            --quiet (do not echo the cells' output), --out <folder> (out/notebooks)
//
// Exits non-zero naming each notebook and cell that failed, with the cell's error text.
import { join } from "node:path";
import { root } from "./jupyter-kernel.mjs";
import { availableNotebooks, runNotebooks } from "./notebook-plan.mjs";

const ORDER = availableNotebooks().map((n) => n.name);

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

const options = parseArgs(process.argv.slice(2));
const unknown = options.names.filter((name) => !ORDER.includes(name));
if (unknown.length > 0) fail(`no notebook named ${unknown.join(", ")}; choose from ${ORDER.join(", ")}`);
const names = options.names.length > 0 ? ORDER.filter((name) => options.names.includes(name)) : ORDER;
const { status, error } = runNotebooks(names, options);
if (status !== 0 && error && !error.endsWith("(see above)")) console.error(`notebooks: ${error}`);
process.exit(status);
