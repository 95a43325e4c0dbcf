import { spawnSync } from "node:child_process";
import { cpSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildAutograder } from "./autograder.mjs";
import { repoRoot } from "./paths.mjs";
import { copyReferenceSources, edit, tempDir } from "./test-helpers.mjs";

/** Every file under `dir` with its text. */
function textsUnder(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && !e.parentPath.includes("node_modules"))
    .map((e) => [join(e.parentPath, e.name), readFileSync(join(e.parentPath, e.name), "utf8")]);
}

// A simulated Gradescope machine: AUTOGRADER_ROOT stands for /autograder.
describe("Gradescope autograder, rehearsed in a temporary /autograder tree", () => {
  const root = tempDir("mytorch-autograder-");
  const env = { ...process.env, AUTOGRADER_ROOT: root };
  let bundle;

  /** Puts `submission` in root/submission, runs run_autograder, returns results.json. */
  function grade(submission) {
    const target = join(root, "submission");
    spawnSync("rm", ["-rf", target]);
    cpSync(submission, target, { recursive: true });
    const run = spawnSync(join(root, "run_autograder"), [], { env, encoding: "utf8", maxBuffer: 64 << 20 });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    return JSON.parse(readFileSync(join(root, "results", "results.json"), "utf8"));
  }
  const visible = (results) => results.tests.filter((t) => t.visibility === "visible");

  beforeAll(() => {
    ({ bundle } = buildAutograder(repoRoot, tempDir("mytorch-bundle-")));
    cpSync(bundle, join(root, "source"), { recursive: true });
    cpSync(join(bundle, "run_autograder"), join(root, "run_autograder"));
    const setup = spawnSync("bash", [join(root, "source", "setup.sh")], { env, encoding: "utf8", maxBuffer: 64 << 20 });
    expect(setup.status, setup.stdout + setup.stderr).toBe(0);
  });

  it("the bundle holds no reference solution: no solution region, no solution body", () => {
    const linear = readFileSync(join(repoRoot, "packages/linear/src/linear.ts"), "utf8");
    const body = /\/\/ BEGIN SOLUTION\n([\s\S]*?)\/\/ END SOLUTION/.exec(linear.slice(linear.indexOf("forward(A: Matrix)")))[1].trim().split("\n")[1].trim();
    expect(body).toMatch(/matmul/);
    for (const [path, text] of textsUnder(bundle)) {
      if (path.endsWith(".ts")) expect(text.includes("// BEGIN SOLUTION"), path).toBe(false);
      expect(text.includes(body), path).toBe(false);
    }
    expect(readdirSync(join(bundle, "grading", "checks")).filter((f) => f.endsWith(".hidden.mjs")).length).toBeGreaterThan(0);
  });

  it("a perfect submission (the reference sources) scores 35/35", () => {
    const results = grade(copyReferenceSources(tempDir("mytorch-perfect-")));
    expect(results.score).toBe(35);
    expect(visible(results)).toHaveLength(14);
    expect(visible(results).every((t) => t.status === "passed" && t.score === t.max_score)).toBe(true);
  });

  it("an empty submission scores 0/35 and says why", () => {
    const empty = tempDir("mytorch-empty-");
    const results = grade(empty);
    expect(results.score).toBe(0);
    expect(visible(results)).toHaveLength(14);
    expect(results.output).toMatch(/No packages\/linear\/src found in the submission/);
    expect(visible(results).every((t) => /NotImplementedError/.test(t.output))).toBe(true);
  });

  it("a broken submission (a syntax error in mlp1.ts, inside a GitHub-style top folder) loses only Problem 5(b)", () => {
    const dir = tempDir("mytorch-broken-");
    copyReferenceSources(join(dir, "mytorch-handout-main"));
    edit(join(dir, "mytorch-handout-main"), "packages/mlp/src/mlp1.ts", "return phi2.forward(layer2.forward(A1));", "return phi2.forward(layer2.forward(A1);");
    const results = grade(dir);
    expect(results.score).toBe(31);
    const failed = visible(results).filter((t) => t.status === "failed");
    expect(failed.map((t) => t.number)).toEqual(["5(b)"]);
    expect(failed[0].output).toMatch(/SyntaxError: packages\/mlp\/src\/mlp1\.ts:32:43: '\)' expected\./);
  });
});
