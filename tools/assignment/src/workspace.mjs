// What a grade runs on: the kernel and the student packages as the sandbox
// holds them. With a submission, each student source is the submission's
// file when it has one and the stub otherwise, never the reference solution;
// the kernel is always the official one. A submission is a folder or a zip;
// only regular files are read (a symlink to the reference counts as missing).
import { existsSync, lstatSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { stubbedSource } from "./handout.mjs";
import { SANDBOX_PACKAGES, sourceFiles } from "./sandbox/build.mjs";
import { unzip } from "./unzip.mjs";

const MAX_SOURCE_BYTES = 1 << 20; // one .ts file
const MAX_SUBMISSION_BYTES = 16 << 20; // all the .ts files of a submission together
const MAX_ZIP_BYTES = 64 << 20; // one zip file, as uploaded

/**
 * A student's .ts files as a map from path to text, from a folder or a zip
 * (or a folder holding the zip). Only regular files are read; a file over
 * 1 MB is left out with a note, and a submission whose sources pass 16 MB in
 * all is refused, so no submission can exhaust the grader's memory.
 */
export function readSubmission(path, notes = []) {
  const files = new Map();
  if (!existsSync(path)) throw new Error(`no such submission: ${path}`);
  let total = 0;
  const accept = (name, size) => {
    if (!name.endsWith(".ts")) return false;
    if (size > MAX_SOURCE_BYTES) {
      notes.push(`${name} is larger than ${MAX_SOURCE_BYTES >> 20} MB and was not read.`);
      return false;
    }
    total += size;
    if (total > MAX_SUBMISSION_BYTES) throw new Error(`the submission's .ts files pass ${MAX_SUBMISSION_BYTES >> 20} MB in all`);
    return true;
  };
  const readZip = (zipPath, prefix) => {
    if (lstatSync(zipPath).size > MAX_ZIP_BYTES) throw new Error(`${zipPath.split("/").pop()} is larger than ${MAX_ZIP_BYTES >> 20} MB`);
    for (const { name, data } of unzip(readFileSync(zipPath), accept)) files.set(prefix + name, data);
  };
  if (lstatSync(path).isFile()) {
    readZip(path, "");
    return files;
  }
  const walk = (dir, rel, depth) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === "node_modules" || entry.name.startsWith(".") || depth > 8) continue;
      const full = join(dir, entry.name);
      const relPath = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(full, relPath, depth + 1);
      else if (entry.isFile() && accept(relPath, lstatSync(full).size)) files.set(relPath, readFileSync(full));
      else if (entry.isFile() && entry.name.endsWith(".zip") && depth === 0) readZip(full, `${relPath.replace(/\.zip$/, "")}/`);
    }
  };
  walk(path, "", 0);
  return files;
}

/** The prefix under which the submission holds packages/linear/src ("" or "folder/"), or null. */
export function findStudentPrefix(files) {
  let best = null;
  for (const name of files.keys()) {
    const at = name.indexOf("packages/linear/src/");
    if (at < 0 || (at > 0 && name[at - 1] !== "/")) continue;
    const prefix = name.slice(0, at);
    if (prefix.split("/").length - 1 <= 3 && (best === null || prefix.length < best.length)) best = prefix;
  }
  return best;
}

/**
 * The sources the sandbox is built from: `filesOf(pkg)` and `sourceOf(pkg,
 * rel)` for build.mjs, and notes for the student (files missing, stubs used).
 * `submission` is null to grade the repository at `root` as it is.
 */
export function gradingSources(root, config, submission) {
  const notes = [];
  const official = (pkg) => sourceFiles(join(root, "packages", pkg, "src"));
  if (submission === null) {
    return { notes, filesOf: official, sourceOf: (pkg, rel) => readFileSync(join(root, "packages", pkg, "src", rel), "utf8") };
  }
  const files = readSubmission(submission, notes);
  const prefix = findStudentPrefix(files);
  if (prefix === null) notes.push("No packages/linear/src found in the submission; every problem is graded as a stub.");
  const studentPkgs = new Set(config.studentPackages.map((p) => p.replace(/^packages\//, "")));
  const theirs = (pkg, rel) => (prefix === null ? undefined : files.get(`${prefix}packages/${pkg}/src/${rel}`));
  const filesOf = (pkg) => {
    const list = new Set(official(pkg));
    if (studentPkgs.has(pkg) && prefix !== null) {
      const start = `${prefix}packages/${pkg}/src/`;
      for (const name of files.keys()) {
        const rel = name.slice(start.length);
        if (name.startsWith(start) && rel.endsWith(".ts") && !/\.test(-helper)?\.ts$/.test(rel) && !rel.endsWith(".d.ts")) list.add(rel);
      }
    }
    return [...list].sort();
  };
  const sourceOf = (pkg, rel) => {
    const path = `packages/${pkg}/src/${rel}`;
    if (!studentPkgs.has(pkg)) return readFileSync(join(root, path), "utf8"); // the kernel: always the official one
    const text = theirs(pkg, rel);
    if (text !== undefined) return text.toString("utf8");
    if (prefix !== null) notes.push(`${path} is missing from the submission; graded as the stub.`);
    return stubbedSource(root, path, config).text;
  };
  return { notes, filesOf, sourceOf, packages: SANDBOX_PACKAGES };
}
