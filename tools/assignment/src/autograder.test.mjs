import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildAutograder } from "./autograder.mjs";
import { repoRoot } from "./paths.mjs";
import { copyReferenceSources, edit, tempDir } from "./test-helpers.mjs";

// A simulated Gradescope machine: AUTOGRADER_ROOT stands for /autograder.
describe("Gradescope autograder, rehearsed in a temporary /autograder tree", () => {
  const root = tempDir("mytorch-autograder-");
  const env = { ...process.env, AUTOGRADER_ROOT: root };

  /** Puts `submission` in root/submission, runs run_autograder, returns results.json. */
  function grade(submission) {
    const target = join(root, "submission");
    spawnSync("rm", ["-rf", target]);
    cpSync(submission, target, { recursive: true });
    const run = spawnSync(join(root, "run_autograder"), [], { env, encoding: "utf8", maxBuffer: 64 << 20 });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    return JSON.parse(readFileSync(join(root, "results", "results.json"), "utf8"));
  }

  beforeAll(() => {
    const { bundle } = buildAutograder(repoRoot, tempDir("mytorch-bundle-"));
    cpSync(bundle, join(root, "source"), { recursive: true });
    cpSync(join(bundle, "run_autograder"), join(root, "run_autograder"));
    const setup = spawnSync("bash", [join(root, "source", "setup.sh")], { env, encoding: "utf8", maxBuffer: 64 << 20 });
    expect(setup.status, setup.stdout + setup.stderr).toBe(0);
  });

  it("a perfect submission (the reference sources) scores 35/35", () => {
    const results = grade(copyReferenceSources(tempDir("mytorch-perfect-")));
    expect(results.score).toBe(35);
    expect(results.tests).toHaveLength(14);
    expect(results.tests.every((t) => t.status === "passed" && t.score === t.max_score)).toBe(true);
  });

  it("an empty submission scores 0/35 and says why", () => {
    const empty = tempDir("mytorch-empty-");
    mkdirSync(join(empty, "nothing-here"));
    const results = grade(empty);
    expect(results.score).toBe(0);
    expect(results.tests).toHaveLength(14);
    expect(results.output).toMatch(/No packages\/linear\/src found in the submission/);
    expect(results.tests.every((t) => /NotImplementedError/.test(t.output))).toBe(true);
  });

  it("a broken submission (a syntax error in mlp1.ts, inside a GitHub-style top folder) loses only Problem 5(b)", () => {
    const dir = tempDir("mytorch-broken-");
    copyReferenceSources(join(dir, "mytorch-handout-main"));
    edit(join(dir, "mytorch-handout-main"), "packages/mlp/src/mlp1.ts", "return phi2.forward(layer2.forward(A1));", "return phi2.forward(layer2.forward(A1);");
    const results = grade(dir);
    expect(results.score).toBe(31);
    const failed = results.tests.filter((t) => t.status === "failed");
    expect(failed.map((t) => t.number)).toEqual(["5(b)"]);
    expect(failed[0].output).toMatch(/mlp1\.ts/);
  });
});
