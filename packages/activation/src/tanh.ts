import type { Matrix } from "@mytorch/matrix";
import { lastInput, type Activation } from "./activation.js";

/**
 * Hyperbolic tangent (Problem 4(b)):
 *   A = tanh(H),   dA/dH = 1 − tanh²(H)
 * Shapes: H (N × h) → A (N × h).
 */
export class Tanh implements Activation {
  private H: Matrix | null = null;

  forward(H: Matrix): Matrix {
    // BEGIN SOLUTION
    this.H = H;
    return H.map(Math.tanh);
    // END SOLUTION
  }

  backward(): Matrix {
    const H = lastInput("Tanh.backward", this.H);
    // BEGIN SOLUTION
    return H.map((h) => {
      const t = Math.tanh(h);
      return 1 - t * t; // tanh'(h) = 1 − tanh²(h)
    });
    // END SOLUTION
  }
}
