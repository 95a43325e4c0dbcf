import { spawnSync } from "node:child_process";
import { cpSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { projectFiles } from "./files.mjs";
import { generateHandout, isStudentSource } from "./handout.mjs";
import { findSolutionRegions } from "./regions.mjs";
import { repoRoot } from "./paths.mjs";
import { config, copyReferenceSources, runGrade, sh, tempDir } from "./test-helpers.mjs";
import { unzip } from "./unzip.mjs";

const NOT_IMPLEMENTED = /NotImplementedError: .+ is not implemented yet \(Problem \d(\([a-d]\))?\)/;
// TrainingTester trains on Fashion-MNIST for minutes; the repository's own `npm test` runs it.
const env = { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0", MYTORCH_SKIP_NOTEBOOKS: "TrainingTester", TURBO_TELEMETRY_DISABLED: "1" };
delete env.INIT_CWD;

/** Runs a command in the handout; returns its status and output (never throws). */
function runIn(dir, command, args) {
  const run = spawnSync(command, args, { cwd: dir, env, encoding: "utf8", maxBuffer: 256 << 20 });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

/** The error lines (`Name: message`) of the failed tests in a turbo + vitest log. */
function testErrors(output) {
  return output
    .split("\n")
    .map((line) => line.replace(/^@mytorch\/[\w-]+:test: /, "").trim())
    .filter((line) => /^[A-Z]\w*(Error|Exception|Failure): /.test(line));
}

describe("the student handout, end to end", () => {
  const handout = join(tempDir("mytorch-handout-"), "handout");
  const { stubs } = generateHandout(repoRoot, handout);
  const total = config.problems.reduce((s, p) => s + p.points, 0);

  it("stubs every declared method and leaves out hidden checks, instructor tooling and the packages with answers", () => {
    const declared = config.problems.flatMap((p) => p.stubs.map((s) => s.method)).sort();
    expect(stubs.map((s) => s.method).sort()).toEqual(declared);
    for (const path of ["packages/linear/src/linear.hidden.test.ts", ".ci", "packages/nn", "packages/autograd", "packages/bench", "packages/parallel", "fixtures-gen", "notebooks/CircleExperiment.ipynb", "tools/assignment/src/handout.test.mjs", "tools/assignment/src/cli/handout.mjs", "packages/mytorch/src/cli/run-circle.handout.ts"]) {
      expect(existsSync(join(handout, path)), path).toBe(false);
    }
    expect(existsSync(join(handout, "packages/linear/src/linear.test.ts"))).toBe(true);
    const linear = readFileSync(join(handout, "packages/linear/src/linear.ts"), "utf8");
    expect(linear).not.toMatch(/BEGIN SOLUTION|transposeMatmul/);
    expect(linear).toContain('throw new NotImplementedError("Linear.forward", "1(b)");');
    expect(readFileSync(join(handout, "packages/activation/src/sigmoid.ts"), "utf8")).not.toMatch(/Math\.exp/);
    expect(readFileSync(join(handout, "packages/mytorch/src/cli/run-circle.ts"), "utf8")).toMatch(/not part of the homework handout/);
    expect(readFileSync(join(handout, "README.md"), "utf8")).toMatch(/^# MyTorch — Homework 1 \(student handout\)/);
    const { scripts } = JSON.parse(readFileSync(join(handout, "package.json"), "utf8"));
    expect(Object.keys(scripts)).not.toEqual(expect.arrayContaining(["handout"]));
    for (const instructor of ["handout", "autograder", "fixtures", "bench"]) expect(scripts).not.toHaveProperty(instructor);
    expect(scripts).toHaveProperty("submit");
    expect(JSON.parse(readFileSync(join(handout, "tools/assignment/package.json"), "utf8")).scripts).not.toHaveProperty("test");
  });

  // Lines of a solution that are an idiom of the whole library, and that the stub's TODO spells out.
  const IDIOMS = new Set(["const rng = options.rng ?? defaultRng();"]);

  it("no handed-out file holds a line of any solution region (not in tests, tools, docs or notebooks either)", () => {
    const solutionLines = new Set();
    for (const path of projectFiles(repoRoot).filter((p) => isStudentSource(p, config))) {
      const lines = readFileSync(join(repoRoot, path), "utf8").split("\n");
      for (const region of findSolutionRegions(lines.join("\n"), path)) {
        for (const line of lines.slice(region.begin + 1, region.end)) {
          const code = line.replace(/\/\/.*$/, "").trim();
          if (code.length >= 16 && !IDIOMS.has(code)) solutionLines.add(code);
        }
      }
    }
    expect(solutionLines.size).toBeGreaterThan(20);
    const found = [];
    for (const path of projectFiles(handout)) {
      const text = readFileSync(join(handout, path), "utf8");
      for (const line of solutionLines) if (text.includes(line)) found.push(`${path}: ${line}`);
    }
    expect(found).toEqual([]);
  });

  it("installs from its own lockfile (frozen, offline)", () => {
    sh("pnpm", ["install", "--offline", "--frozen-lockfile", "--reporter=silent"], handout);
  });

  it("fresh: npm test fails, and only with NotImplementedError in graded problems (type-check and lint pass, 0/35)", () => {
    const { status, output } = runIn(handout, "npm", ["test"]);
    expect(status).not.toBe(0);
    expect(output).toMatch(/test: FAILED \(tests, score below 35\/35\)/);
    const errors = testErrors(output);
    expect(errors.length).toBeGreaterThan(0);
    // A NotImplementedError, or an assertion that got one where it expected another error
    // (e.g. an MLP's argument check, reached only through the stubbed Linear constructor).
    for (const line of errors) expect(line).toMatch(/NotImplementedError: |but got '.+ is not implemented/);
    const results = JSON.parse(readFileSync(join(handout, "out/grading/results.json"), "utf8"));
    expect(results.score).toBe(0);
    for (const t of results.tests.filter((t) => t.max_score > 0)) expect(t.output, `Problem ${t.number}`).toMatch(NOT_IMPLEMENTED);
  }, 900_000);

  it("a submission whose stubs only delegate to other code of the handout (or what used to ship) grades 0/35", () => {
    const dir = tempDir("mytorch-delegate-");
    copyReferenceSources(dir);
    const delegate = (path, body) => writeFileSync(join(dir, path), body);
    delegate("packages/linear/src/linear.ts", 'export { Linear } from "../../nn/src/linear.js";\nexport type LinearOptions = { rng?: unknown };\n');
    delegate("packages/loss/src/cross-entropy-loss.ts", 'export { CrossEntropyLoss } from "../../nn/src/cross-entropy-loss.js";\n');
    delegate("packages/loss/src/mse-loss.ts", 'export { MSELoss } from "../../nn/src/mse-loss.js";\n');
    delegate("packages/optim/src/sgd.ts", 'export { SGD } from "../../nn/src/optim/sgd.js";\nexport type LayerParameters = unknown;\nexport type HasLayers = unknown;\n');
    for (const name of ["sigmoid", "tanh", "relu"]) {
      const cls = { sigmoid: "Sigmoid", tanh: "Tanh", relu: "ReLU" }[name];
      delegate(`packages/activation/src/${name}.ts`, `export { ${cls} } from "../../../notebooks/src/reference-activations.js";\nexport { ${cls} as ${cls}2 } from "../../autograd/src/index.js";\n`);
    }
    for (const name of ["mlp0", "mlp1", "mlp4"]) {
      const cls = name.toUpperCase();
      delegate(`packages/mlp/src/${name}.ts`, `export { ${cls} } from "../../mytorch/src/index.js";\n`);
    }
    const { results } = runGrade(["--repo", handout, "--submission", dir], join(dir, "results.json"));
    expect(results.score).toBe(0);
  }, 300_000);

  it("partly solved: the submission zip grades the same as the local score", () => {
    for (const path of ["packages/linear/src/linear.ts", "packages/loss/src/mse-loss.ts"]) cpSync(join(repoRoot, path), join(handout, path));
    const { status, output } = runIn(handout, "pnpm", ["submit"]);
    expect(status, output).toBe(0);
    const local = JSON.parse(readFileSync(join(handout, "out/grading/results.json"), "utf8"));
    expect(local.score).toBe(11); // 1(a) 1 + 1(b) 2 + 1(c) 4 + 2(a) 2 + 2(b) 2
    expect(output).toMatch(/skipped\s+MLPTester\s+needs Problem 5\(a\), 5\(b\), 5\(c\) to pass first/);
    const zipPath = join(handout, "out/submission.zip");
    const names = unzip(readFileSync(zipPath)).map((e) => e.name).sort();
    const sources = names.filter((n) => !n.startsWith("notebooks-out/"));
    expect(sources.every((n) => /^packages\/(linear|loss|optim|activation|mlp)\/src\/[\w-]+\.ts$/.test(n) && !/\.test/.test(n)), sources.join(", ")).toBe(true);
    expect(names).toEqual(expect.arrayContaining(["notebooks-out/LinearTester.ipynb", "notebooks-out/LinearTester.html"]));
    expect(names).not.toContain("notebooks-out/LossTester.ipynb"); // 2(c), 2(d) not solved
    const { results } = runGrade(["--repo", handout, "--submission", zipPath], join(handout, "out", "zip-results.json"));
    expect(results.score).toBe(local.score);
  }, 900_000);

  it("with the reference solutions put back: npm test and npm start pass (notebooks included), and the zip grades 35/35", () => {
    copyReferenceSources(handout);
    const test = runIn(handout, "npm", ["test"]);
    expect(test.status, test.output.slice(-4000)).toBe(0);
    expect(test.output).toMatch(/test: everything passes/);
    const start = runIn(handout, "npm", ["start"]);
    expect(start.status, start.output.slice(-4000)).toBe(0);
    expect(start.output).toMatch(/notebooks: all 5 passed/);
    expect(start.output).toMatch(/skipped\s+TrainingTester\s+left out on request/);
    const submit = runIn(handout, "pnpm", ["submit"]);
    expect(submit.status, submit.output.slice(-4000)).toBe(0);
    const { results } = runGrade(["--repo", handout, "--submission", join(handout, "out/submission.zip")], join(handout, "out", "zip-results.json"));
    expect(results.score).toBe(total);
  }, 1_800_000);
});
