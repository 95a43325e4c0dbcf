#!/usr/bin/env node
// `pnpm jupyter`: opens the tester notebooks in Jupyter Notebook (Debian's
// jupyter-notebook, installed by scripts/setup.mjs) with the project's tslab
// kernel ("TypeScript (MyTorch)"). Builds the packages first (the notebooks
// import their dist/); --no-build skips that. Other arguments go to Jupyter,
// e.g. `pnpm jupyter --no-browser --port 8890`.
import { spawn, spawnSync } from "node:child_process";
import { delimiter, join } from "node:path";
import { jupyterPath, root, writeKernelSpec } from "./jupyter-kernel.mjs";

const args = process.argv.slice(2);
const build = !args.includes("--no-build");
const jupyterArgs = args.filter((a) => a !== "--no-build");
const kernel = writeKernelSpec();
if (kernel.dir === null) {
  console.error(`jupyter: ${kernel.reason}`);
  process.exit(1);
}
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: "1", DO_NOT_TRACK: "1" };
if (build && spawnSync(join(root, "node_modules", ".bin", "turbo"), ["run", "build", "--output-logs=errors-only"], { cwd: root, stdio: "inherit", env }).status !== 0) {
  console.error("jupyter: the build failed (see above); the notebooks import the packages' dist/");
  process.exit(1);
}
env.JUPYTER_PATH = [jupyterPath, process.env.JUPYTER_PATH].filter((p) => p).join(delimiter);
const child = spawn("jupyter", ["notebook", `--notebook-dir=${join(root, "notebooks")}`, ...jupyterArgs], { cwd: root, stdio: "inherit", env });
child.on("error", (error) => {
  console.error(`jupyter: could not start 'jupyter notebook' (${error.message}); run 'node scripts/setup.mjs' (it installs Debian's jupyter-notebook) or: sudo apt-get install jupyter-notebook`);
  process.exit(1);
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
