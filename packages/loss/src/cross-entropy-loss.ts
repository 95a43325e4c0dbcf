import type { Matrix } from "@mytorch/matrix";
import { checkLossInputs } from "./check-inputs.js";

/**
 * Softmax cross-entropy (Problem 2(c), 2(d)), averaged over the batch:
 *   L = −(1/N) Σᵢ Σⱼ Yᵢⱼ · log softmax(O)ᵢⱼ,   dL/dO = (softmax(O) − Y) / N
 * O holds logits, Y one-hot targets (soft targets whose rows sum to 1 work too).
 * Shapes: O, Y (N × q) → L (a number); backward → dL/dO (N × q).
 * Stable for logits of any size: the log-sum-exp is shifted by each row's max.
 */
export class CrossEntropyLoss {
  private O: Matrix | null = null;
  private Y: Matrix | null = null;

  forward(O: Matrix, Y: Matrix): number {
    checkLossInputs("CrossEntropyLoss.forward", O, Y);
    // BEGIN SOLUTION
    this.O = O;
    this.Y = Y;
    const shifted = O.sub(O.maxCols()); //                          O − m ≤ 0, m = each row's max
    const logP = shifted.sub(shifted.exp().sumCols().log()); //     log softmax(O) = O − m − log Σ exp(O − m)
    return -Y.mul(logP).sum() / O.rows; //                          −Σ Y ⊙ log softmax(O) / N
    // END SOLUTION
  }

  backward(): Matrix {
    if (this.O === null || this.Y === null) throw new Error("CrossEntropyLoss.backward: call forward first");
    const { O, Y } = this;
    // BEGIN SOLUTION
    const E = O.sub(O.maxCols()).exp(); //           exp(O − m), m = each row's max
    return E.div(E.sumCols()).sub(Y).scale(1 / O.rows); // (softmax(O) − Y) / N
    // END SOLUTION
  }
}
