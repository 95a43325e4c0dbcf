import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../paths.mjs";
import { runGrade, tempDir } from "../test-helpers.mjs";
import { parseGradescopeMetadata } from "./discover.mjs";
import { generateClass } from "./generate-class.mjs";
import { gradesCsv } from "./batch.mjs";
import { progressLine } from "./progress.mjs";

const cli = join(repoRoot, "tools", "assignment", "src", "cli", "grade.mjs");

/** Rows of cells of a CSV text (quoted fields with "" inside). */
function parseCsv(text) {
  return text.trim().split("\n").map((line) => [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)].slice(0, -1).map(([, cell]) => (cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell)));
}

/** Runs pnpm grade --batch; returns its output and grades.csv as rows of cells. */
function gradeBatch(dir, out) {
  const run = spawnSync(process.execPath, [cli, "--batch", dir, "--out", out, "--jobs", "2", "--timeout", "10"], { encoding: "utf8", maxBuffer: 64 << 20 });
  expect(run.status, run.stdout + run.stderr).toBe(0);
  const [header, ...lines] = parseCsv(readFileSync(join(out, "grades.csv"), "utf8"));
  const rows = new Map(lines.map((cells) => [cells[0], Object.fromEntries(header.map((h, i) => [h, cells[i]]))]));
  return { output: run.stdout + run.stderr, header, rows };
}

describe("pnpm grade --batch: a small generated class, end to end", () => {
  const dir = tempDir("mytorch-class-");
  const out = tempDir("mytorch-batch-");
  const kinds = ["reference", "stub", "partial", "broken", "loop", "hostile"];
  let first;
  beforeAll(() => {
    generateClass(repoRoot, dir, { kinds });
    first = gradeBatch(dir, out);
  });

  it("grades every submission into grades.csv: id, submitters, total, each sub-problem, status, seconds", () => {
    expect(first.header).toEqual(["id", "submitters", "total", "1(a)", "1(b)", "1(c)", "2(a)", "2(b)", "2(c)", "2(d)", "3", "4(a)", "4(b)", "4(c)", "5(a)", "5(b)", "5(c)", "status", "seconds"]);
    expect(first.rows.size).toBe(kinds.length + 6);
    const total = (id) => Number(first.rows.get(id).total);
    expect([1, 2, 3, 4, 5, 6].map((n) => total(`student-00${n}`))).toEqual([35, 0, 15, 31, 33, 31]);
    expect(first.output).toMatch(/12 submissions in [\d.]+ min: 12 graded, 0 unchanged and skipped, 4 not gradable/);
  });

  it("each score equals grading that submission alone", () => {
    for (const id of ["student-003", "student-004", "student-006"]) {
      const path = [join(dir, id), join(dir, `${id}.zip`)].find((p) => spawnSync("test", ["-e", p]).status === 0);
      const { results } = runGrade(["--submission", path, "--timeout", "10"], join(tempDir("mytorch-single-"), "results.json"));
      expect(Number(first.rows.get(id).total), id).toBe(results.score);
      const batchResults = JSON.parse(readFileSync(join(out, "submissions", id, "results.json"), "utf8"));
      expect(batchResults.tests.map((t) => [t.number, t.score])).toEqual(results.tests.map((t) => [t.number, t.score]));
    }
  });

  it("a bad archive costs only itself and says why", () => {
    const status = (id) => first.rows.get(id).status;
    expect(status("bad-traversal")).toMatch(/^error: the zip entry "\.\.\/\.\.\/escaped\.ts" is a path that leaves the archive/);
    expect(status("bad-symlink-entry")).toMatch(/^error: .*not a regular file/);
    expect(status("bad-not-a-zip")).toMatch(/^error: not a zip file/);
    expect(status("bad-two-gigabytes")).toMatch(/^error: bad-two-gigabytes\.zip is larger than 64 MB/);
    // Read as far as it is safe: the bomb's 80 MB source and the symlinked reference are left out, so stubs stand there.
    expect(first.rows.get("bad-bomb").total).toBe("0");
    expect(first.rows.get("bad-symlink-folder").total).toBe("0");
    const bomb = JSON.parse(readFileSync(join(out, "submissions", "bad-bomb", "results.json"), "utf8"));
    expect(bomb.output).toMatch(/packages\/linear\/src\/linear\.ts is larger than 1 MB and was not read/);
  });

  it("the report shows the histogram, the pass rates, the reasons and the similar pairs", () => {
    const html = readFileSync(join(out, "report.html"), "utf8");
    expect(html).toMatch(/<svg/);
    expect(html).toMatch(/NotImplementedError/);
    expect(html).toMatch(/student-00\d/);
  });

  it("a second run regrades only what changed, and says how many it skipped", () => {
    const again = gradeBatch(dir, out);
    expect(again.output).toMatch(/12 submissions in [\d.]+ min: 0 graded, 12 unchanged and skipped/);
    expect(again.rows.get("student-001").total).toBe("35");
    // student-003 (partial: Problems 1 and 2) solves Problem 3 too: only it is graded again.
    const path = "packages/optim/src/sgd.ts";
    writeFileSync(join(dir, "student-003", path), readFileSync(join(repoRoot, path), "utf8"));
    const third = gradeBatch(dir, out);
    expect(third.output).toMatch(/12 submissions in [\d.]+ min: 1 graded, 11 unchanged and skipped/);
    expect(third.rows.get("student-003").total).toBe("17");
  });
});

describe("batch pieces", () => {
  it("grades.csv quotes what needs quoting and never starts a cell with a formula", () => {
    const problems = [{ id: "1(a)" }];
    const csv = gradesCsv(problems, [{ id: "=HYPERLINK(\"x\")", submitters: "Doe, Jane <j@x>", total: 1, scores: { "1(a)": 1 }, status: "graded", seconds: 2 }]);
    expect(csv.split("\n")[1]).toBe(`"'=HYPERLINK(""x"")","Doe, Jane <j@x>",1,1,graded,2.0`);
  });

  it("reads the submitters of a Gradescope export", () => {
    const yml = "---\nsubmission_1:\n  :submitters:\n  - :name: Ada Lovelace\n    :sid: '1'\n    :email: ada@example.edu\n  :created_at: 2026-01-01\nsubmission_2:\n  :submitters:\n  - :name: B\n    :email: b@x\n  - :name: C\n    :email: c@x\n";
    expect([...parseGradescopeMetadata(yml)]).toEqual([["submission_1", "Ada Lovelace <ada@example.edu>"], ["submission_2", "B <b@x>; C <c@x>"]]);
  });

  it("the progress line gives the count, the rate and the time left", () => {
    expect(progressLine({ done: 50, total: 200, skipped: 10, seconds: 120 }, 8)).toBe("[██░░░░░░] 50/200  20.0/min  2:00 elapsed, ~7:30 left  (10 unchanged, skipped)");
  });
});
