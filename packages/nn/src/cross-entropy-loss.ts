import { checkLossInputs } from "@mytorch/loss";
import type { Matrix } from "@mytorch/matrix";
import { outputBuffer } from "./module.js";

/**
 * Softmax cross-entropy averaged over the batch, the homework's loss
 * (@mytorch/loss, same numbers to the bit) in one pass per row and without
 * new matrices:
 *   L = −(1/N) Σᵢ Σⱼ Yᵢⱼ · (Oᵢⱼ − mᵢ − log Σₖ exp(Oᵢₖ − mᵢ)),   mᵢ = maxⱼ Oᵢⱼ
 *   dL/dO = (softmax(O) − Y) / N
 * Shapes: O, Y (N × q) → L; backward(out?) → dL/dO (N × q), into out when given.
 * The softmax is kept (in a buffer reused across batches of one size) for backward.
 */
export class CrossEntropyLoss {
  private P: Matrix | undefined;
  private Y: Matrix | null = null;

  forward(O: Matrix, Y: Matrix): number {
    checkLossInputs("CrossEntropyLoss.forward", O, Y);
    const P = outputBuffer(this.P, O.rows, O.cols);
    this.P = P;
    this.Y = Y;
    const o = O.data, y = Y.data, p = P.data, q = O.cols;
    let total = 0;
    for (let row = 0; row < o.length; row += q) {
      let m = o[row]!;
      for (let j = 1; j < q; j++) m = Math.max(m, o[row + j]!);
      let sum = 0;
      for (let j = 0; j < q; j++) {
        p[row + j] = Math.exp(o[row + j]! - m); // exp(O − m), made a softmax below
        sum += p[row + j]!;
      }
      const logSum = Math.log(sum);
      for (let j = 0; j < q; j++) {
        total += y[row + j]! * (o[row + j]! - m - logSum); // Y ⊙ log softmax(O)
        p[row + j] = p[row + j]! / sum;
      }
    }
    return -total / O.rows;
  }

  backward(out?: Matrix): Matrix {
    const { P, Y } = this;
    if (P === undefined || Y === null) throw new Error("CrossEntropyLoss.backward: call forward first");
    const dLdO = outputBuffer(out, P.rows, P.cols);
    const p = P.data, y = Y.data, d = dLdO.data, scale = 1 / P.rows;
    for (let k = 0; k < p.length; k++) d[k] = (p[k]! - y[k]!) * scale; // (softmax(O) − Y) / N
    return dLdO;
  }
}
