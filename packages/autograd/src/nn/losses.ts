import { Matrix, ShapeError, shapeOf } from "@mytorch/matrix";
import { toTensor } from "../apply.js";
import type { Tensor, TensorLike } from "../tensor.js";

/** How a loss reduces over the batch. */
export type Reduction = "mean" | "sum";

/**
 * Mean squared error, built from ops: L = (1 / (N·q)) Σ (O − Y)² (the homework's
 * MSELoss; with reduction "sum", Σ (O − Y)²).
 * Shapes: O and Y (N × q) → L (1×1).
 */
export function mseLoss(output: Tensor, target: TensorLike, reduction: Reduction = "mean"): Tensor {
  const y = toTensor(target);
  if (output.rows !== y.rows || output.cols !== y.cols) {
    throw new ShapeError(`mseLoss: target must be ${shapeOf(output.value)} (the shape of the output), got ${shapeOf(y.value)}`);
  }
  const e = output.sub(y); // E = O − Y
  const squared = e.mul(e); // E ⊙ E
  return reduction === "sum" ? squared.sum() : squared.mean();
}

/**
 * Softmax cross-entropy from logits, built from ops:
 *   L = −(1/N) Σᵢ log softmax(O)ᵢ,yᵢ            for class labels y (N integers), via select;
 *   L = −(1/N) Σᵢⱼ Yᵢⱼ · log softmax(O)ᵢⱼ        for one-hot or soft targets Y (N × q).
 * With reduction "sum" there is no 1/N (vugrad's logceloss).
 * Stable for logits of any size (logSoftmax uses the log-sum-exp trick).
 */
export function crossEntropyLoss(logits: Tensor, target: Matrix | ArrayLike<number>, reduction: Reduction = "mean"): Tensor {
  const logProbabilities = logits.logSoftmax();
  let total: Tensor;
  if (target instanceof Matrix) {
    if (target.rows !== logits.rows || target.cols !== logits.cols) {
      throw new ShapeError(`crossEntropyLoss: targets must be ${shapeOf(logits.value)} (the shape of the logits), got ${shapeOf(target)}`);
    }
    total = logProbabilities.mul(target).sum(); // Σ Y ⊙ log p
  } else {
    total = logProbabilities.select(target).sum(); // Σᵢ log p[i, yᵢ]
  }
  return reduction === "sum" ? total.neg() : total.mul(-1 / logits.rows);
}

/** MSE as a module-like object: `new MSELoss().forward(O, Y)`. */
export class MSELoss {
  constructor(readonly reduction: Reduction = "mean") {}
  forward(output: Tensor, target: TensorLike): Tensor {
    return mseLoss(output, target, this.reduction);
  }
}

/** Cross-entropy as a module-like object: `new CrossEntropyLoss().forward(logits, labels)`. */
export class CrossEntropyLoss {
  constructor(readonly reduction: Reduction = "mean") {}
  forward(logits: Tensor, target: Matrix | ArrayLike<number>): Tensor {
    return crossEntropyLoss(logits, target, this.reduction);
  }
}
