// The adversarial suite (issue 13): a hostile student who has read every line
// of the grader. Each test builds a real submission (the reference sources or
// stubs, with the trick in one file: see attacks/sources.mjs), grades it
// through the real command line (tools/assignment/src/cli/grade.mjs, as
// runGrade does, but asynchronously so that the test's own listeners stay
// alive and a grader that dies is seen), and asserts
//  - the score is that of the same submission without the trick (the fair
//    score: the reference's points, measured once below, or 0 where the
//    attacked methods are stubs or wrong without the trick);
//  - results.json is complete: every graded sub-problem listed;
//  - no reference solution and no hidden check text can be found in
//    results.json or the printed output, also after joining chunked tokens,
//    base64 and gzip decoding; hidden inputs not in anything the student sees.
// Attack classes: 1 same-realm tampering, 2 Matrix-like fakes, 3 copying the
// reference, 4 writing outside the sandbox, 5 processes, killing, network,
// outliving the grade, 6 exfiltration, 7 hostile zips, 8 a flooded answer
// channel. Run as root (as Gradescope does); one test also runs the grader as
// an unprivileged user, the other isolation mode. ADV_DEBUG=DIR keeps each
// grade's printed output and results.json in DIR.
import { spawn, spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { deflateRawSync, gunzipSync, gzipSync, constants as zlib } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as attacks from "./attacks/sources.mjs";
import { isHiddenTest } from "./config.mjs";
import { isStudentSource, stubbedSource } from "./handout.mjs";
import { projectFiles } from "./files.mjs";
import { repoRoot } from "./paths.mjs";
import { loadTrustedKernel } from "./sandbox/build.mjs";
import { config, copyReferenceSources, tempDir } from "./test-helpers.mjs";
import { crc32, zipArchive } from "./zip.mjs";

const CLI = join(repoRoot, "tools", "assignment", "src", "cli", "grade.mjs");
const TAG = randomBytes(6).toString("hex");
const REF_LINEAR = join(repoRoot, "packages/linear/src/linear.ts");
const isRoot = process.getuid?.() === 0;
const timings = [];

// ---------------------------------------------------------------- grading

/**
 * Runs grade.mjs on `submission` with `args`, in its own process group.
 * Returns what a student or Gradescope would get: exit status, printed
 * output, results.json (null when the grader left none), seconds, and the
 * grader's peak memory (VmHWM of the grading process, sampled every 25 ms).
 */
async function grade(submission, args, { results = join(tempDir("adv-results-"), "results.json"), stale = null, asNobody = false, watchMemory = true, label = args.join(" ") } = {}) {
  if (stale !== null) writeFileSync(results, JSON.stringify(stale));
  let command = process.execPath;
  let argv = [CLI, "--submission", submission, "--results", results, ...args];
  if (asNobody) {
    argv = ["--reuid=65534", "--regid=65534", "--clear-groups", process.execPath, ...argv];
    command = "setpriv";
  }
  const started = Date.now();
  const child = spawn(command, argv, { cwd: repoRoot, detached: true, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, INIT_CWD: repoRoot } });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  let peakKB = 0;
  const memory = watchMemory
    ? setInterval(() => {
      try {
        const hwm = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"));
        if (hwm) peakKB = Math.max(peakKB, Number(hwm[1]));
      } catch {
        // gone
      }
    }, 25)
    : null;
  const limit = setTimeout(() => process.kill(-child.pid, "SIGKILL"), 150_000);
  const [status, signal] = await new Promise((resolve) => child.on("close", (code, sig) => resolve([code, sig])));
  clearTimeout(limit);
  if (memory) clearInterval(memory);
  const seconds = (Date.now() - started) / 1000;
  timings.push(`${seconds.toFixed(1).padStart(5)} s  ${String(Math.round(peakKB / 1024)).padStart(5)} MB  ${label}`);
  let parsed;
  try {
    parsed = JSON.parse(readFileSync(results, "utf8"));
  } catch {
    parsed = null;
  }
  if (process.env.ADV_DEBUG) writeFileSync(join(process.env.ADV_DEBUG, `${label.replace(/[^a-z0-9]+/gi, "-").slice(0, 60)}.txt`), `${output}\n---\n${existsSync(results) ? readFileSync(results, "utf8") : "(no results.json)"}`);
  return { status, signal, output, results: parsed, resultsText: existsSync(results) ? readFileSync(results, "utf8") : "", resultsPath: results, seconds, peakMB: peakKB / 1024 };
}

const onlyArg = (ids) => ["--only", ids.join(",")];
const scoreOf = (run, id) => run.results?.tests?.find((t) => t.number === id && t.visibility !== "hidden");
const total = (run) => run.results?.score;
const fairOf = (fair, ids) => ids.reduce((s, id) => s + fair[id], 0);

/** results.json lists every graded sub-problem, with a numeric score. */
function expectComplete(run, ids) {
  expect(run.results, `no results.json (grader exit ${run.status} ${run.signal ?? ""}):\n${run.output.slice(-3000)}`).not.toBeNull();
  expect(typeof run.results.score).toBe("number");
  expect(run.results.tests.filter((t) => t.visibility !== "hidden").map((t) => t.number)).toEqual(ids);
}

/** Every sub-problem's score equals its fair score. */
function expectScores(run, fair) {
  for (const [id, points] of Object.entries(fair)) {
    expect(scoreOf(run, id)?.score, `Problem ${id}: ${scoreOf(run, id)?.output}`).toBe(points);
  }
  expect(total(run)).toBe(Object.values(fair).reduce((a, b) => a + b, 0));
}

/** What the student sees: results.json's visible parts and the printed output. */
function visibleText(run) {
  const r = run.results ?? {};
  return [run.output, r.output ?? "", ...(r.tests ?? []).filter((t) => t.visibility !== "hidden").flatMap((t) => [t.name, t.output ?? ""])].join("\n");
}
/** What only the staff see. */
function staffText(run) {
  return (run.results?.tests ?? []).filter((t) => t.visibility === "hidden").map((t) => t.output ?? "").join("\n");
}

// ---------------------------------------------------------------- secrets and the leak detector

/**
 * Everything `text` could be carrying: itself; every run of base64-looking
 * tokens joined (the cut length is beaten by splitting), decoded at each of
 * the four alignments, single tokens decoded; and gzip streams found inside.
 */
export function decodings(text) {
  const out = [Buffer.from(text, "utf8")];
  const runs = [];
  let run = [];
  for (const raw of text.split(/\s+/)) {
    const token = raw.replace(/^[^A-Za-z0-9+/]+|[^A-Za-z0-9+/=]+$/g, "");
    if (/^[A-Za-z0-9+/=_-]{8,}$/.test(token)) run.push(token);
    else if (run.length > 0) {
      runs.push(run);
      run = [];
    }
  }
  if (run.length > 0) runs.push(run);
  for (const tokens of runs) {
    const joined = tokens.join("");
    for (let offset = 0; offset < 4; offset++) out.push(Buffer.from(joined.slice(offset).replace(/=+/g, ""), "base64"));
    for (const token of tokens) out.push(Buffer.from(token, "base64"));
  }
  for (const buffer of out.slice(1)) {
    for (let at = buffer.indexOf(Buffer.from([0x1f, 0x8b, 0x08])); at >= 0; at = buffer.indexOf(Buffer.from([0x1f, 0x8b, 0x08]), at + 1)) {
      try {
        out.push(gunzipSync(buffer.subarray(at), { finishFlush: zlib.Z_SYNC_FLUSH }));
      } catch {
        // not a stream after all
      }
    }
  }
  return out;
}

/** The secrets (label, bytes) found in `text`, after every decoding. */
export function leaksIn(text, secrets) {
  const candidates = decodings(text);
  return secrets.filter((secret) => candidates.some((c) => c.includes(secret.bytes))).map((s) => s.label);
}

const textSecret = (label, text) => ({ label, bytes: Buffer.from(text, "utf8") });

/** A matrix's values as secrets: every two consecutive entries as bytes, and each entry in decimal. */
function matrixSecrets(label, M) {
  const bytes = Buffer.from(M.data.buffer, M.data.byteOffset, M.data.byteLength);
  const out = [];
  for (let k = 0; k + 16 <= bytes.length; k += 8) out.push({ label: `${label} bytes ${k / 8}`, bytes: Buffer.from(bytes.subarray(k, k + 16)) });
  for (let k = 0; k < M.data.length; k++) if (String(M.data[k]).length >= 12) out.push(textSecret(`${label}[${k}] in decimal`, String(M.data[k])));
  return out;
}

/** Lines of the reference solution regions that no stub, check or handout file holds. */
function referenceSecrets() {
  const secrets = [textSecret("BEGIN SOLUTION marker", "// BEGIN SOLUTION")];
  const visibleChecks = readdirSync(join(repoRoot, "grading/checks")).filter((f) => !isHiddenTest(f)).map((f) => readFileSync(join(repoRoot, "grading/checks", f), "utf8")).join("\n");
  for (const pkg of config.studentPackages) {
    const src = join(repoRoot, pkg, "src");
    for (const file of readdirSync(src).filter((f) => f.endsWith(".ts") && !/\.test(-helper)?\.ts$/.test(f))) {
      const path = `${pkg}/src/${file}`;
      const text = readFileSync(join(repoRoot, path), "utf8");
      const stub = stubbedSource(repoRoot, path, config).text;
      for (const [, region] of text.matchAll(/\/\/ BEGIN SOLUTION\n([\s\S]*?)\/\/ END SOLUTION/g)) {
        for (const line of region.split("\n")) {
          const code = line.replace(/\/\/.*$/, "").trim();
          if (code.length >= 18 && !stub.includes(code) && !visibleChecks.includes(code)) secrets.push(textSecret(`${path}: ${code}`, code));
        }
      }
    }
  }
  return secrets;
}

/** Lines of the hidden checks that are not check names (names are shown by design) and not in a visible check. */
function hiddenCheckSecrets() {
  const dir = join(repoRoot, "grading/checks");
  const visible = readdirSync(dir).filter((f) => !isHiddenTest(f)).map((f) => readFileSync(join(dir, f), "utf8")).join("\n");
  const secrets = [];
  for (const file of readdirSync(dir).filter((f) => isHiddenTest(f))) {
    for (const line of readFileSync(join(dir, file), "utf8").split("\n")) {
      const code = line.trim();
      if (code.length >= 25 && !code.startsWith("name:") && !visible.includes(code)) secrets.push(textSecret(`${file}: ${code}`, code));
    }
  }
  return secrets;
}

let kernel;
let REFERENCE;
let HIDDEN_CHECKS;
let FAIR_REF; // the reference's points per sub-problem, as graded here

/** Neither a reference solution nor a hidden check's text anywhere in results.json (staff entries too) or the output. */
function expectNoSecrets(run) {
  const everything = `${run.output}\n${run.resultsText}`;
  expect(leaksIn(everything, REFERENCE), "reference solution text in results.json or the output").toEqual([]);
  expect(leaksIn(everything, HIDDEN_CHECKS), "hidden check text in results.json or the output").toEqual([]);
}

// ---------------------------------------------------------------- submissions

function writeTo(dir, path, text) {
  mkdirSync(join(dir, path, ".."), { recursive: true });
  rmSync(join(dir, path), { force: true });
  writeFileSync(join(dir, path), text);
}
const reference = () => copyReferenceSources(tempDir("adv-submission-"));
/** The handout's student sources: every solution region a stub (what a student starts from). */
function stubs() {
  const dir = tempDir("adv-submission-");
  for (const path of projectFiles(repoRoot).filter((p) => isStudentSource(p, config))) writeTo(dir, path, stubbedSource(repoRoot, path, config).text);
  return dir;
}
const readRef = (path) => readFileSync(join(repoRoot, path), "utf8");

/** A file's content hash, mode and modification time. */
function snapshot(path) {
  const st = statSync(path);
  return { hash: createHash("sha256").update(readFileSync(path)).digest("hex"), mode: st.mode, mtime: st.mtimeMs };
}

/** Processes whose command line (process.title) starts with `title`. */
function processesTitled(title) {
  const found = [];
  for (const pid of readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8");
      const state = /State:\s+(\S)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
      if (cmdline.startsWith(title) && state !== "Z") found.push(Number(pid));
    } catch {
      // gone
    }
  }
  return found;
}
/** Ends the processes this suite's submissions started (by their titles), if the grader left any. */
function killTitled(title) {
  for (const pid of processesTitled(title)) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // gone
    }
  }
}

/** The probe report lines the student's process printed (staff output), as name → outcome. */
function probeReport(run) {
  const report = new Map();
  const text = run.resultsText.replace(/\\n/g, "\n");
  for (const [, line] of text.matchAll(/ADV-PROBE ([^\n"]*)/g)) for (const pair of line.trim().split(/\s+/)) report.set(...pair.split("="));
  for (const [, name, outcome] of text.matchAll(/ADV-ASYNC (\S+)=(\S+?)(?=\\|\s|")/g)) report.set(name, outcome);
  return report;
}

// ---------------------------------------------------------------- zips

/** A zip written exactly as given (sizes, CRCs, file types), so that it can lie: the container of zip.mjs. */
const rawZip = (entries) => zipArchive(entries.map(({ name, data, method = 8, size, crc = 0, mode = 0o100644 }) => ({ name, compressed: data, method, size, crc, mode })));

/** The reference sources as zip entries (what `pnpm submit` would pack). */
function referenceEntries() {
  const dir = reference();
  const out = [];
  const walk = (rel) => {
    for (const e of readdirSync(join(dir, rel), { withFileTypes: true })) {
      const path = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(path);
      else out.push({ name: path, data: readFileSync(join(dir, path)) });
    }
  };
  walk("");
  return out;
}
const stored = ({ name, data }) => ({ name, data, method: 0, size: data.length, crc: crc32(data) });

// ================================================================= the suite

beforeAll(async () => {
  kernel = await loadTrustedKernel(repoRoot, join(tempDir("adv-kernel-"), "kernel"));
  REFERENCE = referenceSecrets();
  HIDDEN_CHECKS = hiddenCheckSecrets();
  expect(REFERENCE.some((s) => s.bytes.toString() === "return A.matmul(this.W).addRow(this.b);")).toBe(true);
  expect(HIDDEN_CHECKS.length).toBeGreaterThan(20);
  // The fair scores of the reference: graded once, here, the way every attack is.
  const run = await grade(reference(), [], { label: "baseline: the reference, every sub-problem" });
  expectComplete(run, config.problems.map((p) => p.id));
  FAIR_REF = Object.fromEntries(config.problems.map((p) => [p.id, scoreOf(run, p.id).score]));
  expect(FAIR_REF).toEqual(Object.fromEntries(config.problems.map((p) => [p.id, p.points])));
  expectNoSecrets(run); // the detector finds nothing in an honest grade
});

afterAll(() => {
  console.log(`adversarial suite, grading runs:\n${timings.join("\n")}`);
});

describe("in-process tricks: tampering, fake matrices, thrown hidden inputs, a process that never ends", () => {
  // One grade: linear.ts tampers (1), the losses return fakes (2), Sigmoid
  // throws its inputs (6), Tanh never returns and keeps itself alive (5).
  // Every attacked method is wrong without its trick, so the fair score is 0.
  const ids = ["1(a)", "1(b)", "1(c)", "2(a)", "2(b)", "2(c)", "2(d)", "4(a)", "4(b)"];
  const title = `adv-orphan-${TAG}`;
  let run;
  let orphans;
  beforeAll(async () => {
    const dir = reference();
    writeTo(dir, "packages/linear/src/linear.ts", attacks.tamperLinear());
    writeTo(dir, "packages/loss/src/mse-loss.ts", attacks.fakeMseLoss());
    writeTo(dir, "packages/loss/src/cross-entropy-loss.ts", attacks.fakeCrossEntropyLoss());
    writeTo(dir, "packages/activation/src/sigmoid.ts", attacks.throwingSigmoid());
    writeTo(dir, "packages/activation/src/tanh.ts", attacks.orphanTanh(title));
    run = await grade(dir, [...onlyArg(ids), "--timeout", "8"], { label: "in-process tricks (classes 1, 2, 5 outliving, 6)" });
    await new Promise((r) => setTimeout(r, 1500));
    orphans = processesTitled(title);
    killTitled(title);
  });
  afterAll(() => killTitled(title));

  it("class 1, same-realm tampering (Math.abs, Object.is, Number.isNaN, the TypedArray length getter, JSON, Buffer, fs.writeSync on fd 3, a forged table): 0, as without it", () => {
    expectComplete(run, ids);
    expectScores(run, { "1(a)": 0, "1(b)": 0, "1(c)": 0 });
    expect(run.output).not.toMatch(/Total: 35\/35/);
    expect(run.output).not.toMatch(/Problem 1\(b\)\s+Linear\.forward\s+2\/2/);
    expectNoSecrets(run);
  });

  it("class 2, Matrix-like objects (right rows/cols, empty, lying or wrong data) and number-like values: 0, as without them", () => {
    expectScores(run, { "2(a)": 0, "2(b)": 0, "2(c)": 0, "2(d)": 0 });
    expect(scoreOf(run, "2(b)").output).toMatch(/not a Matrix|Matrix/);
  });

  it("class 6, the hidden checks' inputs thrown (gzip+base64, 76-character tokens, decimal, as a class name) never reach what the student sees", () => {
    expectScores(run, { "4(a)": 0 });
    const H = kernel.Matrix.randn(9, 4, { rng: kernel.createRng(61), std: 4 }); // activation.hidden.mjs's input
    const secrets = matrixSecrets("hidden Sigmoid input H", H);
    expect(leaksIn(staffText(run), secrets).length, "the attack did carry H out of its process (staff entries)").toBeGreaterThan(0);
    expect(leaksIn(visibleText(run), secrets)).toEqual([]);
    // The one-line gzip+base64 token Sigmoid threw in the visible checks' process is cut wherever the student looks.
    expect(Math.max(...visibleText(run).split(/\s+/).map((t) => t.length))).toBeLessThan(200);
  });

  it("class 5, outliving the grade: a student process that never returns and keeps its event loop alive is gone when the grade is", () => {
    expectScores(run, { "4(b)": 0 });
    expect(orphans, `student processes still running after the grade ended (pids ${orphans.join(", ")}): the grader kills unshare, and setpriv's credential change cleared --kill-child's death signal`).toEqual([]);
  });
});

describe("classes 3, 4, 5: the way out of the sandbox (reads, writes, processes, network), and symlinks in the submission", () => {
  // One grade of the handout's stubs, where linear.ts is a stub that probes
  // (attacks.probeLinear) and uses what it steals; mse-loss.ts is a symlink to
  // the reference file; the whole of packages/activation/src is a symlink to
  // the reference folder; the submission also ships a kernel whose comparison
  // always succeeds, empty check files and a points file. Fair: 0 (stubs).
  const ids = ["1(a)", "1(b)", "2(a)", "4(c)"];
  const tmpRoot = "/tmp";
  const markers = () => readdirSync(tmpRoot).filter((f) => f.startsWith(`adv-${TAG}-`));
  let run;
  let report;
  let refBefore;
  let canary;
  let canaryBefore;
  const tcpSeen = [];
  const unixSeen = [];
  let servers;
  beforeAll(async () => {
    const tcp = createServer((s) => s.on("data", (d) => tcpSeen.push(String(d))));
    await new Promise((r) => tcp.listen(0, "127.0.0.1", r));
    const socketDir = tempDir("adv-socket-");
    chmodSync(socketDir, 0o777);
    const unixSocket = join(socketDir, "listener.sock");
    const unix = createServer((s) => s.on("data", (d) => unixSeen.push(String(d))));
    await new Promise((r) => unix.listen(unixSocket, r));
    chmodSync(unixSocket, 0o777);
    servers = [tcp, unix];

    const resultsDir = tempDir("adv-results-");
    const results = join(resultsDir, "results.json");
    const canaryDir = tempDir("adv-canary-");
    chmodSync(canaryDir, 0o755);
    canary = join(canaryDir, "canary.txt");
    writeFileSync(canary, "canary\n", { mode: 0o644 });
    canaryBefore = snapshot(canary);
    const dir = stubs(); // so that no solution in the sandbox can be the student's own
    writeTo(dir, "packages/linear/src/linear.ts", attacks.probeLinear({ tag: TAG, repo: repoRoot, results, tmp: tmpRoot, canary, tcpPort: tcp.address().port, unixSocket }));
    rmSync(join(dir, "packages/loss/src/mse-loss.ts"));
    symlinkSync(join(repoRoot, "packages/loss/src/mse-loss.ts"), join(dir, "packages/loss/src/mse-loss.ts"));
    rmSync(join(dir, "packages/activation/src"), { recursive: true });
    symlinkSync(join(repoRoot, "packages/activation/src"), join(dir, "packages/activation/src"));
    // Its own kernel comparison (always equal), its own checks and points: the grader must use the official ones.
    const compare = readRef("packages/matrix/src/compare.ts").replace(/return \{\s*ok,/g, "return { ok: true,").replace(/const ok = [^;]*;/, "const ok = true;");
    expect(compare).toMatch(/ok: true/);
    writeTo(dir, "packages/matrix/src/compare.ts", compare);
    writeTo(dir, "grading/checks/linear.mjs", "export default async () => [];\n");
    writeTo(dir, "grading/checks/linear.hidden.mjs", "export default async () => [];\n");
    writeTo(dir, "grading/points.json", readRef("grading/points.json").replace(/"points": \d+/g, '"points": 0'));
    refBefore = snapshot(REF_LINEAR);
    run = await grade(dir, onlyArg(ids), { results, label: "way out: reads, writes, processes, network, symlinks (classes 3, 4, 5)" });
    await new Promise((r) => setTimeout(r, 1500)); // a detached process would have touched its marker by now
    report = probeReport(run);
    killTitled(`adv-probe-${TAG}`);
  });
  afterAll(() => {
    for (const s of servers ?? []) s.close();
    for (const f of markers()) rmSync(join(tmpRoot, f), { recursive: true, force: true });
    rmSync(join(repoRoot, "grading/checks", `adv-${TAG}.hidden.mjs`), { force: true });
    rmSync(join(repoRoot, `adv-${TAG}`), { recursive: true, force: true });
    killTitled(`adv-probe-${TAG}`);
  });

  const succeeded = (prefix, allowed = []) => [...report.entries()].filter(([k, v]) => k.startsWith(prefix) && v === "OK" && !allowed.includes(k)).map(([k]) => k);

  it("the probe ran and reported (otherwise the assertions below prove nothing)", () => {
    expectComplete(run, ids);
    expect(report.size, run.resultsText.slice(0, 3000)).toBeGreaterThan(40);
  });

  it("class 3, copying the reference: no read outside the sandbox works, nothing in the sandbox is a solution, symlinks count as missing, the submission's own kernel and checks are not used; 0, as a stub", () => {
    expectScores(run, { "1(a)": 0, "1(b)": 0, "2(a)": 0, "4(c)": 0 });
    // Reading the student's own process report is allowed; so is walking its own sandbox (which must hold no solution).
    expect(succeeded("read.", ["read.report", "read.sandboxWalk"])).toEqual([]);
    expect(succeeded("delegate.")).toEqual([]);
    expect(/ADV-LOOT ([^\n"\\]*)/.exec(run.resultsText)?.[1]?.trim() ?? "", "what the probe found worth stealing").toBe("");
    expectNoSecrets(run);
  });

  it("class 4, writing outside the sandbox: not the results file, the checkout, the grader's folders or /tmp", () => {
    expect(succeeded("write.", ["write.unixListen"])).toEqual([]);
    expect(run.results.score).toBe(0); // the grader's file, not the forged one
    expect(run.results.tests.length).toBeGreaterThan(1);
    expect(snapshot(REF_LINEAR)).toEqual(refBefore);
    expect(snapshot(canary)).toEqual(canaryBefore);
    expect(existsSync(join(repoRoot, "grading/checks", `adv-${TAG}.hidden.mjs`))).toBe(false);
    expect(existsSync(join(repoRoot, `adv-${TAG}`))).toBe(false);
    expect(markers().filter((f) => !f.endsWith(".sock"))).toEqual([]);
  });

  it("class 4, a Unix socket bound outside the sandbox: no socket file appears in /tmp", () => {
    expect(markers().filter((f) => f.endsWith(".sock")), `the student's process created ${tmpRoot}/adv-${TAG}-listen.sock (net.createServer().listen(path) is not covered by --allow-fs-write)`).toEqual([]);
  });

  it("class 4, no disk to fill: the student's process can write nothing, so the disk results.json is written to stays free", () => {
    const written = Number(/ADV-QUOTA (\d+)/.exec(run.resultsText)?.[1]);
    expect(Number.isFinite(written), "the quota probe did not report").toBe(true);
    expect(written, `the student's process wrote ${written} MB into its home folder (a loop of this fills the grading machine's disk, and then results.json cannot be written)`).toBe(0);
  });

  it("class 5, processes: no child process, detached process, worker, WASI, addon, inspector or module-hook thread starts", () => {
    expect(succeeded("spawn.")).toEqual([]);
    expect(markers().filter((f) => /spawned|detached|worker/.test(f))).toEqual([]);
  });

  it("class 5, network: no TCP connection leaves the student's process, not even to 127.0.0.1", () => {
    expect(tcpSeen).toEqual([]);
    expect(succeeded("net.", ["net.unixSocket"])).toEqual([]);
  });

  it("class 5, network: no connection to a Unix socket outside the sandbox (a listener on the grading machine)", () => {
    expect(unixSeen, "the student's process connected to a Unix socket of the test's and sent data (the network namespace does not cover path sockets; Node 20's permission model does not check net.connect(path))").toEqual([]);
  });
});

describe("class 5, killing", () => {
  it("SIGKILL to the process group (process.ppid is 0), to -1, to init and to every /proc pid costs only the killer's sub-problem", async () => {
    const ids = ["4(a)", "4(b)", "4(c)"];
    const dir = reference();
    writeTo(dir, "packages/activation/src/sigmoid.ts", attacks.killingSigmoid(4000));
    const run = await grade(dir, onlyArg(ids), { label: "kill: process group, -1, init, /proc (root)" });
    expectComplete(run, ids);
    expect(total(run)).toBeLessThanOrEqual(fairOf(FAIR_REF, ids)); // never a gain
    // The killer's own sub-problem may pay for it (its two processes kill each other); the others must not.
    const lost = ["4(b)", "4(c)"].filter((id) => scoreOf(run, id).score !== FAIR_REF[id]).map((id) => `${id}: ${scoreOf(run, id).output.split("\n").slice(0, 2).join(" ")}`);
    expect(lost, "sub-problems graded beside the killer lost their points: the agents share the grader's process group, and kill(0) reaches every one of them (all run as nobody)").toEqual([]);
  });

  it.skipIf(!isRoot)("with the grader itself unprivileged (user-namespace isolation), kill(0) does not end the grader: results.json is complete", async () => {
    const ids = ["4(a)", "4(b)"];
    const dir = reference();
    writeTo(dir, "packages/activation/src/sigmoid.ts", attacks.killingSigmoid(2000));
    spawnSync("chmod", ["-R", "a+rX", dir]);
    const resultsDir = tempDir("adv-results-");
    chmodSync(resultsDir, 0o777);
    const run = await grade(dir, onlyArg(ids), { results: join(resultsDir, "results.json"), asNobody: true, label: "kill: process group, grader run as nobody" });
    expectComplete(run, ids);
    expect(total(run)).toBeLessThanOrEqual(fairOf(FAIR_REF, ids));
  });
});

describe("class 6, exfiltration", () => {
  it("the hidden checks' inputs do not reach a visible message through a file the two processes could share", async () => {
    const ids = ["1(b)", "2(a)"];
    const dir = reference();
    writeTo(dir, "packages/linear/src/linear.ts", attacks.droppingLinear(readRef("packages/linear/src/linear.ts")));
    writeTo(dir, "packages/loss/src/mse-loss.ts", attacks.collectingMseLoss());
    const run = await grade(dir, onlyArg(ids), { label: "exfiltration through a shared folder" });
    expectComplete(run, ids);
    // Fair: Linear is the reference (2 points), MSELoss.forward throws either way (0).
    expectScores(run, { "1(b)": FAIR_REF["1(b)"], "2(a)": 0 });
    // linear.hidden.mjs's first case: N, d, h = 3, 7, 5, seed 375: W = randn(7, 5), b = randn(1, 5), A = randn(3, 7).
    const r = kernel.createRng(375);
    const W = kernel.Matrix.randn(7, 5, { rng: r });
    kernel.Matrix.randn(1, 5, { rng: r });
    const A = kernel.Matrix.randn(3, 7, { rng: r });
    const secrets = [...matrixSecrets("hidden W", W), ...matrixSecrets("hidden A", A)];
    const leaked = leaksIn(visibleText(run), secrets);
    expect(leaked, `hidden inputs of linear.hidden.mjs in the visible output of Problem 2(a):\n${scoreOf(run, "2(a)").output.slice(0, 800)}`).toEqual([]);
    expectNoSecrets(run);
  });

});

describe("class 7, hostile zips", () => {
  it("path traversal and absolute names: nothing is written, the grade is complete and not above the reference's", async () => {
    const ids = ["3"];
    const entries = referenceEntries();
    const target = `/tmp/adv-${TAG}-traversal.ts`;
    const bad = [
      { name: `../../../../../../../..${target}`, data: Buffer.from("export {};") },
      { name: target, data: Buffer.from("export {};") },
      { name: "packages/optim/src/../../../../../../../tmp/adv-" + TAG + "-inner.ts", data: Buffer.from("export {};") },
    ];
    const submission = join(tempDir("adv-zip-"), "submission.zip");
    writeFileSync(submission, rawZip([...entries, ...bad].map(stored)));
    const run = await grade(submission, onlyArg(ids), { label: "zip: path traversal" });
    expectComplete(run, ids);
    expect(total(run)).toBeLessThanOrEqual(fairOf(FAIR_REF, ids));
    expect(readdirSync("/tmp").filter((f) => f.startsWith(`adv-${TAG}-`) && !f.endsWith(".sock"))).toEqual([]);
  });

  it("a symlink entry pointing at the reference Linear is never followed: 1(b) earns what a stub earns (0)", async () => {
    const ids = ["1(b)"];
    const entries = referenceEntries().filter((e) => e.name !== "packages/linear/src/linear.ts").map(stored);
    const link = Buffer.from(REF_LINEAR);
    entries.push({ name: "packages/linear/src/linear.ts", data: link, method: 0, size: link.length, crc: crc32(link), mode: 0o120777 });
    const submission = join(tempDir("adv-zip-"), "submission.zip");
    writeFileSync(submission, rawZip(entries));
    const run = await grade(submission, onlyArg(ids), { label: "zip: symlink entry" });
    expectComplete(run, ids);
    expectScores(run, { "1(b)": 0 });
    expectNoSecrets(run);
  });

  it("a zip bomb (an entry that claims 1 kB and inflates to 256 MB) is refused quickly with bounded memory", async () => {
    const ids = ["3"];
    const bomb = deflateRawSync(Buffer.alloc(1 << 28));
    const submission = join(tempDir("adv-zip-"), "submission.zip");
    writeFileSync(submission, rawZip([...referenceEntries().map(stored), { name: "packages/optim/src/bomb.ts", data: bomb, size: 1024 }]));
    const run = await grade(submission, onlyArg(ids), { label: "zip: bomb (256 MB in one entry)" });
    expectComplete(run, ids);
    expect(total(run)).toBeLessThanOrEqual(fairOf(FAIR_REF, ids));
    expect(run.peakMB).toBeLessThan(600);
  });

  it("a folder of many zips, each just under the per-zip limit, does not make the grader hold gigabytes", async () => {
    const ids = ["3"];
    const dir = reference();
    const entry = Buffer.alloc(63 << 20);
    const one = rawZip([{ name: "junk.bin", data: deflateRawSync(entry), size: entry.length, crc: crc32(entry) }]);
    for (let k = 0; k < 24; k++) writeFileSync(join(dir, `notes-${k}.zip`), one);
    const run = await grade(dir, onlyArg(ids), { label: "zips: 24 × 63 MB in a folder" });
    expectComplete(run, ids);
    expect(total(run)).toBeLessThanOrEqual(fairOf(FAIR_REF, ids));
    expect(run.peakMB, `the grader's peak memory with 24 small zips (${(one.length * 24) >> 10} kB uploaded)`).toBeLessThan(1024);
  });
});

describe("class 8, a submission too big to grade", () => {
  it("a 10 MB student source inside a zip is not read (1 MB per source, in a folder or a zip), so it cannot take gigabytes of grader memory", async () => {
    const ids = ["3"];
    const line = `export const junk = [${"1,".repeat(1000)}];\n`;
    const huge = Buffer.from(line.repeat(Math.ceil((10 << 20) / line.length)));
    const entries = referenceEntries().map(stored);
    entries.push({ name: "packages/optim/src/junk.ts", data: deflateRawSync(huge), size: huge.length, crc: crc32(huge) });
    const submission = join(tempDir("adv-zip-"), "submission.zip");
    writeFileSync(submission, rawZip(entries));
    const run = await grade(submission, onlyArg(ids), { label: "zip: one 10 MB source" });
    expectComplete(run, ids);
    expect(total(run)).toBeLessThanOrEqual(fairOf(FAIR_REF, ids));
    expect(run.peakMB, `the grader's peak memory transpiling a 10 MB source (${(rawZip(entries).length >> 10)} kB zipped), ${run.seconds} s`).toBeLessThan(600);
  });
});

describe("class 8, the answer channel", () => {
  it("half a gigabyte without a newline on fd 3 costs only that sub-problem: the grader survives and replaces a stale results.json", async () => {
    const ids = ["1(a)", "1(b)"];
    const dir = reference();
    writeTo(dir, "packages/linear/src/linear.ts", attacks.floodingLinear(readRef("packages/linear/src/linear.ts")));
    const stale = { score: 35, output: "stale", tests: [{ number: "1(b)", score: 2, max_score: 2, status: "passed", visibility: "visible" }] };
    const run = await grade(dir, onlyArg(ids), { stale, label: "flood: 550 MB without a newline on fd 3" });
    expect(run.resultsText.includes('"stale"'), `the grader died (exit ${run.status}) and the stale results.json is still there:\n${run.output.slice(-1500)}`).toBe(false);
    expectComplete(run, ids);
    expect(total(run)).toBeLessThanOrEqual(fairOf(FAIR_REF, ids));
    expectScores(run, { "1(a)": FAIR_REF["1(a)"] });
  });
});

describe("the leak detector itself", () => {
  it("finds a secret split into 76-character tokens, gzipped, or in decimal; not in unrelated text", () => {
    const secret = "return A.matmul(this.W).addRow(this.b); // and some more text, long enough to need several tokens";
    const chunk = (t) => (t.match(/.{1,76}/g) ?? []).join(" ");
    const s = [textSecret("s", "A.matmul(this.W).addRow(this.b)")];
    expect(leaksIn(`got: ${chunk(Buffer.from(secret).toString("base64"))} end`, s)).toEqual(["s"]);
    expect(leaksIn(`Error: x ${chunk(gzipSync(secret).toString("base64"))}`, s)).toEqual(["s"]);
    expect(leaksIn(`Error: x${gzipSync(secret).toString("base64")}`, s)).toEqual(["s"]);
    const M = new kernel.Matrix(1, 3, Float64Array.from([0.123456789012345, -1.5, 2.25]));
    expect(leaksIn(`got ${M.data[0]}`, matrixSecrets("M", M))).toEqual(["M[0] in decimal"]);
    expect(leaksIn("Problem 1(b) FAIL: O: expected a 1×2 Matrix, got 1×2 Matrix", [...s, ...matrixSecrets("M", M)])).toEqual([]);
  });
});
