#!/usr/bin/env node
// pnpm handout <dir>: writes the student repository into <dir>.
import { resolve } from "node:path";
import { generateHandout } from "../handout.mjs";
import { repoRoot } from "../paths.mjs";

const dir = process.argv[2];
if (!dir || dir === "--help" || dir === "-h") {
  console.log(`Usage: pnpm handout <dir>

Writes the student handout into <dir> (a new or empty directory): every
// BEGIN SOLUTION … // END SOLUTION region becomes a stub that throws
NotImplementedError under a TODO with the equation (grading/points.json),
hidden tests (*.hidden.test.ts) and .ci/ are left out, and README.md is
replaced by grading/STUDENT_README.md.`);
  process.exit(dir ? 0 : 2);
}
try {
  const out = resolve(process.env.INIT_CWD ?? process.cwd(), dir);
  const { files, stubs } = generateHandout(repoRoot, out);
  console.log(`handout: wrote ${files} files to ${out}`);
  for (const s of stubs) console.log(`  stub  ${s.method.padEnd(28)} ${s.file}`);
  console.log(`Next: cd ${out} && git init && git add -A && git commit -m "MyTorch handout"`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
