#!/usr/bin/env node
// A generated class for the batch grader: node tools/assignment/src/cli/generate-class.mjs --out DIR [--count N] [--seed S] [--gradescope]
import { resolve } from "node:path";
import { generateClass } from "../batch/generate-class.mjs";
import { repoRoot } from "../paths.mjs";

const args = process.argv.slice(2);
const value = (name, fallback) => {
  const i = args.indexOf(name);
  return i === -1 ? fallback : args[i + 1];
};
const out = value("--out", null);
if (out === null || args.includes("--help")) {
  console.log("Usage: node tools/assignment/src/cli/generate-class.mjs --out DIR [--count N (200)] [--seed S (1)] [--gradescope]");
  process.exit(out === null ? 2 : 0);
}
const made = generateClass(repoRoot, resolve(process.env.INIT_CWD ?? process.cwd(), out), {
  count: Number(value("--count", 200)),
  seed: Number(value("--seed", 1)),
  gradescope: args.includes("--gradescope"),
});
const kinds = new Map();
for (const { kind } of made) kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
console.log(`${made.length} submissions in ${out}: ${[...kinds].map(([k, n]) => `${n} ${k}`).join(", ")}`);
