import type { Shaped } from "@mytorch/matrix";
import { apply } from "../apply.js";
import type { Op } from "../op.js";
import type { Tensor, TensorLike } from "../tensor.js";
import { checkDim, sumOver, type Dim } from "./dim.js";
import { broadcastTo, shapeOfMatrix } from "./unbroadcast.js";

interface SumContext {
  dim: Dim;
  x: Shaped;
}

/**
 * Sum: Y = Σ X over all entries (1×1), over dim 0 (rows added: 1×n) or over
 * dim 1 (columns added: m×1).
 * Backward: every entry of X contributed once to its sum, so ∂L/∂X is ∂L/∂Y
 * repeated back to X's shape (seed 002, question 4: the backward of a
 * broadcast is a sum, and the backward of a sum is a broadcast).
 */
export const sumOp: Op<SumContext> = {
  name: "sum",
  forward(ctx, x) {
    ctx.x = shapeOfMatrix(x);
    return sumOver(x, ctx.dim);
  },
  backward: (ctx, g) => [broadcastTo(g, ctx.x.rows, ctx.x.cols)],
};

/** Σ x: all entries (1×1), dim 0 (1×n) or dim 1 (m×1). */
export function sum(x: TensorLike, dim?: 0 | 1): Tensor {
  checkDim("sum", dim);
  return apply(sumOp, [x], { dim });
}
