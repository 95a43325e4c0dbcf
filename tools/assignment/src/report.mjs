// The score table for people and results.json for Gradescope. Everything a
// student's code can put into a message passes through `cap` first: at most
// MAX_MESSAGE characters, and no unbroken run longer than MAX_TOKEN, so an
// error message cannot carry a file out.
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

export const MAX_MESSAGE = 1000;
export const MAX_TOKEN = 80;
const CONTROL = new RegExp(`[${String.fromCharCode(0)}-${String.fromCharCode(8)}${String.fromCharCode(11)}-${String.fromCharCode(31)}${String.fromCharCode(127)}]`, "g");

/** `text` without control characters, long tokens cut, at most `max` characters. */
export function cap(text, max = MAX_MESSAGE) {
  const clean = String(text)
    .replace(new RegExp(String.fromCharCode(27) + "\\[[0-9;]*m", "g"), "") // ANSI colours
    .replace(CONTROL, " ")
    .replace(new RegExp(`\\S{${MAX_TOKEN + 1},}`, "g"), (token) => `${token.slice(0, MAX_TOKEN)}…[${token.length - MAX_TOKEN} characters cut]`);
  return clean.length <= max ? clean : `${clean.slice(0, max)}…[cut at ${max} characters]`;
}

/** The per-problem table and the total, as lines of text. */
export function scoreTable(results) {
  const rows = results.map((r) => [`Problem ${r.id}`, r.title, `${r.score}/${r.points}`, r.passed ? "PASS" : "FAIL", r.passed ? `${r.checks.length} checks` : cap(r.why, 160)]);
  const header = ["Problem", "What", "Points", "", "Checks, or the first reason it failed"];
  const widths = [0, 1, 2, 3].map((c) => Math.max(header[c].length, ...rows.map((r) => r[c].length)));
  const line = (cells) => cells.map((cell, c) => (c < 4 ? cell.padEnd(widths[c]) : cell)).join("  ").trimEnd();
  const rule = [...widths, 36].map((w) => "─".repeat(w)).join("  ");
  const total = results.reduce((s, r) => s + r.score, 0);
  const possible = results.reduce((s, r) => s + r.points, 0);
  return [line(header), rule, ...rows.map(line), rule, `Total: ${total}/${possible}`];
}

/**
 * Gradescope's results.json: the score and one visible entry per
 * sub-problem (hidden checks by name and pass/fail only); what hidden checks
 * said and what the student's code printed go into entries that only the
 * course staff see (visibility "hidden").
 */
export function gradescopeResults(results, notes = []) {
  const total = results.reduce((s, r) => s + r.score, 0);
  const staff = results
    .filter((r) => r.staffOutput)
    .map((r) => ({ name: `Problem ${r.id}: hidden checks and printed output (staff only)`, number: `${r.id}-staff`, score: 0, max_score: 0, output: cap(r.staffOutput, 4000), visibility: "hidden" }));
  return {
    score: total,
    visibility: "visible",
    stdout_visibility: "hidden",
    output: [`Total: ${total}/${results.reduce((s, r) => s + r.points, 0)}`, ...notes.map((n) => cap(n, 300))].join("\n"),
    tests: [
      ...results.map((r) => ({
        name: `Problem ${r.id}: ${r.title}`,
        number: r.id,
        score: r.score,
        max_score: r.points,
        status: r.passed ? "passed" : "failed",
        output: cap(r.output, 2500),
        visibility: "visible",
      })),
      ...staff,
    ],
  };
}

/** Writes JSON to `path` through a temporary file and a rename, so a reader never sees half a file. */
export function writeJsonAtomic(path, value) {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${process.pid}.${Date.now()}.tmp`);
  writeFileSync(tmp, JSON.stringify(value, null, 2) + "\n");
  renameSync(tmp, path);
}
