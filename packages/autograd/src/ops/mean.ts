import type { Shaped } from "@mytorch/matrix";
import { apply } from "../apply.js";
import type { Op } from "../op.js";
import type { Tensor, TensorLike } from "../tensor.js";
import { checkDim, countOver, sumOver, type Dim } from "./dim.js";
import { broadcastTo, shapeOfMatrix } from "./unbroadcast.js";

interface MeanContext {
  dim: Dim;
  x: Shaped;
  count: number;
}

/**
 * Mean: Y = (1/n) Σ X over all entries (n = m·k → 1×1), over dim 0 (n = m → 1×k)
 * or over dim 1 (n = k → m×1).
 * Backward: ∂L/∂X = ∂L/∂Y repeated back to X's shape, divided by n.
 */
export const meanOp: Op<MeanContext> = {
  name: "mean",
  forward(ctx, x) {
    ctx.x = shapeOfMatrix(x);
    ctx.count = countOver("mean", x, ctx.dim);
    return sumOver(x, ctx.dim).scale(1 / ctx.count);
  },
  backward: (ctx, g) => [broadcastTo(g.scale(1 / ctx.count), ctx.x.rows, ctx.x.cols)],
};

/** The mean of x: all entries (1×1), dim 0 (1×n) or dim 1 (m×1). */
export function mean(x: TensorLike, dim?: 0 | 1): Tensor {
  checkDim("mean", dim);
  return apply(meanOp, [x], { dim });
}
