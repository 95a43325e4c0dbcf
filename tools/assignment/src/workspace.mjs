// A private grading workspace for a student's submission: the official
// repository (tests, hidden tests, fixtures, kernel, configs), with only the
// student's solution sources taken from the submission. A student file that
// is missing is replaced by its stub, never by the reference solution.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { projectFiles } from "./files.mjs";
import { isStudentSource, stubbedSource } from "./handout.mjs";

/** The folder inside `dir` (itself, or up to 3 levels down) that holds packages/linear/src. */
export function findStudentRoot(dir) {
  const queue = [[dir, 0]];
  while (queue.length > 0) {
    const [current, depth] = queue.shift();
    if (existsSync(join(current, "packages", "linear", "src"))) return current;
    if (depth >= 3) continue;
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      if (entry.isDirectory() && entry.name !== "node_modules" && !entry.name.startsWith(".")) queue.push([join(current, entry.name), depth + 1]);
    }
  }
  return null;
}

/** Student source files (non-test .ts in the student packages) under `studentRoot`. */
function studentSources(studentRoot, config) {
  const out = [];
  for (const pkg of config.studentPackages) {
    const src = join(studentRoot, pkg, "src");
    if (!existsSync(src)) continue;
    const walk = (dir) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (entry.isFile()) {
          const rel = relative(studentRoot, path).split("\\").join("/");
          if (isStudentSource(rel, config)) out.push(rel);
        }
      }
    };
    walk(src);
  }
  return out;
}

/**
 * Builds the workspace; returns its path and notes for the student (missing files).
 * Installed packages are linked from the official repository, so no network is needed.
 */
export function prepareSubmissionWorkspace(officialRoot, submissionDir, config) {
  const workspace = mkdtempSync(join(tmpdir(), "mytorch-grading-"));
  const studentRoot = findStudentRoot(submissionDir);
  const notes = [];
  if (studentRoot === null) notes.push(`No packages/linear/src found in the submission (${submissionDir}); every problem is graded as a stub.`);
  const fromStudent = new Set(studentRoot ? studentSources(studentRoot, config) : []);
  for (const path of projectFiles(officialRoot)) {
    const target = join(workspace, path);
    mkdirSync(dirname(target), { recursive: true });
    if (isStudentSource(path, config)) {
      if (fromStudent.has(path)) {
        cpSync(join(studentRoot, path), target);
        fromStudent.delete(path);
      } else {
        if (studentRoot) notes.push(`${path} is missing from the submission; graded as the stub.`);
        writeFileSync(target, stubbedSource(officialRoot, path, config).text);
      }
    } else {
      cpSync(join(officialRoot, path), target);
    }
  }
  for (const extra of fromStudent) {
    mkdirSync(dirname(join(workspace, extra)), { recursive: true });
    cpSync(join(studentRoot, extra), join(workspace, extra)); // the student's own helper files
  }
  linkInstalledPackages(officialRoot, workspace);
  return { workspace, notes };
}

/** node_modules of the root (a link) and of each workspace package (copied as links). */
function linkInstalledPackages(officialRoot, workspace) {
  symlinkSync(join(officialRoot, "node_modules"), join(workspace, "node_modules"), "dir");
  for (const group of ["packages", "tools", "notebooks"]) {
    const base = join(officialRoot, group);
    if (!existsSync(base)) continue;
    const dirs = existsSync(join(base, "node_modules")) ? [base] : readdirSync(base).map((d) => join(base, d)).filter((d) => statSync(d).isDirectory());
    for (const dir of dirs) {
      const modules = join(dir, "node_modules");
      if (!existsSync(modules)) continue;
      const target = join(workspace, relative(officialRoot, modules));
      mkdirSync(dirname(target), { recursive: true });
      cpSync(modules, target, { recursive: true, verbatimSymlinks: true });
    }
  }
}
