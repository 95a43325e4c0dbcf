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

  it("an attacking submission through the bundle: reads, writes, spawns, kills and leaks nothing, and scores what it earns", async () => {
    const results = join(root, "results", "results.json");
    const hidden = readFileSync(join(bundle, "grading", "checks", "linear.hidden.mjs"), "utf8");
    // Linear.forward returns A itself (wrong) after trying everything a student could.
    const attack = `
    const fs = process.getBuiltinModule("node:fs");
    const loot = [];
    for (const path of [${JSON.stringify(join(root, "source", "grading", "checks", "linear.hidden.mjs"))}, ${JSON.stringify(results)}, "/proc/1/environ", "/etc/shadow"]) {
      try { loot.push(fs.readFileSync(path, "utf8")); } catch (error) { loot.push(String(error.code)); }
    }
    try { fs.writeFileSync(${JSON.stringify(results)}, '{"score": 35, "tests": []}'); loot.push("wrote"); } catch (error) { loot.push(String(error.code)); }
    try { process.getBuiltinModule("node:child_process").spawn("sh", ["-c", "sleep 3; echo '{\\"score\\": 35}' > ${results}"], { detached: true }).unref(); loot.push("spawned"); } catch (error) { loot.push(String(error.code)); }
    try { process.kill(process.ppid, "SIGKILL"); loot.push("killed " + process.ppid); } catch (error) { loot.push(String(error.code)); }
    throw new Error(Buffer.from(loot.join("\\n")).toString("base64") + " " + loot.join(" ").slice(0, 400));`;
    const submission = (tricked) => {
      const dir = copyReferenceSources(tempDir("mytorch-attack-"));
      edit(dir, "packages/linear/src/linear.ts", "this.A = A;", `this.A = A;${tricked ? `\n    if (A.rows === 1 && A.get(0, 0) === 1) {${attack}\n    }` : ""}\n    return A;`);
      return dir;
    };
    const fair = grade(submission(false));
    const attacked = grade(submission(true));
    await new Promise((resolve) => setTimeout(resolve, 4000)); // a detached writer would have struck by now
    const after = readFileSync(results, "utf8");
    expect(JSON.parse(after)).toEqual(attacked);
    const failing = (r) => r.tests.filter((t) => t.visibility === "visible" && t.status === "failed").map((t) => `${t.number}: ${t.output.slice(0, 300)}`);
    expect(failing(attacked)).toEqual(failing(fair).map((line) => line.startsWith("1(b)") ? expect.any(String) : line));
    expect(attacked.score).toBe(fair.score);
    expect(fair.score).toBe(35 - 2 - 4 - 12); // 1(b), 1(c) (its finite differences go through forward) and the MLPs
    const text = JSON.stringify(attacked);
    // Four reads, a write and a spawn refused (a path outside the sandbox may not even exist in its mount namespace); no kill landed.
    expect(text).toMatch(/ ((ENOENT|ERR_ACCESS_DENIED) ){6}(EPERM|ESRCH|killed 0)/);
    for (const line of hidden.split("\n").filter((l) => l.trim().length > 30)) expect(text.includes(line.trim())).toBe(false);
  });
});
