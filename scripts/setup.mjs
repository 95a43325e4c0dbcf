#!/usr/bin/env node
// One-step set-up for a fresh machine that has only Node.js and npm:
//   1. makes sure the pinned pnpm (package.json "packageManager") is available,
//      installing it with npm (globally, or into .tools/ when that is not allowed);
//   2. installs the workspace with pnpm (frozen lockfile);
//   3. for the tester notebooks and the browser tests: installs Debian's chromium and Debian's python3-nbclient, python3-nbconvert, jupyter-notebook and
//      dataset-fashion-mnist with apt-get when they are missing and we are root (otherwise it
//      says what to install), and registers the tslab kernel project-locally in .jupyter/;
//   4. optionally runs a pnpm command afterwards: `node scripts/setup.mjs --then run main`.
// It is idempotent: a second run only re-checks and returns in a second or two.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { aptPackages, missingAptPackages, writeKernelSpec } from "./jupyter-kernel.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { packageManager } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const pnpmVersion = packageManager.split("@")[1];
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: "1", DO_NOT_TRACK: "1" };

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env, ...options });
  return result.status ?? 1;
}

function versionOf(command) {
  const result = spawnSync(command, ["--version"], { cwd: root, encoding: "utf8", env });
  return result.status === 0 ? result.stdout.trim() : null;
}

function step(text) {
  console.log(`\n▶ setup: ${text}`);
}

function findPnpm() {
  const local = join(root, ".tools", "node_modules", ".bin", "pnpm");
  if (versionOf("pnpm") === pnpmVersion) return "pnpm";
  if (existsSync(local) && versionOf(local) === pnpmVersion) return local;
  step(`installing pnpm ${pnpmVersion} with npm`);
  if (run("npm", ["install", "--global", `pnpm@${pnpmVersion}`]) === 0 && versionOf("pnpm") === pnpmVersion) {
    return "pnpm";
  }
  step("global install not possible; installing pnpm into .tools/");
  if (run("npm", ["install", "--prefix", join(root, ".tools"), `pnpm@${pnpmVersion}`]) === 0) return local;
  console.error(`setup: could not install pnpm ${pnpmVersion}; install it with 'npm install -g pnpm@${pnpmVersion}' and retry`);
  process.exit(1);
}

const pnpm = findPnpm();
step(`pnpm ${pnpmVersion}: installing the workspace`);
if (run(pnpm, ["install", "--frozen-lockfile", "--reporter=append-only"]) !== 0) {
  console.error("setup: 'pnpm install' failed (see above)");
  process.exit(1);
}

/** Debian's Chromium, for the playground's browser tests (driven by playwright-core; never downloaded). */
const browserPackages = existsSync(join(root, "apps", "playground")) ? ["chromium"] : [];

/** Debian packages for the notebooks and the browser tests: installed when missing and possible, else named. */
function ensureDebianPackages() {
  if (spawnSync("dpkg-query", ["--version"], { env }).error) {
    console.log("setup: no dpkg here; the notebooks need Python's nbclient and nbconvert and the Fashion-MNIST files (see docs/notebooks.md), and the browser tests need Chromium (CHROMIUM_PATH)");
    return;
  }
  const missing = missingAptPackages([...aptPackages, ...browserPackages]);
  if (missing.length === 0) return;
  const command = `apt-get install -y --no-install-recommends ${missing.join(" ")}`;
  const canInstall = process.getuid?.() === 0 && spawnSync("apt-get", ["--version"], { env }).status === 0;
  if (!canInstall) {
    console.log(`setup: the notebooks and browser tests need ${missing.join(", ")}; install them with: sudo ${command}`);
    return;
  }
  step(`installing ${missing.join(", ")} for the notebooks and browser tests (apt-get)`);
  const aptEnv = { ...env, DEBIAN_FRONTEND: "noninteractive" };
  const ok =
    run("apt-get", ["update", "-qq"], { env: aptEnv }) === 0 &&
    run("apt-get", ["install", "-y", "-qq", "--no-install-recommends", ...missing], { env: aptEnv }) === 0;
  if (!ok) console.log(`setup: apt-get could not install ${missing.join(", ")}; the notebooks and browser tests will fail until they are installed`);
}

ensureDebianPackages();
const kernel = writeKernelSpec();
if (kernel.dir === null) console.log(`setup: no Jupyter kernel registered: ${kernel.reason}`);
else step(`tslab kernel registered in ${relative(root, kernel.dir)}/ (Jupyter finds it with JUPYTER_PATH=${join(root, ".jupyter")})`);

const thenIndex = process.argv.indexOf("--then");
if (thenIndex !== -1) {
  const args = process.argv.slice(thenIndex + 1);
  step(`pnpm ${args.join(" ")}`);
  process.exit(run(pnpm, args));
}
