// The score table for people and results.json for Gradescope.
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

/** The per-problem table and the total, as lines of text. */
export function scoreTable(results) {
  const rows = results.map((r) => [`Problem ${r.id}`, r.title, `${r.score}/${r.points}`, r.passed ? "PASS" : "FAIL", r.passed ? `${r.testCount} tests` : r.why]);
  const header = ["Problem", "What", "Points", "", "Tests, or the first reason it failed"];
  const widths = [0, 1, 2, 3].map((c) => Math.max(header[c].length, ...rows.map((r) => r[c].length)));
  const line = (cells) => cells.map((cell, c) => (c < 4 ? cell.padEnd(widths[c]) : cell)).join("  ").trimEnd();
  const rule = [...widths, 36].map((w) => "─".repeat(w)).join("  ");
  const total = results.reduce((s, r) => s + r.score, 0);
  const possible = results.reduce((s, r) => s + r.points, 0);
  return [line(header), rule, ...rows.map(line), rule, `Total: ${total}/${possible}`];
}

/** Gradescope's results.json: score, and one test entry per sub-problem. */
export function gradescopeResults(results, notes = []) {
  const total = results.reduce((s, r) => s + r.score, 0);
  return {
    score: total,
    visibility: "visible",
    stdout_visibility: "visible",
    output: [`Total: ${total}/${results.reduce((s, r) => s + r.points, 0)}`, ...notes].join("\n"),
    tests: results.map((r) => ({
      name: `Problem ${r.id}: ${r.title}`,
      number: r.id,
      score: r.score,
      max_score: r.points,
      status: r.passed ? "passed" : "failed",
      output: r.output,
      visibility: "visible",
    })),
  };
}

/** Writes JSON to `path` through a temporary file and a rename, so a reader never sees half a file. */
export function writeJsonAtomic(path, value) {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${process.pid}.${Date.now()}.tmp`);
  writeFileSync(tmp, JSON.stringify(value, null, 2) + "\n");
  renameSync(tmp, path);
}
