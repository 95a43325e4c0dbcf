// The student handout: the repository with every solution region replaced by
// a stub, and nothing else that answers a graded method: hidden checks,
// instructor tooling and the extension packages that hold working answers
// under other names (nn, autograd, and what depends on them) are left out.
// It installs (frozen lockfile), builds, type-checks and lints on its own.
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { isHiddenTest, loadGradingConfig, stubIndex } from "./config.mjs";
import { projectFiles } from "./files.mjs";
import { stubRegions } from "./regions.mjs";

/**
 * Workspace packages left out of the handout: @mytorch/nn and @mytorch/autograd
 * hold working Linear, cross-entropy, SGD and activation code; bench needs nn;
 * parallel and wasm serve the bench, the trainer and the playground, which
 * trains with nn. Their folders, and the dependencies on them.
 */
export const LEFT_OUT_PACKAGES = {
  "packages/nn": "@mytorch/nn",
  "packages/autograd": "@mytorch/autograd",
  "packages/bench": "@mytorch/bench",
  "packages/parallel": "@mytorch/parallel",
  "packages/wasm": "@mytorch/wasm",
  "apps/playground": "@mytorch/playground",
};

/** Root dev dependencies only the left-out packages use. */
const LEFT_OUT_ROOT_DEPENDENCIES = ["ml-matrix"];

/** Other paths (prefixes) left out: instructor tooling and the docs and notebooks of the left-out packages. */
const LEFT_OUT_PATHS = [
  ".ci/",
  "scripts/test-all.mjs",
  "fixtures-gen/",
  "grading/STUDENT_README.md",
  "docs/nn.md",
  "docs/autograd.md",
  "docs/performance.md",
  "docs/img/",
  "notebooks/CircleExperiment.ipynb",
  "notebooks/AutogradTester.ipynb",
  "tools/assignment/gradescope/",
  "tools/assignment/src/cli/handout.mjs",
  "tools/assignment/src/cli/autograder.mjs",
  "tools/assignment/src/test-helpers.mjs",
  "tools/assignment/src/attacks/",
  "tools/assignment/src/batch/",
  "tools/assignment/src/cli/generate-class.mjs",
];

/**
 * The handout's scripts: the student's commands only (no handout, autograder
 * or fixtures). `npm start` and `npm test` set up first, then run
 * scripts/student.mjs; `pnpm submit` writes the one zip to upload.
 */
const STUDENT_SCRIPTS = {
  setup: "node scripts/setup.mjs",
  start: "node scripts/setup.mjs --then run main",
  main: "node scripts/student.mjs main",
  test: "node scripts/setup.mjs --then run check",
  check: "node scripts/student.mjs check",
  build: "turbo run build",
  typecheck: "turbo run typecheck",
  lint: "turbo run lint",
  grade: "node tools/assignment/src/cli/grade.mjs",
  notebooks: "node scripts/notebooks.mjs",
  jupyter: "node scripts/jupyter.mjs",
  submit: "node tools/assignment/src/cli/submit.mjs",
  train: "turbo run build --filter=mytorch --output-logs=errors-only >&2 && node packages/mytorch/dist/cli/train.js",
};

/** Paths never handed out: hidden checks, instructor tooling and tests, the extension packages. */
export function isInstructorOnly(path) {
  return (
    isHiddenTest(path) ||
    /\.hidden\./.test(path) ||
    LEFT_OUT_PATHS.some((p) => (p.endsWith("/") ? path.startsWith(p) : path === p)) ||
    Object.keys(LEFT_OUT_PACKAGES).some((dir) => path.startsWith(`${dir}/`)) ||
    (path.startsWith("tools/assignment/") && /\.test\.[cm]?[jt]s$/.test(path)) ||
    /\.handout\.[cm]?[jt]s$/.test(path)
  );
}

/** True for a TypeScript source file that may hold solution regions (not a test). */
export function isStudentSource(path, config) {
  return (
    config.studentPackages.some((pkg) => path.startsWith(`${pkg}/src/`)) &&
    path.endsWith(".ts") &&
    !/\.test(-helper)?\.ts$/.test(path)
  );
}

/** The stubbed text of one student source file (unchanged when it has no regions). */
export function stubbedSource(root, path, config) {
  const text = readFileSync(join(root, path), "utf8");
  return stubRegions(text, path, stubIndex(config));
}

const EXTENSION_BEGIN = /^\s*\/\/ BEGIN EXTENSION\b/;
const EXTENSION_END = /^\s*\/\/ END EXTENSION\b/;

/** `text` without its `// BEGIN EXTENSION … // END EXTENSION` regions (code that needs a left-out package). */
export function dropExtensionRegions(text, path) {
  const out = [];
  let open = -1;
  text.split("\n").forEach((line, i) => {
    if (EXTENSION_BEGIN.test(line)) {
      if (open !== -1) throw new Error(`${path}:${i + 1}: BEGIN EXTENSION inside the region opened at line ${open + 1}`);
      open = i;
    } else if (EXTENSION_END.test(line)) {
      if (open === -1) throw new Error(`${path}:${i + 1}: END EXTENSION without a BEGIN EXTENSION`);
      open = -1;
    } else if (open === -1) out.push(line);
  });
  if (open !== -1) throw new Error(`${path}:${open + 1}: BEGIN EXTENSION is never closed`);
  return out.join("\n");
}

/** A package.json as the handout has it: no dependency on a left-out package; the root with the student's scripts. */
function handoutManifest(path, text) {
  const manifest = JSON.parse(text);
  const leftOut = new Set([...Object.values(LEFT_OUT_PACKAGES), ...(path === "package.json" ? LEFT_OUT_ROOT_DEPENDENCIES : [])]);
  for (const field of ["dependencies", "devDependencies", "optionalDependencies", "peerDependencies"]) {
    if (!manifest[field]) continue;
    for (const name of Object.keys(manifest[field])) if (leftOut.has(name)) delete manifest[field][name];
  }
  if (path === "package.json") manifest.scripts = STUDENT_SCRIPTS;
  if (path === "tools/assignment/package.json") delete manifest.scripts.test; // the grader's own tests stay with the instructors
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/**
 * pnpm-lock.yaml without the importers of the left-out packages and without
 * the dependencies on them (or the root dependencies only they use), so that
 * `pnpm install --frozen-lockfile` accepts the handout's manifests. The
 * lockfile's layout is pnpm's: importers at 2 spaces, dependency groups at 4,
 * names at 6, their fields at 8.
 */
export function pruneLockfile(text) {
  const lines = text.split("\n");
  const out = [];
  let section = null;
  let importer = null;
  let skipping = null; // "importer" | "dependency" | null
  const leftOutDirs = new Set(Object.keys(LEFT_OUT_PACKAGES));
  const leftOutNames = new Set(Object.values(LEFT_OUT_PACKAGES));
  const unquote = (name) => name.replace(/^'(.*)'$/, "$1");
  for (const line of lines) {
    const indent = line.length - line.trimStart().length;
    if (line.trim() === "") {
      if (skipping !== "importer") out.push(line);
      continue;
    }
    if (indent === 0) {
      section = line.replace(/:.*$/, "");
      importer = null;
      skipping = null;
    } else if (section === "importers" && indent === 2) {
      importer = line.trim().replace(/:.*$/, "");
      skipping = leftOutDirs.has(importer) ? "importer" : null;
    } else if (section === "importers" && indent === 6 && skipping !== "importer") {
      const name = unquote(line.trim().replace(/:$/, ""));
      skipping = leftOutNames.has(name) || (importer === "." && LEFT_OUT_ROOT_DEPENDENCIES.includes(name)) ? "dependency" : null;
    } else if (section === "importers" && indent === 4 && skipping === "dependency") {
      skipping = null;
    }
    if (skipping === null) out.push(line);
  }
  return out.join("\n").replace(/\n{3,}/g, "\n\n");
}

/** Every file of the repository that goes into the handout, and what it becomes. */
function handoutFiles(root) {
  const files = projectFiles(root);
  const present = new Set(files);
  return files.filter((path) => !isInstructorOnly(path)).map((path) => {
    const variant = path.replace(/\.([cm]?[jt]s)$/, ".handout.$1");
    return { path, from: variant !== path && present.has(variant) ? variant : path };
  });
}

/** Left-out packages still imported by `text` (a .ts/.mjs/.ipynb file) or depended on (a package.json). */
function leftOutImports(text, path) {
  const names = Object.values(LEFT_OUT_PACKAGES).map((n) => n.replace("/", "\\/")).join("|");
  const pattern = path.endsWith("package.json")
    ? new RegExp(`"(${names})"\\s*:`, "g")
    : new RegExp(`(?:from\\s+|import\\(\\s*|require\\(\\s*)\\\\?"(${names})(?:\\/[^"\\\\]*)?\\\\?"`, "g");
  return [...text.matchAll(pattern)].map((m) => m[1]);
}

/**
 * Writes the handout of the repository at `root` into `outDir` (which must be
 * empty or absent). Returns what it did: files copied, stubs written per method.
 */
export function generateHandout(root, outDir) {
  if (existsSync(outDir) && readdirSync(outDir).length > 0) {
    throw new Error(`handout: ${outDir} is not empty; choose a new directory`);
  }
  const config = loadGradingConfig(root);
  const declared = new Set(stubIndex(config).keys());
  const stubbed = [];
  const dangling = [];
  let copied = 0;
  for (const { path, from } of handoutFiles(root)) {
    const target = join(outDir, path);
    mkdirSync(dirname(target), { recursive: true });
    let text = null;
    if (isStudentSource(path, config)) {
      const result = stubbedSource(root, from, config);
      text = result.text;
      for (const r of result.regions) stubbed.push({ file: path, method: r.method });
    } else if (path === "README.md") {
      text = readFileSync(join(root, "grading", "STUDENT_README.md"), "utf8");
    } else if (path.endsWith("package.json")) {
      text = handoutManifest(path, readFileSync(join(root, from), "utf8"));
    } else if (path === "pnpm-lock.yaml") {
      text = pruneLockfile(readFileSync(join(root, from), "utf8"));
    } else if (/\.([cm]?[jt]s)$/.test(path)) {
      text = dropExtensionRegions(readFileSync(join(root, from), "utf8"), from);
    }
    if (text === null) copyFileSync(join(root, from), target);
    else writeFileSync(target, text);
    if (/\.([cm]?[jt]s|ipynb)$/.test(path) || path.endsWith("package.json")) {
      const found = leftOutImports(text ?? readFileSync(target, "utf8"), path);
      if (found.length > 0) dangling.push(`${path} (${[...new Set(found)].join(", ")})`);
    }
    copied++;
  }
  writeFileSync(join(outDir, "HANDOUT"), "This repository is the student handout of MyTorch; see README.md.\n");
  const missing = [...declared].filter((m) => !stubbed.some((s) => s.method === m));
  if (missing.length > 0) {
    throw new Error(`handout: grading/points.json declares stubs with no solution region: ${missing.join(", ")}`);
  }
  if (dangling.length > 0) {
    throw new Error(`handout: these files still use a package the handout leaves out (mark the code // BEGIN EXTENSION … // END EXTENSION or give the file a .handout variant): ${dangling.join("; ")}`);
  }
  return { files: copied, stubs: stubbed };
}
