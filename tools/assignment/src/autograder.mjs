// The Gradescope autograder bundle: setup.sh and run_autograder at the top,
// beside them the student handout (stubs, never the reference solutions)
// plus the hidden checks, as a folder and as autograder.zip. Gradescope
// unpacks the zip into /autograder/source. Grading needs the checks, the
// fixtures and the kernel; it never needs a solution, so none is shipped.
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { isHiddenTest, loadGradingConfig } from "./config.mjs";
import { projectFiles } from "./files.mjs";
import { generateHandout } from "./handout.mjs";
import { zip } from "./zip.mjs";

const gradescope = join(dirname(fileURLToPath(import.meta.url)), "..", "gradescope");
const SCRIPTS = ["setup.sh", "run_autograder"];

/** Every file under `dir`, relative, sorted. */
function filesUnder(dir) {
  const out = [];
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else out.push(relative(dir, path).split("\\").join("/"));
    }
  };
  walk(dir);
  return out.sort();
}

/** Writes `outDir/bundle/` and `outDir/autograder.zip`; returns their paths and the file count. */
export function buildAutograder(root, outDir) {
  loadGradingConfig(root); // fail early on a broken points file
  const bundle = join(outDir, "bundle");
  if (existsSync(bundle) && readdirSync(bundle).length > 0) throw new Error(`autograder: ${bundle} is not empty`);
  generateHandout(root, bundle);
  for (const path of projectFiles(root).filter(isHiddenTest)) {
    mkdirSync(dirname(join(bundle, path)), { recursive: true });
    cpSync(join(root, path), join(bundle, path));
  }
  for (const script of SCRIPTS) {
    cpSync(join(gradescope, script), join(bundle, script));
    chmodSync(join(bundle, script), 0o755);
  }
  const entries = filesUnder(bundle).map((name) => {
    const path = join(bundle, name);
    return { name, data: readFileSync(path), mode: statSync(path).mode & 0o777 };
  });
  const zipPath = join(outDir, "autograder.zip");
  writeFileSync(zipPath, zip(entries));
  return { bundle, zipPath, files: entries.length };
}
