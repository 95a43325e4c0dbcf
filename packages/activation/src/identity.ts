import { Matrix } from "@mytorch/matrix";
import { lastInput, type Activation } from "./activation.js";

/** Identity: A = H, dA/dH = 1. Shapes: H (N × h) → A (N × h). */
export class Identity implements Activation {
  private H: Matrix | null = null;

  forward(H: Matrix): Matrix {
    this.H = H;
    return H.clone();
  }

  backward(): Matrix {
    const H = lastInput("Identity.backward", this.H);
    return Matrix.full(H.rows, H.cols, 1);
  }
}
