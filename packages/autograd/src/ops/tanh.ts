import { Matrix, zipInto } from "@mytorch/matrix";
import { apply } from "../apply.js";
import type { Op } from "../op.js";
import type { Tensor, TensorLike } from "../tensor.js";

interface TanhContext {
  y: Matrix;
}

/** Hyperbolic tangent, element-wise: Y = tanh X. Backward: ∂L/∂X = ∂L/∂Y ⊙ (1 − Y²). */
export const tanhOp: Op<TanhContext> = {
  name: "tanh",
  forward(ctx, x) {
    ctx.y = x.map(Math.tanh);
    return ctx.y;
  },
  backward: (ctx, g) => [zipInto("tanh", g, ctx.y, new Matrix(g.rows, g.cols), (gv, yv) => gv * (1 - yv * yv))],
};

/** tanh x element-wise. */
export function tanh(x: TensorLike): Tensor {
  return apply(tanhOp, [x]);
}
