import type { Matrix } from "@mytorch/matrix";
import { outputBuffer } from "./module.js";
import { ParameterFreeModule } from "./parameter-free-module.js";

/** σ(h) without overflow for any finite h (the homework's stable form: e^h / (1 + e^h) for h < 0). */
function sigmoid(h: number): number {
  if (h >= 0) return 1 / (1 + Math.exp(-h));
  const e = Math.exp(h);
  return e / (1 + e);
}

/**
 * An element-wise activation A = φ(H) as a Module.
 *   forward:  H (N × h) → A (N × h)
 *   backward: dL/dA (N × h) → dL/dH = dL/dA ⊙ φ'(H)
 * The formulas are the homework's (@mytorch/activation), entry for entry, so
 * the numbers are the same to the bit (tested); the loops here write into
 * `out` when it is given, where the homework classes always allocate.
 * No parameters.
 */
export abstract class ActivationModule extends ParameterFreeModule {
  /** The input of the last forward, kept for backward. */
  private input: Matrix | null = null;

  /** A = φ(H) entry by entry, into A (same shape as H). */
  protected abstract apply(H: Float64Array, A: Float64Array): void;
  /** dL/dH = dL/dA ⊙ φ'(H) entry by entry, into dLdH (may be dLdA itself). */
  protected abstract gradient(H: Float64Array, dLdA: Float64Array, dLdH: Float64Array): void;

  forward(H: Matrix, out?: Matrix): Matrix {
    this.rememberShape(H);
    this.input = H;
    const A = outputBuffer(out, H.rows, H.cols);
    this.apply(H.data, A.data);
    return A;
  }

  backward(dLdA: Matrix, out?: Matrix): Matrix {
    this.checkGradient(dLdA, "dLdA");
    const dLdH = outputBuffer(out, dLdA.rows, dLdA.cols);
    this.gradient(this.input!.data, dLdA.data, dLdH.data);
    return dLdH;
  }
}

/** A = max(0, H); dA/dH = 1 where H > 0, else 0. */
export class ReLU extends ActivationModule {
  constructor() {
    super("ReLU");
  }

  // Both loops multiply by the 0/1 derivative instead of branching: in a hidden layer the sign of H
  // is close to a coin toss, and a mispredicted branch per entry made them 4× slower (random data).

  protected apply(H: Float64Array, A: Float64Array): void {
    // h·1 + 0 = h, or h·0 + 0 = +0 (not −0) as the homework gives; NaN stays NaN.
    for (let k = 0; k < H.length; k++) {
      const h = H[k]!;
      A[k] = h * +(h > 0) + 0;
    }
  }

  protected gradient(H: Float64Array, dLdA: Float64Array, dLdH: Float64Array): void {
    // dL/dA · 1 or dL/dA · 0: the homework's product with its 0/1 derivative, to the bit.
    for (let k = 0; k < H.length; k++) dLdH[k] = dLdA[k]! * +(H[k]! > 0);
  }
}

/** A = tanh(H); dA/dH = 1 − tanh²(H). */
export class Tanh extends ActivationModule {
  constructor() {
    super("Tanh");
  }

  protected apply(H: Float64Array, A: Float64Array): void {
    for (let k = 0; k < H.length; k++) A[k] = Math.tanh(H[k]!);
  }

  protected gradient(H: Float64Array, dLdA: Float64Array, dLdH: Float64Array): void {
    for (let k = 0; k < H.length; k++) {
      const t = Math.tanh(H[k]!);
      dLdH[k] = dLdA[k]! * (1 - t * t);
    }
  }
}

/** A = 1 / (1 + e^(−H)); dA/dH = A (1 − A). */
export class Sigmoid extends ActivationModule {
  constructor() {
    super("Sigmoid");
  }

  protected apply(H: Float64Array, A: Float64Array): void {
    for (let k = 0; k < H.length; k++) A[k] = sigmoid(H[k]!);
  }

  protected gradient(H: Float64Array, dLdA: Float64Array, dLdH: Float64Array): void {
    for (let k = 0; k < H.length; k++) {
      const s = sigmoid(H[k]!);
      dLdH[k] = dLdA[k]! * (s * (1 - s));
    }
  }
}

/** A = H; dA/dH = 1. */
export class Identity extends ActivationModule {
  constructor() {
    super("Identity");
  }

  protected apply(H: Float64Array, A: Float64Array): void {
    if (A !== H) A.set(H);
  }

  protected gradient(_H: Float64Array, dLdA: Float64Array, dLdH: Float64Array): void {
    for (let k = 0; k < dLdA.length; k++) dLdH[k] = dLdA[k]! * 1; // as the homework: dL/dA ⊙ 1
  }
}
