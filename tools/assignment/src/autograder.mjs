// The Gradescope autograder bundle: setup.sh and run_autograder at the top,
// the official repository (hidden tests included) beside them, as a folder
// and as autograder.zip. Gradescope unpacks the zip into /autograder/source.
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadGradingConfig } from "./config.mjs";
import { projectFiles } from "./files.mjs";
import { zip } from "./zip.mjs";

const gradescope = join(dirname(fileURLToPath(import.meta.url)), "..", "gradescope");
const SCRIPTS = ["setup.sh", "run_autograder"];

/** Writes `outDir/bundle/` and `outDir/autograder.zip`; returns their paths and the file count. */
export function buildAutograder(root, outDir) {
  loadGradingConfig(root); // fail early on a broken points file
  const bundle = join(outDir, "bundle");
  if (existsSync(bundle) && readdirSync(bundle).length > 0) throw new Error(`autograder: ${bundle} is not empty`);
  const entries = [];
  const add = (name, source) => {
    const target = join(bundle, name);
    mkdirSync(dirname(target), { recursive: true });
    cpSync(source, target);
    const mode = statSync(source).mode & 0o777;
    chmodSync(target, mode);
    entries.push({ name, data: readFileSync(source), mode });
  };
  for (const script of SCRIPTS) add(script, join(gradescope, script));
  for (const path of projectFiles(root)) {
    if (path.startsWith(".ci/")) continue; // the instructors' CI is not needed to grade
    add(path, join(root, path));
  }
  const zipPath = join(outDir, "autograder.zip");
  writeFileSync(zipPath, zip(entries));
  return { bundle, zipPath, files: entries.length };
}
