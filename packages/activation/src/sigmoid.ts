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
    // σ(h) = 1 / (1 + e^(−h)); for h < 0 the equal form e^h / (1 + e^h), so no exponent overflows
    return H.map((h) => (h >= 0 ? 1 / (1 + Math.exp(-h)) : Math.exp(h) / (1 + Math.exp(h))));
    // END SOLUTION
  }

  backward(): Matrix {
    const H = lastInput("Sigmoid.backward", this.H);
    // BEGIN SOLUTION
    return H.map((h) => {
      const s = h >= 0 ? 1 / (1 + Math.exp(-h)) : Math.exp(h) / (1 + Math.exp(h)); // σ(h), stable as in forward
      return s * (1 - s); // σ'(h) = σ(h)(1 − σ(h))
    });
    // END SOLUTION
  }
}
