// The grading configuration: grading/points.json, the one declared place that
// maps sub-problems to points, suites, test files and stubbed methods.
import { readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * @typedef {{ method: string, todo: string }} Stub
 * @typedef {{ id: string, title: string, points: number, checks: string[], stubs: Stub[] }} Problem
 * @typedef {{ timeoutSeconds: number, studentPackages: string[], problems: Problem[] }} GradingConfig
 */

/** Reads and checks grading/points.json under `root`. Throws naming the first problem found. */
export function loadGradingConfig(root) {
  const path = join(root, "grading", "points.json");
  /** @type {GradingConfig} */
  const config = JSON.parse(readFileSync(path, "utf8"));
  const ids = new Set();
  const methods = new Set();
  for (const p of config.problems) {
    const where = `${path}: problem ${JSON.stringify(p.id)}`;
    if (ids.has(p.id)) throw new Error(`${where} appears twice`);
    ids.add(p.id);
    if (!(Number.isFinite(p.points) && p.points >= 0)) throw new Error(`${where}: points must be a number ≥ 0, got ${p.points}`);
    if (typeof p.title !== "string" || p.title.length === 0) throw new Error(`${where}: title must be a non-empty string`);
    if (!Array.isArray(p.checks) || p.checks.length === 0) throw new Error(`${where}: checks must list the check files`);
    for (const s of p.stubs ?? []) {
      if (methods.has(s.method)) throw new Error(`${where}: method ${s.method} is stubbed by two problems`);
      methods.add(s.method);
    }
  }
  if (!(config.timeoutSeconds > 0)) throw new Error(`${path}: timeoutSeconds must be > 0`);
  return config;
}

/** method name ("Linear.forward") → { problem, todo }. */
export function stubIndex(config) {
  const index = new Map();
  for (const p of config.problems) for (const s of p.stubs ?? []) index.set(s.method, { problem: p.id, todo: s.todo });
  return index;
}

/** True for files that grade but are never handed out (hidden checks). */
export function isHiddenTest(path) {
  return /\.hidden(\.test(-helper)?)?\.[cm]?[jt]s$/.test(path);
}
