#!/usr/bin/env node
// One-step set-up for a fresh machine that has only Node.js and npm:
//   1. makes sure the pinned pnpm (package.json "packageManager") is available,
//      installing it with npm (globally, or into .tools/ when that is not allowed);
//   2. installs the workspace with pnpm (frozen lockfile);
//   3. optionally runs a pnpm command afterwards: `node scripts/setup.mjs --then run main`.
// It is idempotent: a second run only re-checks and returns in a second or two.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

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

const thenIndex = process.argv.indexOf("--then");
if (thenIndex !== -1) {
  const args = process.argv.slice(thenIndex + 1);
  step(`pnpm ${args.join(" ")}`);
  process.exit(run(pnpm, args));
}
