// Options of `pnpm train`: one table drives the parser, the defaults and --help.
// Pure functions (no process, no fs), so they are tested directly.

/** The tasks and their defaults. A new task (e.g. "circle") is one more entry here and a loader in run-train.ts. */
export const TASKS = {
  "fashion-mnist": {
    about: "Fashion-MNIST: 60,000 train / 10,000 test images, 28×28 → 784 inputs, 10 classes (CrossEntropyLoss)",
    model: "mlp1",
    epochs: 5,
    batchSize: 64,
    // Measured (seed 0, batch 64, momentum 0.9): lr 0.02 gives 83.9% / 86.2% test accuracy after
    // epochs 1 / 2 and 87.5% after 5; lr 0.1 gives 81.1% / 83.2% (the N(0, 0.01) init is large).
    lr: 0.02,
    momentum: 0.9,
  },
  regression: {
    about: "synthetic linear regression: X ~ N(0, 1) (2 features), y = X·[2, −3.4] + 4.2 + 0.01·ε (MSELoss)",
    model: "mlp0",
    epochs: 3,
    batchSize: 10,
    lr: 0.03,
    momentum: 0,
  },
  circle: {
    about: "seed 001's circle experiment: 1,000 train / 1,000 test points in [0, 1]², +1 inside the circle of radius 1/√(2π), −1 outside; 2→25→25→25→1 (ReLU, ReLU, Tanh, Tanh), MSE; the table's four rows (SGD batch 1, SGD batch 2, SGD with momentum, Adam), each with its own settings",
    // model, batchSize, lr and momentum are never used for circle (NOT_FOR_CIRCLE rejects them;
    // each row has its own settings): they are here only because every task has the same fields.
    model: "mlp1",
    epochs: 100,
    batchSize: 1,
    lr: 0.01,
    momentum: 0,
  },
} as const;

/** Options that do not apply to the circle task: its network and each row's settings are the seed's. */
export const NOT_FOR_CIRCLE = ["model", "hidden", "batch-size", "lr", "momentum", "data-dir", "limit-train", "limit-test"] as const;

export type TaskName = keyof typeof TASKS;
export const MODELS = ["mlp0", "mlp1", "mlp4"] as const;
export type ModelName = (typeof MODELS)[number];
/** Matrix-product kernels: the pure-TypeScript one (the reference), or WebAssembly SIMD (@mytorch/wasm, the same bits). */
export const KERNELS = ["ts", "wasm"] as const;
export type KernelName = (typeof KERNELS)[number];

/** Hidden widths when --hidden is not given. */
export const DEFAULT_HIDDEN: Record<ModelName, number[]> = { mlp0: [], mlp1: [256], mlp4: [256, 128, 64, 32] };
/** Examples generated for the regression task: training set, test set. */
export const REGRESSION_SIZES = { train: 1000, test: 1000 };

export interface TrainOptions {
  task: TaskName;
  model: ModelName;
  /** Hidden widths: [] for mlp0, one for mlp1, four for mlp4. */
  hidden: number[];
  epochs: number;
  batchSize: number;
  lr: number;
  momentum: number;
  seed: number;
  /** Where the matrix products run: "ts" (default) or "wasm" (same bits, faster; the TS kernel where SIMD is missing). */
  kernel: KernelName;
  /** Where to look first for Fashion-MNIST. */
  dataDir?: string;
  limitTrain?: number;
  limitTest?: number;
  /** The SVG file for the curves. */
  out: string;
}

export type ParsedArgs = { help: true } | { help: false; options: TrainOptions };

/** A bad command line: the message says what was wrong; the CLI adds a hint and exits with status 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

interface OptionSpec {
  name: string;
  /** The value's placeholder in --help; absent for a flag. */
  value?: string;
  help: string;
  /** The default as --help shows it. */
  defaultText: string;
  /**
   * false: parsed, but not yet in --help, because the root README repeats --help
   * word for word (readme.test.ts) and has not caught up with this option.
   */
  listed?: false;
}

const taskNames = Object.keys(TASKS) as TaskName[];
/** The default of one option for each task it applies to, e.g. "5 (fashion-mnist), 3 (regression), 100 (circle)". */
const perTask = (option: string, pick: (t: (typeof TASKS)[TaskName]) => string | number) =>
  taskNames
    .filter((t) => !(t === "circle" && (NOT_FOR_CIRCLE as readonly string[]).includes(option)))
    .map((t) => `${pick(TASKS[t])} (${t})`)
    .join(", ");

export const OPTIONS: readonly OptionSpec[] = [
  { name: "task", value: "NAME", help: `what to learn: ${taskNames.join(" | ")}`, defaultText: "fashion-mnist" },
  { name: "model", value: "NAME", help: "mlp0 (no hidden layer) | mlp1 (one hidden layer) | mlp4 (four hidden layers); ReLU between layers", defaultText: perTask("model", (t) => t.model) },
  { name: "hidden", value: "N[,N,N,N]", help: "hidden widths: one for mlp1; one (used 4 times) or four for mlp4", defaultText: "256 (mlp1), 256,128,64,32 (mlp4)" },
  { name: "epochs", value: "N", help: "passes over the training set", defaultText: perTask("epochs", (t) => t.epochs) },
  { name: "batch-size", value: "N", help: "examples per SGD step (the last batch may be smaller)", defaultText: perTask("batch-size", (t) => t.batchSize) },
  { name: "lr", value: "X", help: "SGD learning rate, > 0", defaultText: perTask("lr", (t) => t.lr) },
  { name: "momentum", value: "X", help: "SGD momentum μ in [0, 1): v = μ·v + g, W = W − lr·v", defaultText: perTask("momentum", (t) => t.momentum) },
  { name: "seed", value: "N", help: "seed of the Rng for the initial weights, the shuffling and the synthetic data", defaultText: "0" },
  { name: "kernel", value: "NAME", help: "matrix-product kernel: ts (pure TypeScript) | wasm (WebAssembly SIMD: the same numbers, faster; falls back to ts with a message where SIMD is missing)", defaultText: "ts", listed: false },
  { name: "data-dir", value: "DIR", help: "where to look first for the Fashion-MNIST IDX files (plain or .gz)", defaultText: "$MYTORCH_DATA_DIR, then /usr/share/datasets/fashion-mnist" },
  { name: "limit-train", value: "N", help: "use only the first N training examples (regression: generate N)", defaultText: `all (regression: ${REGRESSION_SIZES.train})` },
  { name: "limit-test", value: "N", help: "use only the first N test examples (regression: generate N)", defaultText: `all (regression: ${REGRESSION_SIZES.test})` },
  { name: "out", value: "FILE.svg", help: "where to write the loss and accuracy curves", defaultText: "out/train/<task>-<model>.svg" },
  { name: "help", help: "show this help and exit", defaultText: "" },
];

/** The text of `pnpm train --help`. */
export function trainHelp(): string {
  const left = (o: OptionSpec) => `  --${o.name}${o.value ? ` ${o.value}` : ""}`;
  const listed = OPTIONS.filter((o) => o.listed !== false);
  const width = Math.max(...listed.map((o) => left(o).length)) + 2;
  const lines = listed.map((o) => {
    const head = left(o).padEnd(width) + o.help;
    return o.defaultText ? `${head}\n${" ".repeat(width)}default: ${o.defaultText}` : head;
  });
  return [
    "Usage: pnpm train [options]",
    "",
    "Trains an MLP with minibatch SGD, shows a progress bar per epoch on stderr,",
    "prints the final test accuracy (or loss) and writes the curves as an SVG file.",
    "",
    "Tasks:",
    ...taskNames.map((t) => `  ${t.padEnd(width - 2)}${TASKS[t].about}`),
    "",
    "Options (--name value or --name=value):",
    ...lines,
    "",
    "Examples:",
    "  pnpm train --task fashion-mnist --model mlp1 --epochs 5",
    "  pnpm train --task regression",
    "  pnpm train --task circle",
    "  pnpm train --model mlp4 --hidden 512,256,128,64 --lr 0.05 --limit-train 10000",
    "",
  ].join("\n");
}

/**
 * Parses the arguments after `pnpm train` into options with every default
 * filled in. Throws UsageError on an unknown option (suggesting the closest
 * one), a missing or malformed value, or a value out of range.
 */
export function parseTrainArgs(argv: readonly string[]): ParsedArgs {
  const raw = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--help" || arg === "-h") return { help: true };
    if (!arg.startsWith("--")) throw new UsageError(`unexpected argument '${arg}' (options start with --)`);
    const eq = arg.indexOf("=");
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    const spec = OPTIONS.find((o) => o.name === name);
    if (spec === undefined) {
      const guess = closest(name, OPTIONS.map((o) => o.name));
      throw new UsageError(`unknown option --${name}${guess ? ` (did you mean --${guess}?)` : ""}`);
    }
    let value: string;
    if (eq !== -1) value = arg.slice(eq + 1);
    else {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith("--")) {
        throw new UsageError(`--${name} needs a value (${spec.value})`);
      }
      value = next;
      i++;
    }
    if (raw.has(name)) throw new UsageError(`--${name} is given twice`);
    raw.set(name, value);
  }

  const task = oneOf("task", raw.get("task") ?? "fashion-mnist", taskNames);
  if (task === "circle") {
    const misplaced = NOT_FOR_CIRCLE.find((name) => raw.has(name));
    if (misplaced) throw new UsageError(`--${misplaced} does not apply to --task circle (its network and each row's optimizer settings are the seed's; --epochs, --seed and --out do)`);
  }
  if (task === "circle" && raw.has("kernel")) {
    throw new UsageError("--kernel does not apply to --task circle (its 25-wide products are too small for the kernel to matter; the wasm kernel would hand them to the TS kernel anyway)");
  }
  const defaults = TASKS[task];
  const model = oneOf("model", raw.get("model") ?? defaults.model, MODELS);
  const options: TrainOptions = {
    task,
    model,
    hidden: parseHidden(model, raw.get("hidden")),
    epochs: integer("epochs", raw.get("epochs"), defaults.epochs, 1),
    batchSize: integer("batch-size", raw.get("batch-size"), defaults.batchSize, 1),
    lr: number("lr", raw.get("lr"), defaults.lr, (x) => x > 0, "> 0"),
    momentum: number("momentum", raw.get("momentum"), defaults.momentum, (x) => x >= 0 && x < 1, "in [0, 1)"),
    seed: integer("seed", raw.get("seed"), 0, 0),
    kernel: oneOf("kernel", raw.get("kernel") ?? "ts", KERNELS),
    out: raw.get("out") ?? `out/train/${task}-${model}.svg`,
  };
  const dataDir = raw.get("data-dir");
  if (dataDir !== undefined) {
    if (dataDir === "") throw new UsageError("--data-dir needs a directory, got an empty string");
    if (task !== "fashion-mnist") throw new UsageError(`--data-dir only applies to --task fashion-mnist (the ${task} data are generated)`);
    options.dataDir = dataDir;
  }
  if (raw.has("limit-train")) options.limitTrain = integer("limit-train", raw.get("limit-train"), 0, 1);
  if (raw.has("limit-test")) options.limitTest = integer("limit-test", raw.get("limit-test"), 0, 1);
  if (!options.out.toLowerCase().endsWith(".svg")) throw new UsageError(`--out must name an .svg file, got '${options.out}'`);
  return { help: false, options };
}

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${name} must be one of ${allowed.join(", ")}, got '${value}'`);
}

function integer(name: string, value: string | undefined, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  const x = /^[+-]?\d+$/.test(value.trim()) ? Number(value) : NaN;
  if (!Number.isSafeInteger(x) || x < min) throw new UsageError(`--${name} must be an integer ≥ ${min}, got '${value}'`);
  return x;
}

function number(name: string, value: string | undefined, fallback: number, ok: (x: number) => boolean, rule: string): number {
  if (value === undefined) return fallback;
  const x = value.trim() === "" ? NaN : Number(value);
  if (!Number.isFinite(x) || !ok(x)) throw new UsageError(`--${name} must be a number ${rule}, got '${value}'`);
  return x;
}

function parseHidden(model: ModelName, value: string | undefined): number[] {
  if (value === undefined) return DEFAULT_HIDDEN[model];
  if (model === "mlp0") throw new UsageError("--hidden does not apply to mlp0 (it has no hidden layer)");
  const widths = value.split(",").map((w) => (/^\s*\d+\s*$/.test(w) ? Number(w) : NaN));
  if (widths.some((w) => !Number.isSafeInteger(w) || w < 1)) {
    throw new UsageError(`--hidden must be positive integers separated by commas, got '${value}'`);
  }
  if (model === "mlp1" && widths.length !== 1) throw new UsageError(`--hidden for mlp1 must be one width, got ${widths.length}: '${value}'`);
  if (model === "mlp4" && widths.length !== 1 && widths.length !== 4) {
    throw new UsageError(`--hidden for mlp4 must be one width or four, got ${widths.length}: '${value}'`);
  }
  return model === "mlp4" && widths.length === 1 ? [widths[0]!, widths[0]!, widths[0]!, widths[0]!] : widths;
}

/** The candidate within edit distance 2 of `word` (the nearest), or undefined. */
function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined, bestDistance = 3;
  for (const candidate of candidates) {
    const d = editDistance(word, candidate);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}

/** Levenshtein distance (insertions, deletions, substitutions). */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
