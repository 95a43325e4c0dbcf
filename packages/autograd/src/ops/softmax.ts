import type { Matrix } from "@mytorch/matrix";
import { apply } from "../apply.js";
import type { Op } from "../op.js";
import type { Tensor, TensorLike } from "../tensor.js";

interface SoftmaxContext {
  y: Matrix;
}

/** Row-wise softmax, shifted by each row's max so that no exponent is > 0. (m×n) → (m×n). */
export function softmaxRows(x: Matrix): Matrix {
  const e = x.sub(x.maxCols()).exp(); // exp(X − mᵢ)
  return e.div(e.sumCols()); //          ÷ Σⱼ exp(Xᵢⱼ − mᵢ)
}

/**
 * Softmax over each row: Yᵢⱼ = exp(Xᵢⱼ) / Σₖ exp(Xᵢₖ).
 * Backward: ∂L/∂Xᵢⱼ = Yᵢⱼ·(∂L/∂Yᵢⱼ − Σₖ ∂L/∂Yᵢₖ·Yᵢₖ), that is Y ⊙ (G − rowsum(G ⊙ Y)).
 */
export const softmaxOp: Op<SoftmaxContext> = {
  name: "softmax",
  forward(ctx, x) {
    ctx.y = softmaxRows(x);
    return ctx.y;
  },
  backward(ctx, g) {
    const { y } = ctx;
    return [y.mul(g.sub(g.mul(y).sumCols()))];
  },
};

/** Softmax of each row (rows sum to 1). */
export function softmax(x: TensorLike): Tensor {
  return apply(softmaxOp, [x]);
}
