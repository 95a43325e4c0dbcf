import { Matrix, zipInto } from "@mytorch/matrix";
import { apply } from "../apply.js";
import type { Op } from "../op.js";
import type { Tensor, TensorLike } from "../tensor.js";

interface ReluContext {
  x: Matrix;
}

/**
 * Rectified linear unit, element-wise: Y = max(X, 0).
 * Backward: ∂L/∂X = ∂L/∂Y ⊙ [X > 0] (the derivative at exactly 0 is taken as 0, as PyTorch).
 */
export const reluOp: Op<ReluContext> = {
  name: "relu",
  forward(ctx, x) {
    ctx.x = x;
    return x.map((v) => (v > 0 ? v : 0));
  },
  backward: (ctx, g) => [zipInto("relu", g, ctx.x, new Matrix(g.rows, g.cols), (gv, xv) => (xv > 0 ? gv : 0))],
};

/** max(x, 0) element-wise. */
export function relu(x: TensorLike): Tensor {
  return apply(reluOp, [x]);
}
