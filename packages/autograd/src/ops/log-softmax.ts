import type { Matrix } from "@mytorch/matrix";
import { apply } from "../apply.js";
import type { Op } from "../op.js";
import type { Tensor, TensorLike } from "../tensor.js";

interface LogSoftmaxContext {
  y: Matrix;
}

/**
 * Log-softmax over each row: Yᵢⱼ = Xᵢⱼ − mᵢ − log Σₖ exp(Xᵢₖ − mᵢ), mᵢ = maxₖ Xᵢₖ
 * (finite for any finite X; the log-sum-exp trick).
 * Backward: ∂L/∂X = G − softmax(X) ⊙ rowsum(G), with softmax(X) = exp(Y).
 */
export const logSoftmaxOp: Op<LogSoftmaxContext> = {
  name: "logSoftmax",
  forward(ctx, x) {
    const shifted = x.sub(x.maxCols()); //                 X − m ≤ 0
    ctx.y = shifted.sub(shifted.exp().sumCols().log()); // − log Σ exp(X − m)
    return ctx.y;
  },
  backward(ctx, g) {
    return [g.sub(ctx.y.exp().mul(g.sumCols()))];
  },
};

/** log softmax of each row. */
export function logSoftmax(x: TensorLike): Tensor {
  return apply(logSoftmaxOp, [x]);
}
