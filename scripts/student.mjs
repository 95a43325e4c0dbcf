#!/usr/bin/env node
// The student's two commands in the handout (after scripts/setup.mjs):
//
//   node scripts/student.mjs main    npm start: build, the score table, then every tester
//                                    notebook whose problems pass (naming the ones skipped
//                                    and why). Exit 0 whatever the score; 1 only when
//                                    something that should have worked did not (the grader
//                                    wrote no results, a notebook of passing problems failed).
//   node scripts/student.mjs check   npm test: type-check and lint every package, run the
//                                    tests of the five homework packages, print the score
//                                    table. Exit 0 only when all of it passes (35/35).
//
// MYTORCH_SKIP_NOTEBOOKS=Name,Name leaves notebooks out of `main` (named as skipped).
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { root } from "./jupyter-kernel.mjs";
import { choosePlan } from "./notebook-plan.mjs";

const STUDENT_PACKAGES = ["@mytorch/linear", "@mytorch/loss", "@mytorch/optim", "@mytorch/activation", "@mytorch/mlp"];
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: "1", DO_NOT_TRACK: "1" };
const turbo = join(root, "node_modules", ".bin", "turbo");
const resultsPath = join(root, "out", "grading", "results.json");

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env });
  return result.status ?? 1;
}

function step(text) {
  console.log(`\n▶ ${text}`);
}

/** Runs the grader (visible checks), printing its table; returns results.json, or null when it wrote none. */
function grade(extra = []) {
  rmSync(resultsPath, { force: true });
  const status = run(process.execPath, [join(root, "tools", "assignment", "src", "cli", "grade.mjs"), "--results", resultsPath, ...extra]);
  if (!existsSync(resultsPath)) return { status, results: null };
  return { status, results: JSON.parse(readFileSync(resultsPath, "utf8")) };
}

function main() {
  step("build (turbo run build)");
  const built = run(turbo, ["run", "build", "--output-logs=errors-only"]) === 0;
  if (!built) console.log("start: the build failed (see above); the score table below shows what it costs");
  step("score table (visible checks; pnpm grade)");
  const { results } = grade();
  if (results === null) {
    console.error("start: the grader wrote no results (see above)");
    return 1;
  }
  const plan = choosePlan(results, { built, skip: (process.env.MYTORCH_SKIP_NOTEBOOKS ?? "").split(",").filter((s) => s) });
  step("tester notebooks");
  for (const s of plan.skipped) console.log(`  skipped  ${s.name.padEnd(17)} ${s.why}`);
  if (plan.run.length === 0) {
    console.log("start: no notebook to run yet; each one runs once the problems it checks pass");
    return 0;
  }
  const notebooks = run(process.execPath, [join(root, "scripts", "notebooks.mjs"), "--no-build", ...plan.run]);
  if (plan.skipped.length > 0) console.log(`start: skipped ${plan.skipped.map((s) => s.name).join(", ")} (see above why)`);
  return notebooks === 0 ? 0 : 1;
}

function check() {
  const failed = [];
  step("build, type-check and lint every package (turbo run build typecheck lint)");
  if (run(turbo, ["run", "build", "typecheck", "lint", "--continue", "--output-logs=errors-only"]) !== 0) failed.push("typecheck/lint");
  step(`tests of the homework packages (${STUDENT_PACKAGES.join(", ")})`);
  const filters = STUDENT_PACKAGES.map((p) => `--filter=${p}`);
  if (run(turbo, ["run", "test", "--continue", "--output-logs=errors-only", ...filters]) !== 0) failed.push("tests");
  step("score table (visible checks; pnpm grade)");
  const { status } = grade(["--require-full"]);
  if (status !== 0) failed.push("score below 35/35");
  if (failed.length > 0) {
    console.log(`\ntest: FAILED (${failed.join(", ")})`);
    return 1;
  }
  console.log("\ntest: everything passes");
  return 0;
}

const command = process.argv[2];
if (command === "main") process.exit(main());
else if (command === "check") process.exit(check());
else {
  console.error("usage: node scripts/student.mjs main|check");
  process.exit(2);
}
