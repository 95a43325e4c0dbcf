// Grades every sub-problem of grading/points.json. Student code runs only in
// sandboxed agent processes (sandbox/); every check runs here, in the grading
// process, on the values that came back. A sub-problem earns its points when
// every one of its checks, visible and hidden, was seen to pass here: a check
// that threw, timed out, or never ran because the student's process died has
// failed. Visible and hidden checks of a sub-problem run in two separate
// agent processes, so the one that saw hidden inputs can report nothing but
// pass or fail.
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { FD_TOL, TOL, makeChecks, numericalGradientOf } from "./checks.mjs";
import { isHiddenTest } from "./config.mjs";
import { AgentGone, StudentError, activation, rng, startAgent } from "./sandbox/remote.mjs";

/**
 * @typedef {import("./config.mjs").Problem} Problem
 * @typedef {{ name: string, hidden: boolean, passed: boolean, message: string }} CheckResult
 * @typedef {Problem & { score: number, passed: boolean, checks: CheckResult[], why: string, output: string, seconds: number }} ProblemResult
 */

/** The tools a check file gets: the grader's kernel, remote helpers, assertions. */
export function makeKit(kernel, root) {
  return {
    ...kernel,
    rng,
    activation,
    TOL,
    FD_TOL,
    expect: makeChecks(kernel),
    numericalGradient: (f, X) => numericalGradientOf(f, X, kernel.Matrix),
    fixturesOf: async (path) => (await import(pathToFileURL(join(root, path)).href, { with: { type: "json" } })).default,
  };
}

/**
 * The checks of every problem, from the check files points.json lists
 * (grading/checks/*.mjs; *.hidden.mjs are never handed out). Each file's
 * default export is `async (kit) => [{ problem, name, run: async (session) => … }]`.
 */
export async function loadChecks(root, config, kit, only = null) {
  const byProblem = new Map(config.problems.map((p) => [p.id, { visible: [], hidden: [] }]));
  const files = [...new Set(config.problems.filter((p) => only === null || only.includes(p.id)).flatMap((p) => p.checks))];
  for (const file of files) {
    let list;
    try {
      list = await (await import(pathToFileURL(join(root, file)).href)).default(kit);
    } catch (error) {
      if (error?.code === "ERR_MODULE_NOT_FOUND" && isHiddenTest(file)) continue; // a handout has no hidden checks
      throw error;
    }
    for (const check of list) {
      const slot = byProblem.get(check.problem);
      if (!slot) throw new Error(`${file}: check "${check.name}" names an unknown problem ${check.problem}`);
      (isHiddenTest(file) ? slot.hidden : slot.visible).push({ ...check, hidden: isHiddenTest(file) });
    }
  }
  return byProblem;
}

/** One line for a check that failed: what the student's code did, or what it returned. */
function failureText(error) {
  if (error instanceof StudentError) return `${error.className}: ${error.message}`;
  if (error instanceof AgentGone) return error.message;
  if (error?.name === "CheckFailed") return error.message;
  return `the check could not finish with what the code returned (${error?.name ?? "error"}: ${error?.message ?? String(error)})`;
}

/** Runs `checks` in one agent process, one after the other, within `timeoutMs` for all of them. */
export async function runChecks(checks, { sandbox, Matrix, timeoutMs }) {
  if (checks.length === 0) return { results: [], output: "" };
  const session = startAgent({ ...sandbox, Matrix });
  const timer = setTimeout(() => session.fail(`timed out after ${timeoutMs / 1000} s: the code never returned (an infinite loop?)`), timeoutMs);
  const results = [];
  try {
    for (const check of checks) {
      try {
        await check.run(session);
        results.push({ name: check.name, hidden: check.hidden, passed: true, message: "" });
      } catch (error) {
        results.push({ name: check.name, hidden: check.hidden, passed: false, message: failureText(error) });
      }
    }
  } finally {
    clearTimeout(timer);
    session.kill();
  }
  return { results, output: session.output };
}

/**
 * The failures as a student reads them: at most five, each with its message
 * (hidden checks by name only); failures that repeat the previous message
 * are counted, not repeated.
 */
function failureReport(results, failed) {
  const lines = [`${results.length - failed.length} of ${results.length} checks passed; the sub-problem needs all of them.`];
  let shown = 0;
  let same = 0;
  let previous = null;
  for (const r of failed) {
    const message = r.hidden ? null : r.message;
    if (message !== null && message === previous) {
      same++;
      continue;
    }
    if (same > 0) lines.push(`  (and ${same} more with the same message)`);
    same = 0;
    previous = message;
    if (shown++ < 5) lines.push(r.hidden ? `✗ (hidden) ${r.name}` : `✗ ${r.name}\n    ${r.message.replace(/\n/g, "\n    ")}`);
  }
  if (same > 0) lines.push(`  (and ${same} more with the same message)`);
  if (shown > 5) lines.push(`… and ${shown - 5} more failing checks`);
  return lines.join("\n");
}

/** Grades one problem from its checks' results. */
export function scoreProblem(problem, results, seconds, studentOutput = "") {
  const failed = results.filter((r) => !r.passed);
  const firstVisible = failed.find((r) => !r.hidden);
  let why = "";
  if (results.length === 0) why = "no checks ran";
  else if (firstVisible) why = `${firstVisible.name}: ${firstVisible.message.split("\n")[0]}`;
  else if (failed.length > 0) why = `a hidden check failed: ${failed[0].name}`;
  const passed = why === "";
  const output = passed ? `All ${results.length} checks passed.` : failureReport(results, failed);
  const staff = failed.filter((r) => r.hidden).map((r) => `✗ (hidden) ${r.name}: ${r.message}`);
  if (studentOutput.trim()) staff.push(`what the student's code printed:\n${studentOutput.trim()}`);
  return { ...problem, passed, score: passed ? problem.points : 0, checks: results, why, output, staffOutput: staff.join("\n"), seconds };
}

/**
 * Grades `config.problems` (or those in `only`), two at a time.
 * `sandbox` is what buildSandbox returned; `checks` what loadChecks returned.
 * @returns {Promise<ProblemResult[]>} in the order of points.json
 */
export async function gradeProblems({ config, checks, sandbox, Matrix, timeoutSeconds = config.timeoutSeconds, only = null, parallel = Math.min(2, availableParallelism()), onProblem = () => {} }) {
  const problems = config.problems.filter((p) => only === null || only.includes(p.id));
  const results = new Array(problems.length);
  let next = 0;
  const worker = async () => {
    while (next < problems.length) {
      const index = next++;
      const problem = problems[index];
      const started = Date.now();
      const { visible, hidden } = checks.get(problem.id);
      const options = { sandbox, Matrix, timeoutMs: timeoutSeconds * 1000 };
      const [seen, unseen] = await Promise.all([runChecks(visible, options), runChecks(hidden, options)]);
      results[index] = scoreProblem(problem, [...seen.results, ...unseen.results], (Date.now() - started) / 1000, seen.output + unseen.output);
      onProblem(results[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, parallel) }, worker));
  return results;
}
