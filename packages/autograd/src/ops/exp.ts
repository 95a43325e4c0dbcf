import type { Matrix } from "@mytorch/matrix";
import { apply } from "../apply.js";
import type { Op } from "../op.js";
import type { Tensor, TensorLike } from "../tensor.js";

interface ExpContext {
  y: Matrix;
}

/** Element-wise exponential: Y = eˣ. Backward: ∂L/∂X = ∂L/∂Y ⊙ Y. */
export const expOp: Op<ExpContext> = {
  name: "exp",
  forward(ctx, x) {
    ctx.y = x.exp();
    return ctx.y;
  },
  backward: (ctx, g) => [g.mul(ctx.y)],
};

/** eˣ element-wise. */
export function exp(x: TensorLike): Tensor {
  return apply(expOp, [x]);
}
