#!/usr/bin/env node
// Writes notebooks/AutogradTester.ipynb from packages/autograd/notebook/AutogradTester.ts (the
// "percent" cell format of notebooks/sources/), with the same generator as the other notebooks.
//   node packages/autograd/scripts/notebook.mjs           write it
//   node packages/autograd/scripts/notebook.mjs --check   exit 1 if it is out of date
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseCells, toNotebook } from "../../../notebooks/generate.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const sourcePath = join(root, "packages", "autograd", "notebook", "AutogradTester.ts");
const notebookPath = join(root, "notebooks", "AutogradTester.ipynb");
const cells = parseCells(readFileSync(sourcePath, "utf8"), "packages/autograd/notebook/AutogradTester.ts");
const text = `${JSON.stringify(toNotebook("AutogradTester", cells), null, 1)}\n`;
const current = existsSync(notebookPath) ? readFileSync(notebookPath, "utf8") : null;
if (process.argv.includes("--check")) {
  if (current !== text) {
    console.error("notebooks/AutogradTester.ipynb is out of date; run 'node packages/autograd/scripts/notebook.mjs'");
    process.exit(1);
  }
} else if (current !== text) {
  writeFileSync(notebookPath, text);
  console.log("wrote notebooks/AutogradTester.ipynb");
}
