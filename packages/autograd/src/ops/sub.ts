import type { Shaped } from "@mytorch/matrix";
import { apply } from "../apply.js";
import type { Op } from "../op.js";
import type { Tensor, TensorLike } from "../tensor.js";
import { shapeOfMatrix, unbroadcast } from "./unbroadcast.js";

interface SubContext {
  a: Shaped;
  b: Shaped;
}

/**
 * Subtraction with broadcasting: C = A − B.
 * Backward: ∂L/∂A = ∂L/∂C, ∂L/∂B = −∂L/∂C, each summed over its repeated axes.
 */
export const subOp: Op<SubContext> = {
  name: "sub",
  forward(ctx, a, b) {
    ctx.a = shapeOfMatrix(a);
    ctx.b = shapeOfMatrix(b);
    return a.sub(b);
  },
  backward(ctx, g, needsGrad) {
    return [needsGrad[0] ? unbroadcast(g, ctx.a) : null, needsGrad[1] ? unbroadcast(g.neg(), ctx.b) : null];
  },
};

/** a − b, broadcast. */
export function sub(a: TensorLike, b: TensorLike): Tensor {
  return apply(subOp, [a, b]);
}
