#!/usr/bin/env node
// pnpm grade: the per-problem score table and a Gradescope results.json.
import { rmSync } from "node:fs";
import { resolve } from "node:path";
import { loadGradingConfig } from "../config.mjs";
import { gradeWorkspace } from "../grader.mjs";
import { repoRoot } from "../paths.mjs";
import { gradescopeResults, scoreTable, writeJsonAtomic } from "../report.mjs";
import { prepareSubmissionWorkspace } from "../workspace.mjs";

const HELP = `Usage: pnpm grade [options]

Runs the graded suites of grading/points.json, one vitest process per
sub-problem, and prints points per sub-problem and the total.

Options
  --submission DIR   grade a student's repository: its solution sources are
                     graded with the official tests (hidden ones included)
  --repo DIR         grade the repository at DIR as it is (default: this one)
  --results FILE     where results.json goes (default: out/grading/results.json)
  --timeout SECONDS  wall-clock limit per sub-problem (default: points.json's timeoutSeconds)
  --only IDS         grade only these sub-problems, e.g. --only 1(b),2(a)
  --require-full     exit 1 unless every sub-problem earns its points
  --help             this text`;

function parseArgs(argv) {
  const options = { submission: null, repo: null, results: null, timeout: null, only: null, requireFull: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith("--")) fail(`${arg} needs a value`);
      return v;
    };
    if (arg === "--help" || arg === "-h") {
      console.log(HELP);
      process.exit(0);
    } else if (arg === "--submission") options.submission = value();
    else if (arg === "--repo") options.repo = value();
    else if (arg === "--results") options.results = value();
    else if (arg === "--timeout") {
      options.timeout = Number(value());
      if (!(options.timeout > 0)) fail(`--timeout must be a number of seconds > 0`);
    } else if (arg === "--only") options.only = value().split(",").map((s) => s.trim());
    else if (arg === "--require-full") options.requireFull = true;
    else fail(`unknown option ${arg}`);
  }
  return options;
}

function fail(message) {
  console.error(`grade: ${message}\n\n${HELP}`);
  process.exit(2);
}

const cwd = process.env.INIT_CWD ?? process.cwd();
const options = parseArgs(process.argv.slice(2));
const official = options.repo ? resolve(cwd, options.repo) : repoRoot;
const resultsPath = resolve(cwd, options.results ?? "out/grading/results.json");
const config = loadGradingConfig(official);
if (options.only) {
  const unknown = options.only.filter((id) => !config.problems.some((p) => p.id === id));
  if (unknown.length > 0) fail(`--only: unknown sub-problems ${unknown.join(", ")}`);
}

let workspace = official;
let notes = [];
let exitCode = 0;
try {
  if (options.submission) {
    ({ workspace, notes } = prepareSubmissionWorkspace(official, resolve(cwd, options.submission), config));
  }
  for (const note of notes) console.log(`note: ${note}`);
  console.log(`Grading ${options.submission ?? official} (one process per sub-problem, limit ${options.timeout ?? config.timeoutSeconds} s each)…`);
  const results = await gradeWorkspace(workspace, config, {
    timeoutSeconds: options.timeout ?? config.timeoutSeconds,
    only: options.only,
    onProblem: (r) => console.log(`  ${r.passed ? "PASS" : "FAIL"}  Problem ${r.id}  (${r.seconds.toFixed(1)} s)`),
  });
  console.log("\n" + scoreTable(results).join("\n"));
  writeJsonAtomic(resultsPath, gradescopeResults(results, notes));
  console.log(`Results: ${resultsPath}`);
  const full = results.every((r) => r.passed);
  if (options.requireFull && !full) exitCode = 1;
} catch (error) {
  // Whatever went wrong, Gradescope gets a complete results file listing every sub-problem.
  const message = error instanceof Error ? error.message : String(error);
  console.error(`grade: ${message}`);
  const failedAll = config.problems.map((p) => ({ ...p, score: 0, passed: false, testCount: 0, why: `grader error: ${message}`, output: `grader error: ${message}` }));
  writeJsonAtomic(resultsPath, gradescopeResults(failedAll, notes));
  exitCode = 1;
} finally {
  if (workspace !== official) rmSync(workspace, { recursive: true, force: true });
}
process.exit(exitCode);
