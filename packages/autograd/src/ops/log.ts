import type { Matrix } from "@mytorch/matrix";
import { apply } from "../apply.js";
import type { Op } from "../op.js";
import type { Tensor, TensorLike } from "../tensor.js";

interface LogContext {
  x: Matrix;
}

/** Element-wise natural logarithm: Y = ln X. Backward: ∂L/∂X = ∂L/∂Y ⊘ X. */
export const logOp: Op<LogContext> = {
  name: "log",
  forward(ctx, x) {
    ctx.x = x;
    return x.log();
  },
  backward: (ctx, g) => [g.div(ctx.x)],
};

/** ln x element-wise (NaN for x < 0, −∞ at 0, as Math.log). */
export function log(x: TensorLike): Tensor {
  return apply(logOp, [x]);
}
