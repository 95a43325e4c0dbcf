// Builds the directory that student code runs in: the kernel and the five
// student packages, each .ts file transpiled on its own to an ES module under
// node_modules/@mytorch/<name>/, and the agent that serves the grader's calls.
// Nothing else is in it: no tests, no fixtures, no expected values, no
// reference solutions (the stubs stand where a student file is missing).
import { chmodSync, copyFileSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import ts from "typescript";

const here = dirname(fileURLToPath(import.meta.url));

/** The packages that run in the sandbox: the kernel first, then the students'. */
export const SANDBOX_PACKAGES = ["matrix", "linear", "loss", "optim", "activation", "mlp"];

/**
 * One .ts file as an ES module. A file that does not parse becomes a module
 * that throws the parser's message (file, line, text) when imported, so only
 * the problems that import it fail.
 */
export function transpile(text, fileName) {
  const { outputText, diagnostics = [] } = ts.transpileModule(text, {
    fileName,
    reportDiagnostics: true,
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, sourceMap: false },
  });
  if (diagnostics.length === 0) return outputText;
  const first = diagnostics[0];
  const where = first.file && first.start !== undefined ? first.file.getLineAndCharacterOfPosition(first.start) : null;
  const message = `${fileName}${where ? `:${where.line + 1}:${where.character + 1}` : ""}: ${ts.flattenDiagnosticMessageText(first.messageText, " ")}`;
  // The names the file meant to export exist (undefined), so that importers link
  // and the import fails with the parser's message rather than a missing export.
  const names = new Set([...text.matchAll(/export\s+(?:default\s+)?(?:abstract\s+)?(?:class|function\*?|const|let|var|enum)\s+([A-Za-z_$][\w$]*)/g)].map((m) => m[1]));
  return `${[...names].map((name) => `export let ${name};\n`).join("")}throw new SyntaxError(${JSON.stringify(message)});\n`;
}

/**
 * Writes the sandbox into `dir`. `sourceOf(pkg, relPath)` gives the text of
 * packages/<pkg>/src/<relPath> as the grade should see it (the student's
 * file, or the stub); `filesOf(pkg)` lists those relative paths.
 */
export function buildSandbox(dir, { filesOf, sourceOf }) {
  for (const pkg of SANDBOX_PACKAGES) {
    const out = join(dir, "node_modules", "@mytorch", pkg);
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, "package.json"), JSON.stringify({ name: `@mytorch/${pkg}`, type: "module", exports: { ".": "./index.js", "./*": "./*" } }) + "\n");
    for (const rel of filesOf(pkg)) {
      const target = join(out, rel.replace(/\.ts$/, ".js"));
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, transpile(sourceOf(pkg, rel), `packages/${pkg}/src/${rel}`));
    }
  }
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "mytorch-sandbox", private: true, type: "module" }) + "\n");
  copyFileSync(join(here, "agent.mjs"), join(dir, "agent.mjs"));
  openUp(dir);
  return { dir, agent: join(dir, "agent.mjs") };
}

/** Directories 0755 and files 0644: readable by the unprivileged user, writable only by us. */
function openUp(dir) {
  chmodSync(dir, 0o755);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) openUp(path);
    else chmodSync(path, 0o644);
  }
}

/** Non-test .ts files under `srcDir`, relative to it. */
export function sourceFiles(srcDir) {
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith(".ts") && !/\.test(-helper)?\.ts$/.test(name) && !name.endsWith(".d.ts")) out.push(relative(srcDir, path).split("\\").join("/"));
    }
  };
  walk(srcDir);
  return out.sort();
}

/**
 * The grader's own copy of the kernel (Matrix, Rng, compare), transpiled from
 * the official sources into `dir`, which only the grader can read; student
 * code never runs in the process that imports it.
 */
export async function loadTrustedKernel(root, dir) {
  const src = join(root, "packages", "matrix", "src");
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  writeFileSync(join(dir, "package.json"), JSON.stringify({ type: "module" }) + "\n");
  for (const rel of sourceFiles(src)) {
    const target = join(dir, rel.replace(/\.ts$/, ".js"));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, transpile(readFileSync(join(src, rel), "utf8"), `packages/matrix/src/${rel}`));
  }
  return import(pathToFileURL(join(dir, "index.js")).href);
}
