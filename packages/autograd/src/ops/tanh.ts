import { Matrix } from "@mytorch/matrix";
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
  backward(ctx, g) {
    const Y = ctx.y.data, G = g.data;
    const out = new Matrix(g.rows, g.cols);
    for (let k = 0; k < G.length; k++) out.data[k] = G[k]! * (1 - Y[k]! * Y[k]!);
    return [out];
  },
};

/** tanh x element-wise. */
export function tanh(x: TensorLike): Tensor {
  return apply(tanhOp, [x]);
}
