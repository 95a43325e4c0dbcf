#!/usr/bin/env node
// pnpm grade: the per-problem score table and a Gradescope results.json.
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { loadGradingConfig } from "../config.mjs";
import { gradeProblems, loadChecks, makeKit } from "../grader.mjs";
import { repoRoot } from "../paths.mjs";
import { gradescopeResults, scoreTable, writeJsonAtomic } from "../report.mjs";
import { buildSandbox, loadTrustedKernel } from "../sandbox/build.mjs";
import { isolationSummary } from "../sandbox/isolation.mjs";
import { gradingSources } from "../workspace.mjs";

const HELP = `Usage: pnpm grade [options]

Grades every sub-problem of grading/points.json: the student's code runs in
a sandboxed process, the checks run here, and a sub-problem earns its points
when all of its checks pass. Prints the points per sub-problem and the total.

Options
  --submission PATH  grade a student's submission (a folder, or the zip that
                     pnpm submit writes) with the official checks, hidden
                     ones included where this repository has them
  --repo DIR         the official repository (default: this one)
  --results FILE     where results.json goes (default: out/grading/results.json)
  --timeout SECONDS  wall-clock limit per sub-problem (default: points.json's timeoutSeconds)
  --only IDS         grade only these sub-problems, e.g. --only 1(b),2(a)
  --require-full     exit 1 unless every sub-problem earns its points
  --not-graded WHY   grade nothing: write a complete results file in which every
                     sub-problem failed for reason WHY (run_autograder's fallback)
  --help             this text`;

function parseArgs(argv) {
  const options = { submission: null, repo: null, results: null, timeout: null, only: null, requireFull: false, notGraded: null };
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
    else if (arg === "--not-graded") options.notGraded = value();
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
const problems = config.problems.filter((p) => options.only === null || options.only.includes(p.id));

/** A complete results file, every sub-problem failed with `reason`. */
function writeNotGraded(reason, notes = []) {
  const failedAll = problems.map((p) => ({ ...p, score: 0, passed: false, checks: [], why: `not graded: ${reason}`, output: `not graded: ${reason}`, staffOutput: "" }));
  writeJsonAtomic(resultsPath, gradescopeResults(failedAll, notes));
}

if (options.notGraded !== null) {
  writeNotGraded(options.notGraded);
  process.exit(0);
}

const work = mkdtempSync(join(tmpdir(), "mytorch-grade-"));
chmodSync(work, 0o711); // the sandbox inside is readable by the student's process; the grader's kernel (0700) is not
let notes = [];
let exitCode = 0;
try {
  const sources = gradingSources(official, config, options.submission === null ? null : resolve(cwd, options.submission));
  const sandbox = buildSandbox(join(work, "sandbox"), sources);
  notes = sources.notes;
  for (const note of notes) console.log(`note: ${note}`);
  const kernel = await loadTrustedKernel(official, join(work, "trusted"));
  const checks = await loadChecks(official, config, makeKit(kernel, official), options.only);
  const timeoutSeconds = options.timeout ?? config.timeoutSeconds;
  console.log(`Grading ${options.submission ?? official} (student code sandboxed: ${isolationSummary(sandbox.dir)}; limit ${timeoutSeconds} s per sub-problem)…`);
  const results = await gradeProblems({
    config: { ...config, problems },
    checks,
    sandbox,
    Matrix: kernel.Matrix,
    timeoutSeconds,
    onProblem: (r) => console.log(`  ${r.passed ? "PASS" : "FAIL"}  Problem ${r.id}  (${r.seconds.toFixed(1)} s)`),
  });
  console.log("\n" + scoreTable(results).join("\n"));
  writeJsonAtomic(resultsPath, gradescopeResults(results, notes));
  console.log(`Results: ${resultsPath}`);
  if (options.requireFull && !results.every((r) => r.passed)) exitCode = 1;
} catch (error) {
  // Whatever went wrong, Gradescope gets a complete results file listing every sub-problem, all failed.
  const message = error instanceof Error ? error.message : String(error);
  console.error(`grade: ${message}`);
  writeNotGraded(message, notes);
  exitCode = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
process.exit(exitCode);
