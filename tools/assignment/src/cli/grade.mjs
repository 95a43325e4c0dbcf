#!/usr/bin/env node
// pnpm grade: the per-problem score table and a Gradescope results.json.
import { availableParallelism } from "node:os";
import { resolve } from "node:path";
import { loadGradingConfig } from "../config.mjs";
import { gradeSubmission, prepareGrading } from "../grade-submission.mjs";
import { repoRoot } from "../paths.mjs";
import { gradescopeResults, scoreTable, writeJsonAtomic } from "../report.mjs";

const HELP = `Usage: pnpm grade [options]

Grades every sub-problem of grading/points.json: the student's code runs in
a sandboxed process, the checks run here, and a sub-problem earns its points
when all of its checks pass. Prints the points per sub-problem and the total.

Usage: pnpm grade --batch DIR [--jobs N] [--out DIR]

Grades a whole class: every folder or zip in DIR (or a Gradescope "Download
submissions" export) in its own sandbox, N at a time; a second run regrades
only the submissions whose content, or the official checks, changed. Writes
grades.csv, each submission's results.json and report.html.

Options
  --batch DIR        grade every submission in DIR (see above)
  --jobs N           submissions graded at once (default: the number of cores)
  --out DIR          where the batch's outputs go (default: out/grading/batch)
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
  const options = { submission: null, repo: null, results: null, timeout: null, only: null, requireFull: false, notGraded: null, batch: null, jobs: null, out: null };
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
    else if (arg === "--batch") options.batch = value();
    else if (arg === "--out") options.out = value();
    else if (arg === "--jobs") {
      options.jobs = Number(value());
      if (!(Number.isInteger(options.jobs) && options.jobs >= 1)) fail(`--jobs must be an integer ≥ 1`);
    }
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

if (options.batch !== null) {
  if (options.submission !== null || options.only !== null) fail("--batch grades every sub-problem of every submission; it takes neither --submission nor --only");
  const batch = await import("../batch/batch.mjs").catch(() => fail("--batch is an instructor tool; it is not part of the student handout"));
  const { gradeClass } = batch;
  const { progressReporter } = await import("../batch/progress.mjs");
  const out = resolve(cwd, options.out ?? "out/grading/batch");
  const jobs = options.jobs ?? availableParallelism();
  console.log(`Grading every submission in ${options.batch}, ${jobs} at a time, into ${out}…`);
  const { rows, skipped, csvPath, reportPath, seconds } = await gradeClass({
    official, config, dir: resolve(cwd, options.batch), out, jobs,
    timeoutSeconds: options.timeout ?? config.timeoutSeconds,
    onProgress: progressReporter(),
  });
  const errors = rows.filter((r) => r.status === "error");
  const totals = rows.map((r) => r.total).sort((a, b) => a - b);
  console.log(`${rows.length} submissions in ${(seconds / 60).toFixed(1)} min: ${rows.length - skipped} graded, ${skipped} unchanged and skipped, ${errors.length} not gradable`);
  if (totals.length > 0) console.log(`scores: median ${totals[Math.floor(totals.length / 2)]}, min ${totals[0]}, max ${totals.at(-1)} of ${problems.reduce((s, p) => s + p.points, 0)}`);
  for (const r of errors) console.log(`  not gradable: ${r.id}: ${r.reason}`);
  console.log(`grades: ${csvPath}\nreport: ${reportPath}`);
  process.exit(0);
}

let exitCode = 0;
let notes = [];
try {
  const context = await prepareGrading(official, config, options.only);
  const timeoutSeconds = options.timeout ?? config.timeoutSeconds;
  try {
    const { results } = await gradeSubmission(context, options.submission === null ? null : resolve(cwd, options.submission), {
      timeoutSeconds,
      onStart: (start) => {
        notes = start.notes;
        for (const note of notes) console.log(`note: ${note}`);
        console.log(`Grading ${options.submission ?? official} (student code sandboxed: ${start.isolation}; limit ${timeoutSeconds} s per sub-problem)…`);
      },
      onProblem: (r) => console.log(`  ${r.passed ? "PASS" : "FAIL"}  Problem ${r.id}  (${r.seconds.toFixed(1)} s)`),
    });
    console.log("\n" + scoreTable(results).join("\n"));
    writeJsonAtomic(resultsPath, gradescopeResults(results, notes));
    console.log(`Results: ${resultsPath}`);
    if (options.requireFull && !results.every((r) => r.passed)) exitCode = 1;
  } finally {
    context.close();
  }
} catch (error) {
  // Whatever went wrong, Gradescope gets a complete results file listing every sub-problem, all failed.
  const message = error instanceof Error ? error.message : String(error);
  console.error(`grade: ${message}`);
  writeNotGraded(message, notes);
  exitCode = 1;
}
process.exit(exitCode);
