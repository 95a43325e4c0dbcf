import type { Matrix } from "@mytorch/matrix";
import { checkLossInputs } from "./check-inputs.js";

/**
 * Mean squared error (Problem 2(a), 2(b)):
 *   L = (1 / (N·q)) Σᵢⱼ (Oᵢⱼ − Yᵢⱼ)²,   dL/dO = 2 (O − Y) / (N·q)
 * Shapes: O, Y (N × q) → L (a number); backward → dL/dO (N × q).
 */
export class MSELoss {
  private O: Matrix | null = null;
  private Y: Matrix | null = null;

  forward(O: Matrix, Y: Matrix): number {
    checkLossInputs("MSELoss.forward", O, Y);
    // BEGIN SOLUTION
    this.O = O;
    this.Y = Y;
    const E = O.sub(Y); // E = O − Y
    return E.mul(E).sum() / (O.rows * O.cols); // Σ E² / (N·q)
    // END SOLUTION
  }

  backward(): Matrix {
    if (this.O === null || this.Y === null) throw new Error("MSELoss.backward: call forward first");
    const { O, Y } = this;
    // BEGIN SOLUTION
    return O.sub(Y).scale(2 / (O.rows * O.cols)); // 2 (O − Y) / (N·q)
    // END SOLUTION
  }
}
