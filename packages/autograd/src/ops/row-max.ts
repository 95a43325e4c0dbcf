import { ShapeError, shapeOf } from "@mytorch/matrix";
import { apply, toTensor } from "../apply.js";
import type { Op } from "../op.js";
import type { Tensor, TensorLike } from "../tensor.js";
import { scatterIntoRows } from "./select.js";

interface RowMaxContext {
  argmax: Int32Array;
  cols: number;
}

/**
 * The largest entry of each row (vugrad's RowMax): Yᵢ = maxⱼ Xᵢⱼ, (m×n) → (m×1).
 * Backward: the gradient flows only to the entry that won (the first one on
 * ties, as PyTorch's max(dim)): ∂L/∂X[i, argmaxᵢ] = ∂L/∂Yᵢ, zero elsewhere.
 */
export const rowMaxOp: Op<RowMaxContext> = {
  name: "rowMax",
  forward(ctx, x) {
    ctx.argmax = x.argmaxCols();
    ctx.cols = x.cols;
    return x.maxCols();
  },
  backward: (ctx, g) => [scatterIntoRows(g, ctx.argmax, ctx.cols)],
};

/** maxⱼ x[i][j] for each row: (m×n) → (m×1). */
export function rowMax(x: TensorLike): Tensor {
  const t = toTensor(x);
  if (t.cols === 0) throw new ShapeError(`rowMax: needs at least one column, got ${shapeOf(t.value)}`);
  return apply(rowMaxOp, [t]);
}
