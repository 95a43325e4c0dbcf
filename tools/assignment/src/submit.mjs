// What a student uploads: one zip holding exactly what the grader takes (the
// non-test .ts sources of the five homework packages, at their repository
// paths) plus the executed tester notebooks and their HTML under notebooks-out/.
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { projectFiles } from "./files.mjs";
import { isStudentSource } from "./handout.mjs";
import { zip } from "./zip.mjs";

/** The folder in the zip that holds the executed notebooks and their HTML. */
export const NOTEBOOKS_FOLDER = "notebooks-out";

/**
 * The zip's entries: the student's sources under `root` (as isStudentSource
 * says, the grader's rule) and every .ipynb and .html in `notebooksDir`.
 */
export function submissionEntries(root, config, notebooksDir = null) {
  const sources = projectFiles(root)
    .filter((path) => isStudentSource(path, config))
    .map((name) => ({ name, data: readFileSync(join(root, name)) }));
  const notebooks =
    notebooksDir && existsSync(notebooksDir)
      ? readdirSync(notebooksDir)
          .filter((f) => /\.(ipynb|html)$/.test(f))
          .sort()
          .map((f) => ({ name: `${NOTEBOOKS_FOLDER}/${f}`, data: readFileSync(join(notebooksDir, f)) }))
      : [];
  return [...sources, ...notebooks];
}

/** Writes the submission zip to `zipPath`; returns its entries (name and size). */
export function writeSubmission(root, config, zipPath, notebooksDir = null) {
  const entries = submissionEntries(root, config, notebooksDir);
  mkdirSync(dirname(zipPath), { recursive: true });
  writeFileSync(zipPath, zip(entries));
  return entries.map((e) => ({ name: e.name, bytes: e.data.length }));
}
