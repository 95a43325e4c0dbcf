import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";

// The reference values the notebooks check against: PyTorch float64 results
// written by fixtures-gen/generate.py into packages/<name>/fixtures/*.json
// (committed, so no Python is needed to read them).

type Rows = number[][];

export interface LinearFixture {
  cases: { A: Rows; W: Rows; b: Rows; dLdO: Rows; O: Rows; dLdA: Rows; dLdW: Rows; dLdb: Rows }[];
}

export interface LossCase {
  O: Rows;
  Y: Rows;
  loss: number;
  dLdO: Rows;
}

export interface LossFixture {
  mse: LossCase[];
  crossEntropy: LossCase[];
}

export interface SGDFixture {
  cases: {
    lr: number;
    momentum: number;
    initial: { W: Rows; b: Rows }[];
    steps: { grads: { dLdW: Rows; dLdb: Rows }[]; after: { W: Rows; b: Rows }[] }[];
  }[];
}

export interface ActivationCase {
  H: Rows;
  A: Rows;
  dAdH: Rows;
}

export type ActivationFixture = Record<"identity" | "sigmoid" | "tanh" | "relu", ActivationCase[]>;

export interface MLPCase {
  model: "MLP0" | "MLP1" | "MLP4";
  widths: number[];
  activations: string[];
  W: Rows[];
  b: Rows[];
  X: Rows;
  dLdA: Rows;
  output: Rows;
  dLdW: Rows[];
  dLdb: Rows[];
  dLdX: Rows;
}

export interface MLPFixture {
  cases: MLPCase[];
}

/** The repository's root: the nearest folder at or above `start` holding pnpm-workspace.yaml. */
export function repoRoot(start: string = process.cwd()): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "pnpm-workspace.yaml"))) return dir;
    if (dirname(dir) === dir) {
      throw new Error(`repoRoot: no pnpm-workspace.yaml in ${start} or above; open the notebook from inside the MyTorch repository`);
    }
  }
}

/** What every fixture file says about where it came from. */
export interface FixtureHeader {
  generator: string;
  /** The PyTorch version that computed the values. */
  torch: string;
}

/** Reads packages/<pkg>/fixtures/<file> of the repository, e.g. loadFixture<LinearFixture>("linear", "linear.json"). */
export function loadFixture<T>(pkg: string, file: string): T & FixtureHeader {
  const path = join(repoRoot(), "packages", pkg, "fixtures", file);
  if (!existsSync(path)) {
    throw new Error(`loadFixture: ${path} does not exist; regenerate the fixtures with 'pnpm fixtures'`);
  }
  const data = JSON.parse(readFileSync(path, "utf8")) as T & Partial<FixtureHeader>;
  if (data.generator !== "fixtures-gen/generate.py") {
    throw new Error(`loadFixture: ${path} was not written by fixtures-gen/generate.py`);
  }
  return data as T & FixtureHeader;
}
