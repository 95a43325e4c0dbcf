// Grading one submission, as a function: what `pnpm grade` does for one
// student and the batch grader for each of a class. `prepareGrading` loads
// what every grade shares once (the grader's kernel, the checks);
// `gradeSubmission` builds the submission's sandbox, grades it and removes
// it. Student code never runs in this process: only in the sandbox's agents.
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gradeProblems, loadChecks, makeKit } from "./grader.mjs";
import { buildSandbox, loadTrustedKernel } from "./sandbox/build.mjs";
import { isolationSummary } from "./sandbox/isolation.mjs";
import { gradingSources } from "./workspace.mjs";

/** A folder of our own under the system's temp folder: others may pass through (to a sandbox), not list it. */
function workFolder(prefix) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  chmodSync(dir, 0o711);
  return dir;
}

/**
 * What every grade against the official repository `official` shares.
 * `only`: the sub-problem ids to grade, or null for all. Call `close()` when done.
 */
export async function prepareGrading(official, config, only = null) {
  const shared = workFolder("mytorch-grader-");
  const kernel = await loadTrustedKernel(official, join(shared, "trusted"));
  const checks = await loadChecks(official, config, makeKit(kernel, official), only);
  const problems = config.problems.filter((p) => only === null || only.includes(p.id));
  return { official, config, problems, kernel, checks, close: () => rmSync(shared, { recursive: true, force: true }) };
}

/**
 * Grades `submission` (a folder or a zip; null grades the official
 * repository as it is). Returns the results per sub-problem, the notes for
 * the student and the isolation in force. Throws only when the submission
 * cannot be read at all (a bad archive), with the reason.
 */
export async function gradeSubmission(context, submission, { timeoutSeconds = context.config.timeoutSeconds, parallel, onStart = () => {}, onProblem } = {}) {
  const work = workFolder("mytorch-grade-");
  try {
    const sources = gradingSources(context.official, context.config, submission);
    const sandbox = buildSandbox(join(work, "sandbox"), sources);
    const isolation = isolationSummary(sandbox.dir);
    onStart({ notes: sources.notes, isolation });
    const results = await gradeProblems({
      config: { ...context.config, problems: context.problems },
      checks: context.checks,
      sandbox,
      Matrix: context.kernel.Matrix,
      timeoutSeconds,
      parallel,
      onProblem,
    });
    return { results, notes: sources.notes, isolation };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
