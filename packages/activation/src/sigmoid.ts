import type { Matrix } from "@mytorch/matrix";
import { lastInput, type Activation } from "./activation.js";

/**
 * Logistic sigmoid (Problem 4(a)):
 *   A = σ(H) = 1 / (1 + e^(−H)),   dA/dH = σ(H)·(1 − σ(H))
 * Shapes: H (N × h) → A (N × h). Stable for |H| = 1000: for H < 0 it uses
 * the equal form e^H / (1 + e^H), so no exponent ever overflows.
 */
export class Sigmoid implements Activation {
  private H: Matrix | null = null;

  forward(H: Matrix): Matrix {
    // BEGIN SOLUTION
    this.H = H;
    return H.map(sigmoid);
    // END SOLUTION
  }

  backward(): Matrix {
    const H = lastInput("Sigmoid.backward", this.H);
    // BEGIN SOLUTION
    return H.map((h) => {
      const s = sigmoid(h);
      return s * (1 - s); // σ'(h) = σ(h)(1 − σ(h))
    });
    // END SOLUTION
  }
}

/** σ(h) without overflow for any finite h. */
export function sigmoid(h: number): number {
  if (h >= 0) return 1 / (1 + Math.exp(-h));
  const e = Math.exp(h);
  return e / (1 + e);
}
