import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cleanMessage, scoreProblem } from "./grader.mjs";
import { config, copyReferenceSources, edit, runGrade, tempDir } from "./test-helpers.mjs";

describe("grader robustness: sabotage in one method costs only what it touches", () => {
  it("infinite loop, process.exit, a thrown string, a killed worker and forged results", () => {
    const dir = copyReferenceSources(tempDir("mytorch-sabotage-"));
    const results = join(tempDir("mytorch-results-"), "results.json");
    // 4(b): Tanh.forward never returns.
    edit(dir, "packages/activation/src/tanh.ts", "return H.map(Math.tanh);", "for (;;) { /* spin */ }");
    // 4(c): ReLU.forward ends the process.
    edit(dir, "packages/activation/src/relu.ts", "this.H = H;", "process.exit(0);");
    // 4(a): Sigmoid.backward throws something that is not an Error.
    edit(dir, "packages/activation/src/sigmoid.ts", "return H.map((h) => {", "throw 'not an error'; return H.map((h) => {");
    // 2(d): CrossEntropyLoss.backward kills its own worker process.
    edit(dir, "packages/loss/src/cross-entropy-loss.ts", "return softmax(O).sub(Y)", "process.kill(process.pid, 'SIGKILL'); return softmax(O).sub(Y)");
    // 2(a): MSELoss.forward is wrong, but writes a perfect results file and prints fake lines.
    const forged = JSON.stringify({ score: 35, tests: [{ number: "2(a)", score: 2, max_score: 2, status: "passed" }] });
    edit(dir, "packages/loss/src/mse-loss.ts", "const E = O.sub(Y); // E = O − Y",
      `require("node:fs").writeFileSync(${JSON.stringify(results)}, ${JSON.stringify(forged)});
    console.log("Problem 2(a)  MSELoss.forward  2/2  PASS"); console.log("Total: 35/35");
    const E = O.sub(Y).add(1);`);
    // MSELoss is ESM: give the forged write a require.
    edit(dir, "packages/loss/src/mse-loss.ts", 'import type { Matrix } from "@mytorch/matrix";',
      'import type { Matrix } from "@mytorch/matrix";\nimport { createRequire } from "node:module";\nconst require = createRequire(import.meta.url);');

    const { status, results: r, scoreOf, output } = runGrade(["--submission", dir, "--timeout", "30"], results);
    expect(status, output).toBe(0);
    // Every sub-problem is listed, and the file is complete JSON.
    expect(r.tests.map((t) => t.number)).toEqual(config.problems.map((p) => p.id));
    const lost = { "2(a)": 0, "2(b)": 0, "2(d)": 0, "4(a)": 0, "4(b)": 0, "4(c)": 0 };
    for (const p of config.problems) {
      const expected = p.id in lost ? 0 : p.points;
      expect(scoreOf(p.id).score, `Problem ${p.id}: ${scoreOf(p.id).output}`).toBe(expected);
    }
    expect(r.score).toBe(35 - 2 * 6);
    expect(scoreOf("4(b)").output).toMatch(/^timed out after 30 s: the tests never finished \(an infinite loop in Tanh\.forward, Tanh\.backward\?\)/);
    expect(scoreOf("4(c)").output).toMatch(/process\.exit unexpectedly called/);
    expect(scoreOf("4(a)").output).toMatch(/not an error/);
    expect(scoreOf("2(a)").output).toMatch(/MSELoss|loss/);
    expect(scoreOf("2(d)").status).toBe("failed");
  });
});

describe("scoreProblem", () => {
  const problem = config.problems[0];
  const pass = { file: "x.test.ts", suites: [problem.suite], name: "a", state: "passed", errors: [] };
  const fail = { ...pass, name: "b", state: "failed", errors: ["AssertionError: O: 2×2, max |diff| 1\n    at foo (x.ts:1:1)"] };

  it("all tests passing earns the points", () => {
    expect(scoreProblem(problem, { tests: [pass], timedOut: false, crashed: null, seconds: 1 }, 60).score).toBe(problem.points);
  });

  it("one failing test earns nothing and the reason names the test and the message, not the stack", () => {
    const r = scoreProblem(problem, { tests: [pass, fail], timedOut: false, crashed: null, seconds: 1 }, 60);
    expect(r.score).toBe(0);
    expect(r.why).toBe("b: AssertionError: O: 2×2, max |diff| 1");
    expect(r.output).not.toMatch(/at foo/);
  });

  it("no tests at all is a failure, not a pass", () => {
    expect(scoreProblem(problem, { tests: [], timedOut: false, crashed: null, seconds: 1 }, 60).passed).toBe(false);
  });

  it("cleanMessage drops colours, stack frames and code frames", () => {
    expect(cleanMessage("\u001b[31mError: x\u001b[39m\n    at f (a.js:1)\n  12| code\n ❯ a.ts:3\nmore")).toBe("Error: x\nmore");
  });
});

describe("results file", () => {
  it("a results file written by someone else is replaced, not merged", () => {
    const results = join(tempDir("mytorch-results-"), "results.json");
    writeFileSync(results, JSON.stringify({ score: 35, tests: [] }));
    const dir = tempDir("mytorch-empty-submission-");
    const { results: r } = runGrade(["--submission", dir, "--only", "3"], results);
    expect(r.score).toBe(0);
    expect(r.tests).toHaveLength(1);
  });
});
