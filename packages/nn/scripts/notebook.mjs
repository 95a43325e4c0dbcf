#!/usr/bin/env node
// Writes notebooks/CircleExperiment.ipynb from packages/nn/notebook/CircleExperiment.ts (the
// "percent" cell format of notebooks/sources/), with the same generator as the other notebooks.
//   node packages/nn/scripts/notebook.mjs           write it
//   node packages/nn/scripts/notebook.mjs --check   exit 1 if it is out of date
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseCells, toNotebook } from "../../../notebooks/generate.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const sourcePath = join(root, "packages", "nn", "notebook", "CircleExperiment.ts");
const notebookPath = join(root, "notebooks", "CircleExperiment.ipynb");
const cells = parseCells(readFileSync(sourcePath, "utf8"), "packages/nn/notebook/CircleExperiment.ts");
const text = `${JSON.stringify(toNotebook("CircleExperiment", cells), null, 1)}\n`;
const current = existsSync(notebookPath) ? readFileSync(notebookPath, "utf8") : null;
if (process.argv.includes("--check")) {
  if (current !== text) {
    console.error("notebooks/CircleExperiment.ipynb is out of date; run 'node packages/nn/scripts/notebook.mjs'");
    process.exit(1);
  }
} else if (current !== text) {
  writeFileSync(notebookPath, text);
  console.log("wrote notebooks/CircleExperiment.ipynb");
}
