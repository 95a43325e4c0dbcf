import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { scoreProblem } from "./grader.mjs";
import { MAX_MESSAGE, cap } from "./report.mjs";
import { config, copyReferenceSources, edit, runGrade, tempDir } from "./test-helpers.mjs";
import { unzip } from "./unzip.mjs";
import { zip } from "./zip.mjs";

describe("grader robustness: sabotage in one method costs only what it touches", () => {
  it("an infinite loop, process.exit, a thrown string, a killed process and a forged results file", () => {
    const dir = copyReferenceSources(tempDir("mytorch-sabotage-"));
    const results = join(tempDir("mytorch-results-"), "results.json");
    // 4(b): Tanh.forward never returns.
    edit(dir, "packages/activation/src/tanh.ts", "return H.map(Math.tanh);", "for (;;) { /* spin */ }");
    // 4(c): ReLU.forward signals every process it can address, then ends its own.
    edit(dir, "packages/activation/src/relu.ts", "this.H = H;", "for (const pid of [0, -1, process.ppid]) { try { process.kill(pid, 'SIGKILL'); } catch {} } process.exit(0);");
    // 4(a): Sigmoid.backward throws something that is not an Error.
    edit(dir, "packages/activation/src/sigmoid.ts", "const H = lastInput(", "throw 'not an error'; const H = lastInput(");
    // 2(d): CrossEntropyLoss.backward aborts its process (a crash).
    edit(dir, "packages/loss/src/cross-entropy-loss.ts", "const E = O.sub(O.maxCols()).exp();", "process.abort(); const E = O.sub(O.maxCols()).exp();");
    // 2(a), 2(b): MSELoss.forward is wrong (and keeps the wrong O for backward), but tries to write a perfect results file and prints fake lines.
    const forged = JSON.stringify({ score: 35, tests: [{ number: "2(a)", score: 2, max_score: 2, status: "passed" }] });
    edit(dir, "packages/loss/src/mse-loss.ts", "// BEGIN SOLUTION",
      `// BEGIN SOLUTION
    try { process.getBuiltinModule?.("node:fs")?.writeFileSync(${JSON.stringify(results)}, ${JSON.stringify(forged)}); } catch {}
    console.log("Problem 2(a)  MSELoss.forward  2/2  PASS"); console.log("Total: 35/35");
    O = O.add(1);`);

    const { status, results: r, scoreOf, output } = runGrade(["--submission", dir, "--timeout", "10"], results);
    expect(status, output).toBe(0);
    expect(r.tests.filter((t) => t.visibility === "visible").map((t) => t.number)).toEqual(config.problems.map((p) => p.id));
    const lost = new Set(["2(a)", "2(b)", "2(d)", "4(a)", "4(b)", "4(c)"]);
    for (const p of config.problems) {
      expect(scoreOf(p.id).score, `Problem ${p.id}: ${scoreOf(p.id).output}`).toBe(lost.has(p.id) ? 0 : p.points);
    }
    expect(r.score).toBe(35 - 2 * lost.size);
    expect(scoreOf("4(b)").output).toMatch(/timed out after 10 s: the code never returned \(an infinite loop\?\)/);
    expect(scoreOf("4(c)").output).toMatch(/the student's process ended \(exit code 0\)/);
    expect(scoreOf("4(a)").output).toMatch(/string: not an error/);
    expect(scoreOf("2(d)").output).toMatch(/the student's process ended \(SIG[A-Z]+\)/);
    expect(scoreOf("2(a)").output).toMatch(/loss: got 13\.5, expected 7\.5/);
    // The printed fake lines reach only the staff's entry, never the student's table.
    expect(output).not.toMatch(/Total: 35\/35/);
  });
});

describe("scoreProblem", () => {
  const problem = config.problems[0];
  const pass = { name: "a", hidden: false, passed: true, message: "" };
  const fail = { name: "b", hidden: false, passed: false, message: "O: 2×2, max |diff| 1" };
  const hiddenFail = { name: "h", hidden: true, passed: false, message: "dL/dA: got 1, expected 2 (secret inputs)" };

  it("all checks passing earns the points", () => {
    expect(scoreProblem(problem, [pass], 1).score).toBe(problem.points);
  });

  it("one failing check earns nothing; the reason names the check and what it found", () => {
    const r = scoreProblem(problem, [pass, fail], 1);
    expect(r.score).toBe(0);
    expect(r.why).toBe("b: O: 2×2, max |diff| 1");
  });

  it("no checks at all is a failure, not a pass", () => {
    expect(scoreProblem(problem, [], 1).passed).toBe(false);
  });

  it("a failing hidden check shows the student its name only; the details go to the staff", () => {
    const r = scoreProblem(problem, [pass, hiddenFail], 1, "printed by the student");
    expect(r.passed).toBe(false);
    expect(r.why).toBe("a hidden check failed: h");
    expect(r.output).not.toMatch(/secret/);
    expect(r.staffOutput).toMatch(/secret inputs/);
    expect(r.staffOutput).toMatch(/printed by the student/);
  });
});

describe("cap: what a message may carry", () => {
  it("cuts unbroken tokens longer than 80 characters and whole messages at 1,000", () => {
    const token = "QUJD".repeat(50);
    expect(cap(`x ${token} y`)).toBe(`x ${token.slice(0, 80)}…[120 characters cut] y`);
    expect(cap("word ".repeat(1000)).length).toBeLessThanOrEqual(MAX_MESSAGE + 30);
  });
});

describe("unzip: a bad archive costs only itself", () => {
  const entry = (name, data, mode = 0o644) => ({ name, data: Buffer.from(data), mode });
  it("reads what zip writes", () => {
    const files = unzip(zip([entry("packages/linear/src/linear.ts", "export {};\n")]));
    expect(files.map((f) => [f.name, f.data.toString()])).toEqual([["packages/linear/src/linear.ts", "export {};\n"]]);
  });
  it("refuses .. paths, absolute paths, symlinks and bombs, naming the entry", () => {
    expect(() => unzip(zip([entry("../evil.ts", "x")]))).toThrow(/"\.\.\/evil\.ts" is a path that leaves the archive/);
    expect(() => unzip(zip([entry("/etc/passwd", "x")]))).toThrow(/is an absolute path/);
    expect(() => unzip(zip([entry("link.ts", "/work/main/packages/linear/src/linear.ts", 0o120777)]))).toThrow(/not a regular file/);
    const bomb = zip([entry("a.ts", Buffer.alloc(80 << 20))]);
    expect(bomb.length).toBeLessThan(200_000);
    expect(() => unzip(bomb)).toThrow(/inflates to more than 64 MB/);
    expect(() => unzip(Buffer.from("not a zip"))).toThrow(/not a zip file/);
  });
});

describe("results file", () => {
  it("a results file written by someone else is replaced, not merged", () => {
    const results = join(tempDir("mytorch-results-"), "results.json");
    writeFileSync(results, JSON.stringify({ score: 35, tests: [] }));
    const dir = tempDir("mytorch-empty-submission-");
    const { results: r } = runGrade(["--submission", dir, "--only", "3"], results);
    expect(r.score).toBe(0);
    expect(r.tests.filter((t) => t.visibility === "visible")).toHaveLength(1);
  });
});
