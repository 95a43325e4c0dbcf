// The agent: the only grading code that runs beside student code, inside the
// sandbox. It carries out the grader's calls (construct, call a method, read
// or assign a property) on the student's classes and answers with what came
// out, as data: matrices as rows, cols and the bytes of their Float64Array,
// numbers, errors as class name and message. It decides nothing: it never
// sees an expected value, and whatever it answers is checked by the grader in
// another process. Requests arrive on stdin, one JSON object a line; answers
// leave on fd 3, one JSON object a line.
import { writeSync } from "node:fs";
import { createInterface } from "node:readline";

const kernel = await import("@mytorch/matrix");
const handles = new Map();
let nextHandle = 1;

/** Activations the grader may pass to the MLPs: none of them is graded. */
function activation(name) {
  const maps = {
    identity: [(h) => h, () => 1],
    sin: [Math.sin, Math.cos],
  };
  const [f, df] = maps[name] ?? [];
  if (!f) throw new Error(`agent: unknown activation ${name}`);
  let H = null;
  return {
    forward(input) {
      H = input;
      return input.map(f);
    },
    backward() {
      if (H === null) throw new Error(`${name}.backward: call forward first`);
      return H.map(df);
    },
  };
}

function decodeNumber(text) {
  return text === "-0" ? -0 : Number(text);
}

/** A value from the grader: matrices, handles, seeded Rngs, activations, plain data. */
function decode(value) {
  if (Array.isArray(value)) return value.map(decode);
  if (value === null || typeof value !== "object") return value;
  if ("$matrix" in value) {
    const [rows, cols, base64] = value.$matrix;
    const bytes = Buffer.from(base64, "base64");
    const data = new Float64Array(rows * cols);
    new Uint8Array(data.buffer).set(bytes);
    return new kernel.Matrix(rows, cols, data);
  }
  if ("$number" in value) return decodeNumber(value.$number);
  if ("$handle" in value) return handles.get(value.$handle);
  if ("$ref" in value) return walk(handles.get(value.$ref[0]), value.$ref[1]);
  if ("$rng" in value) return kernel.createRng(value.$rng);
  if ("$activation" in value) return activation(value.$activation);
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, decode(v)])); // a plain object
}

function encodeNumber(x) {
  return Number.isFinite(x) && !Object.is(x, -0) ? x : { $number: Object.is(x, -0) ? "-0" : String(x) };
}

/** What came out, as data the grader checks. */
function encode(value, depth = 0) {
  if (typeof value === "number") return encodeNumber(value);
  if (value === undefined) return { $undefined: true };
  if (value === null || typeof value === "boolean" || typeof value === "string") return value;
  if (typeof value === "bigint" || typeof value === "symbol" || typeof value === "function") return { $other: typeof value };
  if (Array.isArray(value)) return depth > 2 ? { $other: "array" } : value.slice(0, 64).map((v) => encode(v, depth + 1));
  if ("rows" in value && "cols" in value && "data" in value) {
    const { rows, cols, data } = value;
    if (data instanceof Float64Array && Number.isInteger(rows) && Number.isInteger(cols) && data.length === rows * cols) {
      return { $matrix: [rows, cols, Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString("base64")] };
    }
    const kind = data === null || data === undefined ? String(data) : (data.constructor?.name ?? typeof data);
    return { $badMatrix: { rows: String(rows).slice(0, 20), cols: String(cols).slice(0, 20), data: `${kind} of length ${String(data?.length).slice(0, 20)}` } };
  }
  const id = nextHandle++;
  handles.set(id, value);
  return { $handle: id, kind: String(value.constructor?.name ?? "Object").slice(0, 40) };
}

function errorOf(error) {
  if (error !== null && typeof error === "object") {
    return { name: String(error.constructor?.name ?? error.name ?? "Object"), message: String(error.message ?? error) };
  }
  return { name: typeof error, message: String(error) };
}

/** Follows `path` (property names and indices) from `object`. */
function walk(object, path) {
  let current = object;
  for (const key of path) current = current[key];
  return current;
}

const operations = {
  async new({ module, name, args }) {
    const exports = await import(module);
    return new exports[name](...decode(args));
  },
  call({ target, path, args }) {
    const owner = walk(handles.get(target), path.slice(0, -1));
    return owner[path.at(-1)](...decode(args));
  },
  get({ target, path }) {
    return walk(handles.get(target), path);
  },
  set({ target, path, value }) {
    walk(handles.get(target), path.slice(0, -1))[path.at(-1)] = decode(value);
  },
  object({ value }) {
    return decode(value);
  },
  manualSeed({ seed }) {
    kernel.manualSeed(seed);
  },
};

function answer(message) {
  const line = JSON.stringify(message) + "\n";
  let offset = 0;
  const bytes = Buffer.from(line);
  while (offset < bytes.length) offset += writeSync(3, bytes, offset);
}

for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
  const request = JSON.parse(line);
  try {
    const value = await operations[request.op](request);
    answer({ id: request.id, value: encode(value) });
  } catch (error) {
    answer({ id: request.id, error: errorOf(error) });
  }
}
