// Grading a whole class: every submission of a folder graded in its own
// sandbox (see ../grade-submission.mjs), `jobs` at a time, each with the
// per-sub-problem time limit; a submission that cannot be read or graded
// costs only itself and is reported with the reason. A second run regrades
// only what changed: a submission's content hash covers its sources and the
// official checks, fixtures, kernel and grader. Writes, under `out`:
// grades.csv, submissions/<id>/results.json (Gradescope's format, as the
// student would see it) and report.html (scores, pass rates, what the class
// got wrong, similar pairs).
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { stubbedSource } from "../handout.mjs";
import { gradeSubmission, prepareGrading } from "../grade-submission.mjs";
import { gradescopeResults, writeJsonAtomic } from "../report.mjs";
import { SANDBOX_PACKAGES, sourceFiles } from "../sandbox/build.mjs";
import { readSubmission } from "../workspace.mjs";
import { discoverSubmissions } from "./discover.mjs";
import { renderReport } from "./report-html.mjs";
import { similarityReport } from "./similarity.mjs";

/**
 * @typedef {{ id: string, submitters: string, total: number, scores: Record<string, number>, status: "graded" | "error",
 *   reason?: string, seconds: number, failures: Record<string, string> }} Row
 */

const sha256 = (...parts) => {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part).update("\0");
  return hash.digest("hex");
};

/** Every file whose change changes a grade: checks, points, fixtures, the kernel and stub sources, the grader. */
export function officialHash(root) {
  const files = [];
  const walk = (dir) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (!/\.test\.[cm]?[jt]s$/.test(entry.name)) files.push(path);
    }
  };
  walk(join(root, "grading"));
  walk(join(root, "tools", "assignment", "src"));
  for (const pkg of SANDBOX_PACKAGES) {
    walk(join(root, "packages", pkg, "src"));
    walk(join(root, "packages", pkg, "fixtures"));
  }
  return sha256(...files.sort().flatMap((path) => [relative(root, path), readFileSync(path)]));
}

/** A submission's content hash, and its sources (null when it cannot be read). */
function contentOf(submission, official) {
  try {
    const files = readSubmission(submission.path);
    const names = [...files.keys()].sort();
    return { hash: sha256(official, ...names.flatMap((name) => [name, files.get(name)])), files };
  } catch {
    const { size, mtimeMs } = statSync(submission.path);
    return { hash: sha256(official, "unreadable", String(size), String(mtimeMs)), files: null };
  }
}

/** A file-system-safe folder name for an id. */
const folderOf = (id) => id.replace(/[^A-Za-z0-9._-]/g, "_").replace(/^\.+/, "_").slice(0, 120) || "_";

/** One CSV field: quoted when needed, and never read as a formula by a spreadsheet. */
function csvField(value) {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text) && !/^-?\d/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** grades.csv: one row per submission. */
export function gradesCsv(problems, rows) {
  const header = ["id", "submitters", "total", ...problems.map((p) => p.id), "status", "seconds"];
  const lines = rows.map((r) => [r.id, r.submitters, r.total, ...problems.map((p) => r.scores[p.id] ?? 0), r.status === "graded" ? "graded" : `error: ${r.reason}`, r.seconds.toFixed(1)]);
  return [header, ...lines].map((cells) => cells.map(csvField).join(",")).join("\n") + "\n";
}

/** The row of a graded (or failed) submission. */
function rowOf(submission, results, seconds, error = null) {
  return {
    id: submission.id,
    submitters: submission.submitters,
    total: results.reduce((s, r) => s + r.score, 0),
    scores: Object.fromEntries(results.map((r) => [r.id, r.score])),
    status: error === null ? "graded" : "error",
    ...(error === null ? {} : { reason: error }),
    seconds,
    failures: Object.fromEntries(results.filter((r) => !r.passed).map((r) => [r.id, r.why])),
  };
}

/** The student's own sources (the five packages' non-test src/*.ts), keyed by repository path. */
function studentSourcesOf(files, config) {
  const out = new Map();
  for (const [name, data] of files) {
    const at = name.indexOf("packages/");
    const path = at < 0 ? name : name.slice(at);
    if (config.studentPackages.some((pkg) => path.startsWith(`${pkg}/src/`)) && !/\.test(-helper)?\.ts$/.test(path)) out.set(path, data.toString("utf8"));
  }
  return out;
}

/** The sources every student starts from (the stubs) and the kernel: not evidence of copying. */
function baselineSources(root, config) {
  const baseline = new Map();
  for (const pkg of SANDBOX_PACKAGES) {
    for (const rel of sourceFiles(join(root, "packages", pkg, "src"))) {
      const path = `packages/${pkg}/src/${rel}`;
      const student = config.studentPackages.includes(`packages/${pkg}`);
      baseline.set(path, student ? stubbedSource(root, path, config).text : readFileSync(join(root, path), "utf8"));
    }
  }
  return baseline;
}

/**
 * Grades every submission in `dir`. `onProgress({ done, total, skipped, seconds })`
 * after each. Returns the rows, how many were skipped (unchanged), and the output paths.
 */
export async function gradeClass({ official, config, dir, out, jobs = 2, timeoutSeconds = config.timeoutSeconds, onProgress = () => {} }) {
  const submissions = discoverSubmissions(dir);
  const seen = new Map();
  for (const s of submissions) {
    const folder = folderOf(s.id);
    if (seen.has(folder)) throw new Error(`--batch: ${s.id} and ${seen.get(folder)} would share the results folder ${folder}`);
    seen.set(folder, s.id);
  }
  mkdirSync(join(out, "submissions"), { recursive: true });
  const official_ = officialHash(official);
  const context = await prepareGrading(official, config);
  const started = Date.now();
  const rows = new Array(submissions.length);
  const sources = new Map();
  let next = 0;
  let done = 0;
  let skipped = 0;
  const worker = async () => {
    while (next < submissions.length) {
      const index = next++;
      const submission = submissions[index];
      const folder = join(out, "submissions", folderOf(submission.id));
      const { hash, files } = contentOf(submission, official_);
      if (files !== null) sources.set(submission.id, files);
      const metaPath = join(folder, "meta.json");
      const previous = existsSync(metaPath) ? JSON.parse(readFileSync(metaPath, "utf8")) : null;
      if (previous?.hash === hash) {
        rows[index] = { ...previous.row, submitters: submission.submitters };
        skipped++;
      } else {
        const t0 = Date.now();
        let results;
        let notes = [];
        let error = null;
        try {
          ({ results, notes } = await gradeSubmission(context, submission.path, { timeoutSeconds, parallel: 1 }));
        } catch (e) {
          error = e instanceof Error ? e.message : String(e);
          results = context.problems.map((p) => ({ ...p, score: 0, passed: false, checks: [], why: `not graded: ${error}`, output: `not graded: ${error}`, staffOutput: "" }));
        }
        rows[index] = rowOf(submission, results, (Date.now() - t0) / 1000, error);
        mkdirSync(folder, { recursive: true });
        writeJsonAtomic(join(folder, "results.json"), gradescopeResults(results, notes));
        writeJsonAtomic(metaPath, { hash, row: rows[index] });
      }
      done++;
      onProgress({ done, total: submissions.length, skipped, seconds: (Date.now() - started) / 1000 });
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, jobs) }, worker));
  } finally {
    context.close();
  }
  const csvPath = join(out, "grades.csv");
  writeFileSync(csvPath, gradesCsv(context.problems, rows));
  const similarity = similarityReport(
    [...sources].map(([id, files]) => ({ id, files: studentSourcesOf(files, config) })),
    baselineSources(official, config),
  );
  const reportPath = join(out, "report.html");
  writeFileSync(reportPath, renderReport({ title: "MyTorch: the class's grades", generatedAt: new Date().toISOString(), problems: context.problems, rows, similarity }));
  return { rows, skipped, csvPath, reportPath, seconds: (Date.now() - started) / 1000 };
}

