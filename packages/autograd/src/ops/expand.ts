import { ShapeError, shapeOf, type Shaped } from "@mytorch/matrix";
import { apply, toTensor } from "../apply.js";
import type { Op } from "../op.js";
import type { Tensor, TensorLike } from "../tensor.js";
import { broadcastTo, shapeOfMatrix, unbroadcast } from "./unbroadcast.js";

interface ExpandContext {
  rows: number;
  cols: number;
  x: Shaped;
}

/**
 * Explicit broadcasting (vugrad's Expand): repeats a 1×n row to rows×n, an
 * m×1 column to m×cols, or a 1×1 to rows×cols.
 * Backward (seed 002, question 4): each entry of X was copied along the
 * repeated axis, so ∂L/∂X sums ∂L/∂Y along it.
 */
export const expandOp: Op<ExpandContext> = {
  name: "expand",
  forward(ctx, x) {
    ctx.x = shapeOfMatrix(x);
    return broadcastTo(x, ctx.rows, ctx.cols);
  },
  backward: (ctx, g) => [unbroadcast(g, ctx.x)],
};

/** x repeated to rows × cols along its axes of size 1. */
export function expand(x: TensorLike, rows: number, cols: number): Tensor {
  const t = toTensor(x);
  const ok = (from: number, to: number) => Number.isInteger(to) && to >= 0 && (from === to || from === 1);
  if (!ok(t.rows, rows) || !ok(t.cols, cols)) {
    throw new ShapeError(`expand: only an axis of size 1 can be repeated; a ${shapeOf(t.value)} tensor cannot become ${rows}×${cols}`);
  }
  return apply(expandOp, [t], { rows, cols });
}
