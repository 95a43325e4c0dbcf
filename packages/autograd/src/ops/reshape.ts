import { Matrix, ShapeError, shapeOf } from "@mytorch/matrix";
import { apply, toTensor } from "../apply.js";
import type { Op } from "../op.js";
import type { Tensor, TensorLike } from "../tensor.js";

interface ReshapeContext {
  rows: number;
  cols: number;
  fromRows: number;
  fromCols: number;
}

/**
 * Reshape: the same entries in the same row-major order as rows × cols.
 * Backward: ∂L/∂X is ∂L/∂Y reshaped back (the entries do not move).
 */
export const reshapeOp: Op<ReshapeContext> = {
  name: "reshape",
  forward(ctx, x) {
    ctx.fromRows = x.rows;
    ctx.fromCols = x.cols;
    return new Matrix(ctx.rows, ctx.cols, x.data.slice());
  },
  backward: (ctx, g) => [new Matrix(ctx.fromRows, ctx.fromCols, g.data.slice())],
};

/** x with its row-major entries laid out as rows × cols. */
export function reshape(x: TensorLike, rows: number, cols: number): Tensor {
  const t = toTensor(x);
  if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 0 || cols < 0 || rows * cols !== t.rows * t.cols) {
    throw new ShapeError(`reshape: ${rows}×${cols} must hold the same number of entries as ${shapeOf(t.value)} (${t.rows * t.cols})`);
  }
  return apply(reshapeOp, [t], { rows, cols });
}
