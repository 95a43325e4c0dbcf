// Helpers shared by this package's tests: submissions made from the reference
// sources, and the grade CLI run as a child process.
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { loadGradingConfig } from "./config.mjs";
import { projectFiles } from "./files.mjs";
import { isStudentSource } from "./handout.mjs";
import { repoRoot } from "./paths.mjs";

export const config = loadGradingConfig(repoRoot);

/** A fresh temporary directory. */
export function tempDir(prefix) {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Copies the reference solution sources into `dir` (what a perfect student submits). */
export function copyReferenceSources(dir) {
  for (const path of projectFiles(repoRoot).filter((p) => isStudentSource(p, config))) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    cpSync(join(repoRoot, path), join(dir, path));
  }
  return dir;
}

/** Replaces `before` by `after` in `dir/path`; throws if `before` is not there. */
export function edit(dir, path, before, after) {
  const file = join(dir, path);
  const text = readFileSync(file, "utf8");
  if (!text.includes(before)) throw new Error(`edit: ${path} does not contain ${before}`);
  writeFileSync(file, text.replace(before, after));
}

/** Runs `pnpm grade` (the CLI) with `args`; returns its exit code, output and results.json. */
export function runGrade(args, resultsPath) {
  const cli = join(repoRoot, "tools", "assignment", "src", "cli", "grade.mjs");
  const run = spawnSync(process.execPath, [cli, "--results", resultsPath, ...args], { cwd: repoRoot, encoding: "utf8", maxBuffer: 64 << 20 });
  const results = JSON.parse(readFileSync(resultsPath, "utf8"));
  return { status: run.status, output: run.stdout + run.stderr, results, scoreOf: (id) => results.tests.find((t) => t.number === id) };
}

/** Runs a command, throwing with its output when it fails. */
export function sh(command, args, cwd) {
  const run = spawnSync(command, args, { cwd, encoding: "utf8", maxBuffer: 64 << 20 });
  if (run.status !== 0) {
    const output = `${run.stdout ?? ""}${run.stderr ?? ""}`.trim().split("\n").slice(-40).join("\n");
    throw new Error(`${command} ${args.join(" ")} failed (exit ${run.status}) in ${cwd}:\n${output}`);
  }
  return run.stdout;
}
