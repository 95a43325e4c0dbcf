// The grader's side of the agent: starts the agent under isolation, sends it
// calls and turns its answers back into values, checking every byte. Student
// code can make the agent answer anything; these answers are only data, and
// the grader compares them with expectations the agent never receives.
import { spawn } from "node:child_process";
import { isolatedCommand } from "./isolation.mjs";

const MAX_ENTRIES = 4_000_000; // the largest matrix an answer may carry
const MAX_OUTPUT = 4000; // characters of the agent's stdout/stderr kept for instructors
const MAX_ANSWER = 48 << 20; // bytes of one answer line (a 4,000,000-entry matrix in base64 is 43 MB)

/** An error the student's code threw, as it crossed the boundary: class name and message. */
export class StudentError extends Error {
  constructor(className, message) {
    super(message);
    this.name = "StudentError";
    this.className = className;
  }
}

/** The agent broke the protocol, stopped, or ran out of time: the rest of its tests fail. */
export class AgentGone extends Error {
  constructor(message) {
    super(message);
    this.name = "AgentGone";
  }
}

/** A student object, known to the grader by its handle in the agent. */
export class Remote {
  constructor(session, id, kind) {
    this.session = session;
    this.id = id;
    this.kind = kind;
  }
  /** Calls method `name` (a string, or a path such as ["layers", 0, "forward"]). */
  call(name, ...args) {
    return this.session.request({ op: "call", target: this.id, path: [name].flat(), args });
  }
  /** Reads a property path, e.g. get("layers", 0, "W"). */
  get(...path) {
    return this.session.request({ op: "get", target: this.id, path });
  }
  /** A value held in the agent, passed by reference: ref("A") stands for this object's A. */
  ref(...path) {
    return { $ref: [this.id, path] };
  }
  /** Assigns a property path, e.g. set("W", M) or set(["layers", 0, "W"], M). */
  set(path, value) {
    return this.session.request({ op: "set", target: this.id, path: [path].flat(), value });
  }
}

/** A seeded Rng created in the agent (the kernel's createRng). */
export const rng = (seed) => ({ $rng: seed });
/** An activation the agent provides (identity, sin): none of them graded. */
export const activation = (name) => ({ $activation: name });

/**
 * Starts an agent for `sandbox` (see build.mjs). `Matrix` is the grader's own
 * kernel class, used to rebuild matrices from the agent's bytes.
 */
export function startAgent({ dir, Matrix }) {
  const [command, args] = isolatedCommand({ dir });
  const child = spawn(command, args, {
    cwd: dir,
    stdio: ["pipe", "pipe", "pipe", "pipe"],
    env: { PATH: "/usr/bin:/bin", HOME: dir, LANG: "C.UTF-8" },
    // A session and process group of its own: kill(0, …) from student code
    // reaches only this agent's group, never the grader or another agent.
    detached: true,
  });
  return new Session(child, Matrix);
}

class Session {
  constructor(child, Matrix) {
    this.child = child;
    this.Matrix = Matrix;
    this.pending = new Map();
    this.nextId = 1;
    this.gone = null;
    this.output = "";
    const keep = (chunk) => {
      if (this.output.length < MAX_OUTPUT) this.output += chunk.toString().slice(0, MAX_OUTPUT - this.output.length);
    };
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    child.stdin.on("error", () => {});
    this.readLines(child.stdio[3]);
    child.on("exit", (code, signal) => this.fail(`the student's process ended (${signal ?? `exit code ${code}`})`));
    child.on("error", (error) => this.fail(`the student's process could not start: ${error.message}`));
  }

  /** Splits the answer stream into lines, refusing a line longer than MAX_ANSWER bytes. */
  readLines(stream) {
    let chunks = [];
    let size = 0;
    stream.on("data", (chunk) => {
      let start = 0;
      for (let end = chunk.indexOf(10); end >= 0; end = chunk.indexOf(10, start)) {
        chunks.push(chunk.subarray(start, end));
        this.receive(Buffer.concat(chunks).toString("utf8"));
        chunks = [];
        size = 0;
        start = end + 1;
      }
      if (start < chunk.length) {
        chunks.push(chunk.subarray(start));
        size += chunk.length - start;
        if (size > MAX_ANSWER) {
          chunks = [];
          this.fail("the student's process sent an answer longer than any expected");
        }
      }
    });
  }

  /** Ends every pending and later request with AgentGone(reason), and the process. */
  fail(reason) {
    if (this.gone === null) this.gone = reason;
    for (const { reject } of this.pending.values()) reject(new AgentGone(this.gone));
    this.pending.clear();
    this.kill();
  }

  kill() {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    try {
      process.kill(-this.child.pid, "SIGKILL"); // the agent's whole group
    } catch {
      this.child.kill("SIGKILL");
    }
  }

  receive(line) {
    let message;
    try {
      message = JSON.parse(line);
    } catch {
      return this.fail("the student's process sent something that is not an answer");
    }
    const waiting = message !== null && typeof message === "object" ? this.pending.get(message.id) : undefined;
    if (!waiting) return this.fail("the student's process answered a call that was not made");
    this.pending.delete(message.id);
    try {
      if (message.error !== undefined) {
        const { name, message: text } = message.error ?? {};
        waiting.reject(new StudentError(String(name), String(text)));
      } else {
        waiting.resolve(this.decode(message.value));
      }
    } catch (error) {
      waiting.reject(error);
    }
  }

  /** Sends one call; resolves with its decoded value, rejects with StudentError or AgentGone. */
  request(body) {
    if (this.gone !== null) return Promise.reject(new AgentGone(this.gone));
    const id = this.nextId++;
    const line = JSON.stringify({ ...body, id, ...("args" in body ? { args: this.encode(body.args) } : {}), ...("value" in body ? { value: this.encode(body.value) } : {}) });
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.child.stdin.write(line + "\n");
    });
  }

  /** A new student object: `new module.name(...args)`. */
  async create(module, name, ...args) {
    return this.request({ op: "new", module, name, args });
  }

  /** A plain object in the agent (e.g. a layer holder for SGD), as a Remote. */
  async object(fields) {
    return this.request({ op: "object", value: this.encode(fields) });
  }

  manualSeed(seed) {
    return this.request({ op: "manualSeed", seed });
  }

  encode(value) {
    if (value instanceof this.Matrix) {
      const { rows, cols, data } = value;
      return { $matrix: [rows, cols, Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString("base64")] };
    }
    if (value instanceof Remote) return { $handle: value.id };
    if (typeof value === "number") return Number.isFinite(value) && !Object.is(value, -0) ? value : { $number: Object.is(value, -0) ? "-0" : String(value) };
    if (Array.isArray(value)) return value.map((v) => this.encode(v));
    if (value !== null && typeof value === "object" && !("$rng" in value) && !("$activation" in value) && !("$ref" in value)) {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.encode(v)]));
    }
    return value;
  }

  /** The agent's answer as a value: every field checked, nothing trusted. */
  decode(value) {
    if (value === null || typeof value === "boolean") return value;
    if (typeof value === "number") return value;
    if (typeof value === "string") return value.slice(0, 200);
    if (Array.isArray(value)) return value.slice(0, 64).map((v) => this.decode(v));
    if (typeof value !== "object") throw new AgentGone("malformed answer");
    if ("$matrix" in value) return this.decodeMatrix(value.$matrix);
    if ("$number" in value) {
      const n = value.$number === "-0" ? -0 : Number(value.$number);
      if (!["-0", "NaN", "Infinity", "-Infinity"].includes(value.$number)) throw new AgentGone("malformed number");
      return n;
    }
    if ("$undefined" in value) return undefined;
    if ("$handle" in value && Number.isInteger(value.$handle)) return new Remote(this, value.$handle, String(value.kind).slice(0, 40));
    if ("$badMatrix" in value) {
      const { rows, cols, data } = value.$badMatrix ?? {};
      return new NotAMatrix(`rows ${String(rows).slice(0, 20)}, cols ${String(cols).slice(0, 20)}, data ${String(data).slice(0, 80)}`);
    }
    if ("$other" in value) return new NotAMatrix(`a ${String(value.$other).slice(0, 20)}`);
    throw new AgentGone("malformed answer");
  }

  decodeMatrix(triple) {
    if (!Array.isArray(triple) || triple.length !== 3) throw new AgentGone("malformed matrix");
    const [rows, cols, base64] = triple;
    if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 0 || cols < 0 || rows * cols > MAX_ENTRIES || typeof base64 !== "string") {
      return new NotAMatrix(`rows ${String(rows).slice(0, 20)}, cols ${String(cols).slice(0, 20)}`);
    }
    const bytes = Buffer.from(base64, "base64");
    if (bytes.length !== rows * cols * 8) return new NotAMatrix(`${rows}×${cols} with ${bytes.length / 8} entries in data`);
    const data = new Float64Array(rows * cols);
    new Uint8Array(data.buffer).set(bytes);
    return new this.Matrix(rows, cols, data);
  }
}

/** Something the student's code returned where a Matrix (rows × cols Float64Array) was expected. */
export class NotAMatrix {
  constructor(description) {
    this.description = description;
  }
}
