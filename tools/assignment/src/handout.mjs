// The student handout: the repository with every solution region replaced by
// a stub, hidden tests and instructor-only files left out, and a student README.
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { isHiddenTest, loadGradingConfig, stubIndex } from "./config.mjs";
import { projectFiles } from "./files.mjs";
import { stubRegions } from "./regions.mjs";

/** Paths never handed out: hidden tests, the instructors' CI, the handout's own README template. */
export function isInstructorOnly(path) {
  return isHiddenTest(path) || path.startsWith(".ci/") || path === "grading/STUDENT_README.md";
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
  let copied = 0;
  for (const path of projectFiles(root)) {
    if (isInstructorOnly(path)) continue;
    const target = join(outDir, path);
    mkdirSync(dirname(target), { recursive: true });
    if (isStudentSource(path, config)) {
      const { text, regions } = stubbedSource(root, path, config);
      writeFileSync(target, text);
      for (const r of regions) stubbed.push({ file: path, method: r.method });
    } else if (path === "README.md") {
      writeFileSync(target, readFileSync(join(root, "grading", "STUDENT_README.md"), "utf8"));
    } else {
      copyFileSync(join(root, path), target);
    }
    copied++;
  }
  writeFileSync(join(outDir, "HANDOUT"), "This repository is the student handout of MyTorch; see README.md.\n");
  const missing = [...declared].filter((m) => !stubbed.some((s) => s.method === m));
  if (missing.length > 0) {
    throw new Error(`handout: grading/points.json declares stubs with no solution region: ${missing.join(", ")}`);
  }
  return { files: copied, stubs: stubbed };
}
