// Grades every sub-problem of grading/points.json in a workspace: each suite in
// a vitest process of its own, two at a time, all-or-nothing per sub-problem.
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { isHiddenTest } from "./config.mjs";
import { runSuite } from "./run-suite.mjs";

/**
 * @typedef {import("./config.mjs").Problem} Problem
 * @typedef {Problem & { score: number, passed: boolean, testCount: number, why: string, output: string, seconds: number }} ProblemResult
 */

/** A failure message without colours, stack frames or code frames, at most `maxLines` lines. */
export function cleanMessage(message, maxLines = 4) {
  const lines = String(message)
    .replace(new RegExp(String.fromCharCode(27) + "\\[[0-9;]*m", "g"), "") // ANSI colours
    .split("\n")
    .map((l) => l.trimEnd())
    .filter((l) => l.trim().length > 0 && !/^\s*at\s/.test(l) && !/^\s*❯/.test(l) && !/^\s*\d+\s*\|/.test(l));
  const kept = lines.slice(0, maxLines);
  if (lines.length > maxLines) kept.push("…");
  return kept.join("\n");
}

/** Grades one problem from the outcome of its suite's run. */
export function scoreProblem(problem, run, timeoutSeconds) {
  const own = run.tests.filter((t) => t.suites[0] === problem.suite || (t.suites.length === 0 && t.state === "failed"));
  // Visible tests first: a student can run those and read them.
  const failed = own
    .filter((t) => t.state !== "passed" && t.state !== "skipped")
    .sort((a, b) => Number(isHiddenTest(a.file)) - Number(isHiddenTest(b.file)));
  let why = "";
  let output;
  if (run.timedOut) {
    const methods = problem.stubs.map((s) => s.method).join(", ");
    why = `timed out after ${timeoutSeconds} s: the tests never finished (an infinite loop${methods ? ` in ${methods}` : ""}?)`;
    output = `${why}\nThe other problems were graded separately and are not affected.`;
  } else if (run.crashed) {
    why = `the tests crashed: ${cleanMessage(run.crashed, 1)}`;
    output = cleanMessage(run.crashed, 12);
  } else if (own.length === 0) {
    why = `no tests ran for "${problem.suite}"`;
    output = why;
  } else if (failed.length > 0) {
    const first = failed[0];
    why = `${first.name}: ${cleanMessage(first.errors[0] ?? "failed", 1)}`;
    output = [
      `${own.length - failed.length} of ${own.length} tests passed; the sub-problem needs all of them.`,
      ...failed.slice(0, 5).map((t) => `✗ ${t.name}\n    ${cleanMessage(t.errors[0] ?? "failed").replace(/\n/g, "\n    ")}`),
      ...(failed.length > 5 ? [`… and ${failed.length - 5} more failing tests`] : []),
    ].join("\n");
  } else {
    output = `All ${own.length} tests passed.`;
  }
  const passed = why === "";
  return { ...problem, passed, score: passed ? problem.points : 0, testCount: own.length, failedTests: failed, why, output, seconds: run.seconds };
}

/**
 * Grades `config.problems` (or those in `only`) in `workspace`.
 * @returns {Promise<ProblemResult[]>} in the order of points.json
 */
export async function gradeWorkspace(workspace, config, { timeoutSeconds = config.timeoutSeconds, only = null, parallel = Math.min(2, availableParallelism()), onProblem = () => {} } = {}) {
  const problems = config.problems.filter((p) => only === null || only.includes(p.id));
  const results = new Array(problems.length);
  let next = 0;
  const worker = async () => {
    while (next < problems.length) {
      const index = next++;
      const problem = problems[index];
      const files = problem.tests.filter((f) => existsSync(join(workspace, f)));
      const run = files.length === 0
        ? { tests: [], timedOut: false, crashed: `none of the test files exist: ${problem.tests.join(", ")}`, seconds: 0 }
        : await runSuite({ workspace, files, suite: problem.suite, timeoutMs: timeoutSeconds * 1000 });
      results[index] = scoreProblem(problem, run, timeoutSeconds);
      onProblem(results[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, parallel) }, worker));
  return results;
}
