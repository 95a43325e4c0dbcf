#!/usr/bin/env node
// Per-problem report of the homework's graded suites.
//
//   node scripts/grade.mjs [--require-full] [--out DIR]
//
// Runs every package's tests in one vitest process with the JSON reporter,
// maps suites to sub-problems through grading/points.json (the one declared
// mapping), prints a table with points and the first line of each failure,
// and writes a Gradescope-format results.json. A sub-problem earns its points
// when every test of its suite passes.
//
// --require-full  exit 1 unless every graded sub-problem and every other test passes
// --out DIR       where results.json goes (default: out/grading)
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const requireFull = args.includes("--require-full");
const outIndex = args.indexOf("--out");
const outDir = resolve(outIndex >= 0 ? args[outIndex + 1] : join(root, "out", "grading"));

const { problems } = JSON.parse(readFileSync(join(root, "grading", "points.json"), "utf8"));

/** Runs vitest with the JSON reporter into a fresh private directory; returns the parsed report or null. */
function runVitest() {
  const reportDir = mkdtempSync(join(tmpdir(), "mytorch-grade-"));
  const reportFile = join(reportDir, "report.json");
  const vitest = join(root, "node_modules", ".bin", "vitest");
  const result = spawnSync(vitest, ["run", "--reporter=json", `--outputFile=${reportFile}`], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, FORCE_COLOR: "0", NO_COLOR: "1" },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (!existsSync(reportFile)) {
    console.error(result.stdout, result.stderr);
    return null;
  }
  return JSON.parse(readFileSync(reportFile, "utf8"));
}

/** The first meaningful line of a failure message, without colours or the stack. */
function firstLine(message) {
  const clean = String(message ?? "").replace(/\u001b\[[0-9;]*m/g, "");
  return clean.split("\n").map((l) => l.trim()).find((l) => l.length > 0) ?? "failed";
}

const report = runVitest();
if (report === null) {
  console.error("grade: vitest produced no report (see above)");
  process.exit(1);
}

const tests = report.testResults.flatMap((file) =>
  file.assertionResults.map((a) => ({
    file: relative(root, file.name),
    suite: a.ancestorTitles[0] ?? "",
    name: a.fullName,
    status: a.status,
    failure: a.failureMessages?.[0] ?? (file.status === "failed" ? file.message : ""),
  })),
);
// A file that failed to load (a syntax error, a throw at import) has no assertions: record it.
for (const file of report.testResults) {
  if (file.assertionResults.length === 0 && file.status === "failed") {
    tests.push({ file: relative(root, file.name), suite: "", name: "(file failed to load)", status: "failed", failure: file.message });
  }
}

const graded = problems.map((p) => {
  const own = tests.filter((t) => t.file === p.file && t.suite === p.suite);
  const loadFailure = tests.find((t) => t.file === p.file && t.name === "(file failed to load)");
  const failed = own.filter((t) => t.status !== "passed");
  let why = "";
  if (loadFailure) why = `test file failed to load: ${firstLine(loadFailure.failure)}`;
  else if (own.length === 0) why = `no tests found for suite "${p.suite}" in ${p.file}`;
  else if (failed.length > 0) why = `${failed[0].name.slice(p.suite.length).trim()}: ${firstLine(failed[0].failure)}`;
  const passed = why === "";
  return { ...p, passed, score: passed ? p.points : 0, tests: own.length, failedTests: failed.length, why };
});

const gradedNames = new Set(graded.flatMap((p) => tests.filter((t) => t.file === p.file && t.suite === p.suite).map((t) => t.name)));
const others = tests.filter((t) => !gradedNames.has(t.name));
const otherFailures = others.filter((t) => t.status === "failed");
const total = graded.reduce((s, p) => s + p.score, 0);
const possible = graded.reduce((s, p) => s + p.points, 0);

// ---- the table ---------------------------------------------------------------
const rows = graded.map((p) => [
  `Problem ${p.id}`,
  p.title,
  `${p.score}/${p.points}`,
  p.passed ? "PASS" : "FAIL",
  p.passed ? `${p.tests} tests` : p.why,
]);
const header = ["Problem", "What", "Points", "", "Tests / why"];
const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => Math.min(r[c].length, c === 4 ? 100 : 60))));
const line = (cells) => cells.map((cell, c) => (c === 4 ? cell : cell.padEnd(widths[c]))).join("  ");
console.log("\n" + line(header));
console.log(widths.map((w) => "─".repeat(w)).join("  "));
for (const r of rows) console.log(line(r));
console.log(widths.map((w) => "─".repeat(w)).join("  "));
console.log(`Total: ${total}/${possible}`);
console.log(`Other tests (kernel, settings, integration): ${others.length - otherFailures.length} passed, ${otherFailures.length} failed`);
for (const t of otherFailures.slice(0, 10)) console.log(`  FAIL ${t.file} > ${t.name}: ${firstLine(t.failure)}`);

// ---- results.json (Gradescope's format), written atomically ---------------------
const results = {
  score: total,
  max_score: possible,
  visibility: "visible",
  stdout_visibility: "visible",
  tests: graded.map((p) => ({
    name: `Problem ${p.id}: ${p.title}`,
    number: p.id,
    score: p.score,
    max_score: p.points,
    status: p.passed ? "passed" : "failed",
    output: p.passed ? `All ${p.tests} tests passed.` : p.why,
    visibility: "visible",
  })),
};
mkdirSync(outDir, { recursive: true });
const tmp = join(outDir, `.results.${process.pid}.json`);
writeFileSync(tmp, JSON.stringify(results, null, 2) + "\n");
renameSync(tmp, join(outDir, "results.json"));
console.log(`Results: ${relative(process.cwd(), join(outDir, "results.json"))}`);
console.log(`${tests.length - tests.filter((t) => t.status === "failed").length} passed, ${tests.filter((t) => t.status === "failed").length} failed`);

if (requireFull && (total !== possible || otherFailures.length > 0)) process.exit(1);
