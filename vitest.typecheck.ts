// Vitest global set-up of the homework packages: type-checks the package
// (tsc -p tsconfig.json --noEmit, tests included) before its tests run, and
// stops with TypeScript's messages when it does not compile. The packages it
// imports are type-checked through their built declarations (dist/), which
// `turbo run test` and `pnpm build` keep up to date.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

export default function typecheck(): void {
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  const run = spawnSync(process.execPath, [tsc, "-p", "tsconfig.json", "--noEmit", "--pretty"], { cwd: process.cwd(), encoding: "utf8" });
  if (run.status === 0) return;
  process.stderr.write(`${run.stdout}${run.stderr}`);
  const error = new Error(`${process.cwd().split("/").slice(-2).join("/")} does not type-check (TypeScript's messages above); fix them and run the tests again`);
  error.stack = `Error: ${error.message}`; // no frame: the place to look is TypeScript's message
  throw error;
}
