import type { Matrix } from "@mytorch/matrix";
import { lastInput, type Activation } from "./activation.js";

/**
 * Rectified linear unit (Problem 4(c)):
 *   A = max(0, H),   dA/dH = 1 where H > 0, else 0 (0 at exactly H = 0)
 * Shapes: H (N × h) → A (N × h).
 */
export class ReLU implements Activation {
  private H: Matrix | null = null;

  forward(H: Matrix): Matrix {
    // BEGIN SOLUTION
    this.H = H;
    return H.map((h) => (h > 0 ? h : 0));
    // END SOLUTION
  }

  backward(): Matrix {
    const H = lastInput("ReLU.backward", this.H);
    // BEGIN SOLUTION
    return H.map((h) => (h > 0 ? 1 : 0));
    // END SOLUTION
  }
}
