#!/usr/bin/env node
// `pnpm test:all` (what `npm test` runs after the set-up): the whole test suite
// on both cores, in two lanes after one build.
//
//   build        turbo run build (every package, both cores)
//   lane grader  the grader's own suite (tools/assignment: attacks, the handout
//                end to end, the Gradescope bundle, a class): the longest task
//   lane rest    typecheck, lint (one ESLint over every package's src), every
//                other package's tests (one task at a time), the score table
//                (35/35 required), then every notebook
//
// Each lane runs its steps one after the other, so two steps run at a time:
// one per core. Lines are prefixed with their lane; at the end a table says
// where the time went (the breakdown in docs/performance.md comes from it).
// Exits 1 if any step failed, naming it.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadavg } from "node:os";
import { root } from "./jupyter-kernel.mjs";

const turbo = join(root, "node_modules", ".bin", "turbo");
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: "1", DO_NOT_TRACK: "1" };
const GRADER_SUITE = "@mytorch/assignment";

/** The steps, by lane. A step is a command and its arguments. */
const BUILD = { name: "build", command: turbo, args: ["run", "build", "--concurrency=2", "--output-logs=errors-only"] };
// After the build, the lanes' turbo runs use --only: no dependency task (a build replayed from
// the cache would rewrite dist/ under the other lane's feet).
const LANES = {
  grader: [
    { name: "grader suite (tools/assignment)", command: turbo, args: ["run", "test", "--only", `--filter=${GRADER_SUITE}`, "--concurrency=1"] },
  ],
  rest: [
    { name: "typecheck", command: turbo, args: ["run", "typecheck", "--only", "--concurrency=1", "--output-logs=errors-only"] },
    // What every package's `lint` task checks, in one ESLint process: a third of the CPU of one per package.
    { name: "lint", command: join(root, "node_modules", ".bin", "eslint"), args: lintTargets() },
    { name: "package tests", command: turbo, args: ["run", "test", "--only", `--filter=!${GRADER_SUITE}`, "--concurrency=1"] },
    { name: "score table (35/35)", command: process.execPath, args: [join(root, "tools", "assignment", "src", "cli", "grade.mjs"), "--require-full"] },
    { name: "notebooks", command: process.execPath, args: [join(root, "scripts", "notebooks.mjs"), "--no-build"] },
  ],
};

/**
 * The folders every workspace package's `lint` script ("eslint src scripts")
 * names, relative to the root: what `turbo run lint` would check, package by package.
 */
function lintTargets() {
  const targets = [];
  for (const group of ["packages", "tools", "apps", "."]) {
    const dirs = group === "." ? ["notebooks"] : existsSync(join(root, group)) ? readdirSync(join(root, group)).map((d) => join(group, d)) : [];
    for (const dir of dirs) {
      const manifest = join(root, dir, "package.json");
      if (!existsSync(manifest)) continue;
      const lint = JSON.parse(readFileSync(manifest, "utf8")).scripts?.lint;
      const match = /^eslint((?: [\w./-]+)+)$/.exec(lint ?? "");
      if (lint === undefined) continue;
      if (match === null) throw new Error(`test-all: ${dir}'s lint script is not "eslint <folders>": ${lint}`);
      targets.push(...match[1].trim().split(" ").map((folder) => join(dir, folder)));
    }
  }
  return targets;
}

/** Runs one step, each output line prefixed with `[lane]`; resolves to its exit status and seconds. */
function runStep(lane, step) {
  const started = performance.now();
  console.log(`[${lane}] ▶ ${step.name}`);
  return new Promise((resolve) => {
    const child = spawn(step.command, step.args, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
    for (const stream of [child.stdout, child.stderr]) {
      let pending = "";
      stream.setEncoding("utf8");
      stream.on("data", (chunk) => {
        const lines = (pending + chunk).split("\n");
        pending = lines.pop();
        for (const line of lines) console.log(`[${lane}] ${line}`);
      });
      stream.on("end", () => pending !== "" && console.log(`[${lane}] ${pending}`));
    }
    child.on("error", (error) => resolve({ status: 1, seconds: 0, error: String(error) }));
    child.on("close", (code) => {
      const seconds = (performance.now() - started) / 1000;
      console.log(`[${lane}] ${code === 0 ? "✓" : "✗"} ${step.name} (${seconds.toFixed(0)} s)`);
      resolve({ status: code ?? 1, seconds });
    });
  });
}

/** Runs a lane's steps in order; every step runs even after a failure (the report names each). */
async function runLane(lane, steps) {
  const results = [];
  for (const step of steps) results.push({ lane, step: step.name, ...(await runStep(lane, step)) });
  return results;
}

const started = performance.now();
const build = await runStep("build", BUILD);
const results = [{ lane: "build", step: BUILD.name, ...build }];
if (build.status === 0) {
  const lanes = await Promise.all(Object.entries(LANES).map(([lane, steps]) => runLane(lane, steps)));
  results.push(...lanes.flat());
}
const wall = (performance.now() - started) / 1000;

const rows = results.map((r) => [r.lane, r.step, r.status === 0 ? "ok" : "FAILED", `${r.seconds.toFixed(0)} s`]);
const widths = [0, 1, 2, 3].map((c) => Math.max(...rows.map((r) => r[c].length)));
console.log("\nwhere the time went (the two lanes run at the same time, after the build):");
for (const r of rows) console.log("  " + r.map((cell, c) => (c === 3 ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join("  "));
console.log(`  ${"all".padEnd(widths[0] + widths[1] + widths[2] + 4)}  ${`${wall.toFixed(0)} s`.padStart(widths[3])}   (load average at the end ${loadavg().map((x) => x.toFixed(1)).join(" ")})`);
mkdirSync(join(root, "out"), { recursive: true });
writeFileSync(join(root, "out", "test-timings.json"), JSON.stringify({ wallSeconds: wall, steps: results }, null, 2));

const failed = results.filter((r) => r.status !== 0);
if (build.status !== 0) console.error("\ntest: the build failed (see above); nothing else ran");
else if (failed.length > 0) console.error(`\ntest: FAILED: ${failed.map((r) => r.step).join(", ")}`);
else console.log("\ntest: everything passes");
process.exit(failed.length > 0 ? 1 : 0);
