import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateHandout } from "./handout.mjs";
import { repoRoot } from "./paths.mjs";
import { config, copyReferenceSources, runGrade, sh, tempDir } from "./test-helpers.mjs";

describe("the student handout, end to end", () => {
  const handout = join(tempDir("mytorch-handout-"), "handout");
  const { stubs } = generateHandout(repoRoot, handout);

  it("stubs every declared method and leaves the hidden tests and .ci/ out", () => {
    const declared = config.problems.flatMap((p) => p.stubs.map((s) => s.method)).sort();
    expect(stubs.map((s) => s.method).sort()).toEqual(declared);
    expect(existsSync(join(handout, "packages/linear/src/linear.hidden.test.ts"))).toBe(false);
    expect(existsSync(join(handout, "packages/linear/src/linear.test.ts"))).toBe(true);
    expect(existsSync(join(handout, ".ci"))).toBe(false);
    const linear = readFileSync(join(handout, "packages/linear/src/linear.ts"), "utf8");
    expect(linear).not.toMatch(/BEGIN SOLUTION|transposeMatmul/);
    expect(linear).toContain('throw new NotImplementedError("Linear.forward", "1(b)");');
    expect(readFileSync(join(handout, "README.md"), "utf8")).toMatch(/^# MyTorch — Homework 1 \(student handout\)/);
  });

  it("installs, type-checks and lints on its own", () => {
    sh("pnpm", ["install", "--offline", "--frozen-lockfile", "--reporter=silent"], handout);
    sh("pnpm", ["exec", "turbo", "run", "typecheck", "lint", "--output-logs=errors-only"], handout);
  });

  it("grades 0/35, every failure a NotImplementedError, no crash", () => {
    const { results } = runGrade(["--repo", handout], join(handout, "out", "results.json"));
    expect(results.score).toBe(0);
    expect(results.tests).toHaveLength(config.problems.length);
    for (const t of results.tests) {
      const failures = t.output.split("\n").filter((line) => line.startsWith("    "));
      expect(failures.length, `Problem ${t.number}: ${t.output}`).toBeGreaterThan(0);
      for (const line of failures) expect(line, `Problem ${t.number}`).toMatch(/NotImplementedError: .+ is not implemented yet \(Problem \d(\([a-d]\))?\)/);
    }
  });

  it("with the reference solutions put back, grades 35/35", () => {
    copyReferenceSources(handout);
    const { results } = runGrade(["--repo", handout], join(handout, "out", "results.json"));
    expect(results.score).toBe(35);
  });
});
