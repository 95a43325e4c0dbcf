import { Matrix, defaultRng, type Rng } from "@mytorch/matrix";

export interface SyntheticRegressionOptions {
  /** Number of examples. */
  n: number;
  /** True weights, one per feature (default [2, −3.4]). */
  w?: readonly number[];
  /** True bias (default 4.2). */
  b?: number;
  /** Standard deviation of the Gaussian noise added to y (default 0.01). */
  noise?: number;
  /** Where X and the noise come from (the default Rng if omitted). */
  rng?: Rng;
}

/**
 * Linear-regression data as d2l's synthetic_data:
 *   X ~ N(0, 1) (n × d, d = w.length),   y = X·w + b + noise·ε,  ε ~ N(0, 1)   (Y: n × 1).
 * X is drawn first (row by row), then the n noise values.
 */
export function syntheticRegression(options: SyntheticRegressionOptions): { X: Matrix; Y: Matrix } {
  const { n, w = [2, -3.4], b = 4.2, noise = 0.01 } = options;
  const rng = options.rng ?? defaultRng();
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`syntheticRegression: n must be an integer ≥ 1, got ${n}`);
  if (w.length < 1 || !w.every(Number.isFinite)) {
    throw new RangeError(`syntheticRegression: w must be a non-empty list of finite numbers, got [${w.join(", ")}]`);
  }
  if (!Number.isFinite(b)) throw new RangeError(`syntheticRegression: b must be finite, got ${b}`);
  if (!Number.isFinite(noise) || noise < 0) throw new RangeError(`syntheticRegression: noise must be ≥ 0, got ${noise}`);
  const d = w.length;
  const X = Matrix.randn(n, d, { rng });
  const Y = new Matrix(n, 1);
  for (let i = 0; i < n; i++) {
    let y = b;
    for (let j = 0; j < d; j++) y += X.data[i * d + j]! * w[j]!; // y = x·w + b
    Y.data[i] = y;
  }
  for (let i = 0; i < n; i++) Y.data[i] += noise * rng.normal(); //  + noise·ε
  return { X, Y };
}
