#!/usr/bin/env node
// pnpm autograder [--out DIR]: builds the Gradescope autograder bundle.
import { rmSync } from "node:fs";
import { resolve } from "node:path";
import { buildAutograder } from "../autograder.mjs";
import { repoRoot } from "../paths.mjs";

const args = process.argv.slice(2);
if (args.includes("--help") || args.includes("-h")) {
  console.log(`Usage: pnpm autograder [--out DIR]

Builds the Gradescope autograder (default DIR: out/autograder): setup.sh,
run_autograder and the official repository with its hidden tests, as
DIR/bundle/ and DIR/autograder.zip. Upload the zip as a Gradescope
"Autograder" (Ubuntu base image); students submit their repository.`);
  process.exit(0);
}
const outIndex = args.indexOf("--out");
if (args.some((a, i) => a.startsWith("--") && a !== "--out" || (i > 0 && args[i - 1] !== "--out" && !a.startsWith("--")))) {
  console.error("autograder: unknown arguments; see --help");
  process.exit(2);
}
const out = resolve(process.env.INIT_CWD ?? process.cwd(), outIndex >= 0 ? args[outIndex + 1] : "out/autograder");
rmSync(out, { recursive: true, force: true });
const { zipPath, files } = buildAutograder(repoRoot, out);
console.log(`autograder: ${files} files → ${zipPath}`);
