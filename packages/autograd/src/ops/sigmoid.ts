import { Matrix, zipInto } from "@mytorch/matrix";
import { apply } from "../apply.js";
import type { Op } from "../op.js";
import type { Tensor, TensorLike } from "../tensor.js";

interface SigmoidContext {
  y: Matrix;
}

/**
 * Logistic sigmoid, element-wise: Y = σ(X) = 1 / (1 + e⁻ˣ); for x < 0 the
 * equal form eˣ / (1 + eˣ) keeps every exponent ≤ 0 (no overflow at |x| = 1000).
 * Backward: ∂L/∂X = ∂L/∂Y ⊙ Y ⊙ (1 − Y).
 */
export const sigmoidOp: Op<SigmoidContext> = {
  name: "sigmoid",
  forward(ctx, x) {
    ctx.y = x.map((v) => {
      if (v >= 0) return 1 / (1 + Math.exp(-v));
      const e = Math.exp(v);
      return e / (1 + e);
    });
    return ctx.y;
  },
  backward: (ctx, g) => [zipInto("sigmoid", g, ctx.y, new Matrix(g.rows, g.cols), (gv, yv) => gv * yv * (1 - yv))],
};

/** σ(x) element-wise. */
export function sigmoid(x: TensorLike): Tensor {
  return apply(sigmoidOp, [x]);
}
