#!/usr/bin/env node
// pnpm submit: checks that the homework builds and type-checks, grades it with
// the visible checks, runs the tester notebooks whose problems pass, and writes
// out/submission.zip — the one file to upload to Gradescope.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { loadGradingConfig } from "../config.mjs";
import { repoRoot } from "../paths.mjs";
import { NOTEBOOKS_FOLDER, writeSubmission } from "../submit.mjs";

const HELP = `Usage: pnpm submit [--force] [--out FILE]

1. builds and type-checks the five homework packages (stops here if they do not,
   unless --force);
2. prints the score table of the visible checks (the grader adds hidden ones);
3. runs the tester notebooks whose problems pass (MYTORCH_SKIP_NOTEBOOKS=Name,…
   leaves some out);
4. writes out/submission.zip (or FILE): your sources packages/*/src/*.ts (tests
   left out) and the executed notebooks with their HTML in ${NOTEBOOKS_FOLDER}/.`;

const args = process.argv.slice(2);
if (args.includes("--help") || args.includes("-h")) {
  console.log(HELP);
  process.exit(0);
}
const force = args.includes("--force");
const outIndex = args.indexOf("--out");
const cwd = process.env.INIT_CWD ?? process.cwd();
const zipPath = outIndex === -1 ? join(repoRoot, "out", "submission.zip") : join(cwd, args[outIndex + 1] ?? "");
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: "1", DO_NOT_TRACK: "1" };
const config = loadGradingConfig(repoRoot);
const packages = config.studentPackages.map((dir) => JSON.parse(readFileSync(join(repoRoot, dir, "package.json"), "utf8")).name);

function run(command, argv) {
  return spawnSync(command, argv, { cwd: repoRoot, stdio: "inherit", env }).status ?? 1;
}

console.log(`▶ submit: build and type-check ${packages.join(", ")}`);
const turbo = join(repoRoot, "node_modules", ".bin", "turbo");
if (run(turbo, ["run", "build", "typecheck", "--output-logs=errors-only", ...packages.map((p) => `--filter=${p}`)]) !== 0) {
  if (!force) {
    console.error("\nsubmit: your code does not build or type-check (see above); fix it, or run 'pnpm submit --force' to submit it as it is");
    process.exit(1);
  }
  console.log("submit: --force: going on although the build or type-check failed");
}

console.log("\n▶ submit: score table (visible checks)");
const resultsPath = join(repoRoot, "out", "grading", "results.json");
rmSync(resultsPath, { force: true });
run(process.execPath, [join(repoRoot, "tools", "assignment", "src", "cli", "grade.mjs"), "--results", resultsPath]);
const results = existsSync(resultsPath) ? JSON.parse(readFileSync(resultsPath, "utf8")) : null;

const notebooksDir = join(repoRoot, "out", "submission", "notebooks");
rmSync(notebooksDir, { recursive: true, force: true });
if (results !== null) {
  const { choosePlan } = await import(join(repoRoot, "scripts", "notebook-plan.mjs"));
  const plan = choosePlan(results, { skip: (process.env.MYTORCH_SKIP_NOTEBOOKS ?? "").split(",").filter((s) => s) });
  console.log("\n▶ submit: tester notebooks");
  for (const s of plan.skipped) console.log(`  skipped  ${s.name.padEnd(17)} ${s.why}`);
  if (plan.run.length > 0) {
    const status = run(process.execPath, [join(repoRoot, "scripts", "notebooks.mjs"), "--quiet", "--out", relative(repoRoot, notebooksDir), ...plan.run]);
    if (status !== 0) console.log("submit: a notebook failed (see above); its executed copy, with the error, goes into the zip");
  }
}

const entries = writeSubmission(repoRoot, config, zipPath, notebooksDir);
console.log(`\n▶ submit: wrote ${relative(cwd, zipPath) || zipPath} (${(statSync(zipPath).size / 1024).toFixed(1)} KiB, ${entries.length} files):`);
for (const e of entries) console.log(`  ${e.name.padEnd(52)} ${String(e.bytes).padStart(8)} B`);
if (results !== null) console.log(`\nLocal score (visible checks): ${results.score}/${config.problems.reduce((s, p) => s + p.points, 0)}. The grader also runs hidden checks of the same kind.`);
console.log(`
Upload it to Gradescope: open the assignment, click "Submit" (or "Resubmit"),
choose "Upload", drop ${relative(cwd, zipPath) || zipPath} as it is (do not unzip it) and
click "Upload". Gradescope keeps the paths inside the zip; the grader takes the
five packages' src/*.ts and ignores everything else. Your last upload counts.`);
