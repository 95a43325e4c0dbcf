// Which tester notebooks there are, what each one imports (so that running one
// builds only those packages), which graded sub-problems it needs (so that
// `npm start` and `pnpm submit` run only the notebooks whose problems pass),
// and one function that runs a list of them headless.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { delimiter, join, relative } from "node:path";
import { findPython, jupyterPath, root, writeKernelSpec } from "./jupyter-kernel.mjs";

export const notebooksDir = join(root, "notebooks");

/** Every notebook in homework order, with the graded sub-problems (grading/points.json ids) it exercises. */
export const NOTEBOOKS = [
  { name: "LinearTester", problems: ["1(a)", "1(b)", "1(c)"] },
  { name: "LossTester", problems: ["2(a)", "2(b)", "2(c)", "2(d)"] },
  { name: "SGDTester", problems: ["3"] },
  { name: "ActivationTester", problems: ["4(a)", "4(b)", "4(c)"] },
  { name: "MLPTester", problems: ["1(a)", "1(b)", "1(c)", "5(a)", "5(b)", "5(c)"] },
  // MLP0 with MSELoss and MLP1 (ReLU) with CrossEntropyLoss, trained by SGD with momentum.
  { name: "TrainingTester", problems: ["1(a)", "1(b)", "1(c)", "2(a)", "2(b)", "2(c)", "2(d)", "3", "4(c)", "5(a)", "5(b)"] },
  { name: "CircleExperiment", problems: [] },
  { name: "AutogradTester", problems: [] },
];

/** The notebooks present in this checkout (the student handout has the first six). */
export function availableNotebooks() {
  return NOTEBOOKS.filter((n) => existsSync(join(notebooksDir, `${n.name}.ipynb`)));
}

/**
 * The workspace packages a notebook imports ("@mytorch/linear", "mytorch", …),
 * read from its code cells: what `turbo run build --filter` must build for it.
 */
export function importedPackages(name) {
  const notebook = JSON.parse(readFileSync(join(notebooksDir, `${name}.ipynb`), "utf8"));
  const code = notebook.cells.filter((c) => c.cell_type === "code").map((c) => [c.source].flat().join("")).join("\n");
  const found = new Set();
  for (const m of code.matchAll(/from\s+"((?:@mytorch\/[\w-]+)|mytorch)(?:\/[\w/-]+)?"/g)) found.add(m[1]);
  // A package the notebooks package does not list is imported by path: "../packages/nn/dist/index.js".
  for (const m of code.matchAll(/from\s+"\.\.\/packages\/([\w-]+)\//g)) {
    found.add(JSON.parse(readFileSync(join(root, "packages", m[1], "package.json"), "utf8")).name);
  }
  return [...found].sort();
}

function run(command, args, env = process.env) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env });
  if (result.error) return { status: 1, error: `could not run ${command}: ${result.error.message}` };
  return { status: result.status ?? 1, error: null };
}

/** Builds (turbo, cached) only the packages the notebooks `names` import, and what they depend on. */
export function buildFor(names) {
  const packages = [...new Set(names.flatMap(importedPackages))].sort();
  if (packages.length === 0) return { status: 0, packages };
  const env = { ...process.env, TURBO_TELEMETRY_DISABLED: "1", DO_NOT_TRACK: "1" };
  const filters = packages.map((p) => `--filter=${p}`);
  return { ...run(join(root, "node_modules", ".bin", "turbo"), ["run", "build", "--output-logs=errors-only", ...filters], env), packages };
}

/**
 * Runs the notebooks `names` headless (scripts/run_notebooks.py) into `out`:
 * checks the committed notebooks against their sources, builds what they
 * import (unless build is false), executes them. Returns { status, error }.
 */
export function runNotebooks(names, { build = true, timeout = 1800, quiet = false, out = join(root, "out", "notebooks") } = {}) {
  const kernel = writeKernelSpec();
  if (kernel.dir === null) return { status: 1, error: kernel.reason };
  const { python, reason } = findPython();
  if (python === null) return { status: 1, error: reason };
  if (run(process.execPath, [join(notebooksDir, "generate.mjs"), "--check"]).status !== 0) {
    return { status: 1, error: "a committed notebook differs from its source in notebooks/sources/ (see above)" };
  }
  // CircleExperiment and AutogradTester are generated from their packages' notebook/ sources.
  for (const pkg of ["nn", "autograd"]) {
    const generator = join(root, "packages", pkg, "scripts", "notebook.mjs");
    if (existsSync(generator) && run(process.execPath, [generator, "--check"]).status !== 0) {
      return { status: 1, error: `a committed notebook differs from its source in packages/${pkg}/notebook/ (see above)` };
    }
  }
  if (build) {
    const packages = [...new Set(names.flatMap(importedPackages))].sort();
    console.log(`▶ notebooks: building what they import (${packages.join(", ")}); the notebooks import their dist/`);
    if (buildFor(names).status !== 0) return { status: 1, error: "the build failed (see above); the notebooks need the packages' dist/ folders" };
  }
  console.log(`▶ notebooks: ${names.join(", ")} with ${python} and the tslab kernel in ${relative(root, kernel.dir)}/`);
  const env = { ...process.env, JUPYTER_PATH: [jupyterPath, process.env.JUPYTER_PATH].filter((p) => p).join(delimiter) };
  const args = [join(root, "scripts", "run_notebooks.py"), "--out", out, "--timeout", String(timeout), ...(quiet ? ["--quiet"] : [])];
  const result = run(python, [...args, ...names.map((name) => join(notebooksDir, `${name}.ipynb`))], env);
  return { status: result.status, error: result.error ?? (result.status === 0 ? null : "a notebook failed (see above)") };
}

/**
 * Which notebooks to run after grading: every available notebook whose
 * sub-problems all earned their points in `results` (Gradescope results.json),
 * and for the others the reason they are skipped. `skip` names notebooks to
 * leave out on purpose; `built` false skips all (the notebooks import dist/).
 */
export function choosePlan(results, { built = true, skip = [] } = {}) {
  const passed = new Set((results.tests ?? []).filter((t) => t.max_score > 0 && t.score >= t.max_score).map((t) => String(t.number)));
  const run = [];
  const skipped = [];
  for (const { name, problems } of availableNotebooks()) {
    const failing = problems.filter((id) => !passed.has(id));
    if (skip.includes(name)) skipped.push({ name, why: "left out on request (MYTORCH_SKIP_NOTEBOOKS)" });
    else if (!built) skipped.push({ name, why: "the build failed" });
    else if (problems.length === 0) skipped.push({ name, why: "not part of the homework" });
    else if (failing.length > 0) skipped.push({ name, why: `needs Problem ${failing.join(", ")} to pass first` });
    else run.push(name);
  }
  return { run, skipped };
}
