import type { Matrix } from "@mytorch/matrix";

/**
 * An element-wise activation A = φ(H).
 * forward: H (N × h) → A (N × h).
 * backward: dA/dH at the last input, element-wise (N × h), as in the homework;
 * the caller multiplies it with dL/dA to get dL/dH = dL/dA ⊙ dA/dH.
 */
export interface Activation {
  forward(H: Matrix): Matrix;
  backward(): Matrix;
}

/** The input of the last forward, or an error naming the call. */
export function lastInput(call: string, H: Matrix | null): Matrix {
  if (H === null) throw new Error(`${call}: call forward first`);
  return H;
}
