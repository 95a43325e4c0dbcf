#!/usr/bin/env node
// Writes the tester notebooks (notebooks/<Name>.ipynb) from their sources
// (notebooks/sources/<Name>.ts), which are plain TypeScript in the "percent"
// cell format that Jupytext and VS Code also read:
//
//   // %% [markdown]
//   // # A heading          ← a markdown cell; each line loses its leading "// "
//   // %%
//   const x = 1;            ← a code cell
//
//   node notebooks/generate.mjs           write every notebook
//   node notebooks/generate.mjs --check   exit 1 if a notebook differs from its source
//
// The .ipynb files are committed without outputs so Jupyter users open them
// directly; `pnpm notebooks` checks that they match their sources.
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const sourcesDir = join(here, "sources");

/** Splits a percent-format source into cells: { kind: "markdown" | "code", lines }. */
export function parseCells(text, file) {
  const cells = [];
  let current = null;
  text.split("\n").forEach((line, index) => {
    const marker = /^\/\/ %%(.*)$/.exec(line);
    if (marker) {
      const tag = marker[1].trim();
      if (tag !== "" && tag !== "[markdown]") throw new Error(`${file}:${index + 1}: unknown cell marker "// %%${marker[1]}"`);
      current = { kind: tag === "[markdown]" ? "markdown" : "code", lines: [] };
      cells.push(current);
      return;
    }
    if (current === null) {
      if (line.trim() !== "") throw new Error(`${file}:${index + 1}: text before the first "// %%" cell marker`);
      return;
    }
    if (current.kind === "markdown") {
      if (line !== "" && !line.startsWith("//")) throw new Error(`${file}:${index + 1}: a markdown line must start with "//"`);
      current.lines.push(line.replace(/^\/\/ ?/, ""));
    } else {
      current.lines.push(line);
    }
  });
  for (const cell of cells) {
    while (cell.lines.length > 0 && cell.lines.at(-1).trim() === "") cell.lines.pop();
    while (cell.lines.length > 0 && cell.lines[0].trim() === "") cell.lines.shift();
  }
  return cells.filter((cell) => cell.lines.length > 0);
}

/** The notebook JSON (nbformat 4.5, tslab kernel, no outputs) for a source. */
export function toNotebook(name, cells) {
  const source = (lines) => lines.map((line, i) => (i < lines.length - 1 ? `${line}\n` : line));
  return {
    cells: cells.map((cell, index) => {
      const id = `${name.toLowerCase()}-${String(index).padStart(2, "0")}`;
      return cell.kind === "markdown"
        ? { cell_type: "markdown", id, metadata: {}, source: source(cell.lines) }
        : { cell_type: "code", execution_count: null, id, metadata: {}, outputs: [], source: source(cell.lines) };
    }),
    metadata: {
      kernelspec: { display_name: "TypeScript (MyTorch)", language: "typescript", name: "tslab" },
      language_info: {
        codemirror_mode: { mode: "typescript", name: "javascript", typescript: true },
        file_extension: ".ts",
        mimetype: "text/typescript",
        name: "typescript",
      },
    },
    nbformat: 4,
    nbformat_minor: 5,
  };
}

/** Every source's name and the notebook text it makes. */
export function buildAll() {
  return readdirSync(sourcesDir)
    .filter((file) => file.endsWith(".ts"))
    .sort()
    .map((file) => {
      const name = basename(file, ".ts");
      const cells = parseCells(readFileSync(join(sourcesDir, file), "utf8"), `notebooks/sources/${file}`);
      return { name, path: join(here, `${name}.ipynb`), text: `${JSON.stringify(toNotebook(name, cells), null, 1)}\n` };
    });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes("--check");
  let stale = 0;
  for (const { name, path, text } of buildAll()) {
    const current = existsSync(path) ? readFileSync(path, "utf8") : null;
    if (current === text) continue;
    if (check) {
      stale++;
      console.error(`notebooks/${name}.ipynb is out of date with notebooks/sources/${name}.ts; run 'node notebooks/generate.mjs'`);
    } else {
      writeFileSync(path, text);
      console.log(`wrote notebooks/${name}.ipynb`);
    }
  }
  process.exit(stale > 0 ? 1 : 0);
}
