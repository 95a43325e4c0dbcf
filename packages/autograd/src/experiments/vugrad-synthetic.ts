import { Matrix, defaultRng, type Rng } from "@mytorch/matrix";

/** A labelled split: inputs N × features and class labels 0 … classes−1. */
export interface LabeledSplit {
  X: Matrix;
  y: Int32Array;
}

/** Options of vugradSynthetic. */
export interface VugradSyntheticOptions {
  /** Training examples (default 60,000, as vugrad's load_synth). */
  numTrain?: number;
  /** Validation examples (default 10,000). */
  numVal?: number;
  rng?: Rng;
}

/** vugrad's quadratic form Q and threshold: y = [xᵀQx > 0.6]. */
export const VUGRAD_Q = [[1, 0.5], [1, 0.2]] as const;
export const VUGRAD_THRESHOLD = 0.6;

/**
 * vugrad's synthetic two-class data (seed 002/003): x ~ N(0, I₂) and
 * y = [xᵀQx > 0.6] with Q = [[1, 0.5], [1, 0.2]], that is
 * xᵀQx = x₁² + 1.5·x₁x₂ + 0.2·x₂²; the symmetric part of Q is indefinite, so the
 * class boundary xᵀQx = 0.6 is a hyperbola.
 * The first numTrain rows are the training split, the next numVal the validation split.
 */
export function vugradSynthetic(options: VugradSyntheticOptions = {}): { train: LabeledSplit; val: LabeledSplit } {
  const { numTrain = 60_000, numVal = 10_000, rng = defaultRng() } = options;
  for (const [name, n] of [["numTrain", numTrain], ["numVal", numVal]] as const) {
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`vugradSynthetic: ${name} must be an integer ≥ 1, got ${n}`);
  }
  const make = (n: number): LabeledSplit => {
    const X = Matrix.randn(n, 2, { rng });
    const y = new Int32Array(n);
    const [[q11, q12], [q21, q22]] = VUGRAD_Q;
    for (let i = 0; i < n; i++) {
      const x1 = X.data[2 * i]!, x2 = X.data[2 * i + 1]!;
      const q = x1 * (q11 * x1 + q12 * x2) + x2 * (q21 * x1 + q22 * x2); // xᵀQx
      y[i] = q > VUGRAD_THRESHOLD ? 1 : 0;
    }
    return { X, y };
  };
  const train = make(numTrain);
  return { train, val: make(numVal) };
}
