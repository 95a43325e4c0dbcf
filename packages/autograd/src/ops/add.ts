import type { Shaped } from "@mytorch/matrix";
import { apply } from "../apply.js";
import type { Op } from "../op.js";
import type { Tensor, TensorLike } from "../tensor.js";
import { shapeOfMatrix, unbroadcast } from "./unbroadcast.js";

interface AddContext {
  a: Shaped;
  b: Shaped;
}

/**
 * Addition with broadcasting: C = A + B.
 * Shapes: A and B equal, or one of them 1×n, m×1 or 1×1 and repeated → C (m×n).
 * Backward: ∂L/∂A = ∂L/∂C and ∂L/∂B = ∂L/∂C, each summed over the axes along
 * which that input was repeated (a bias b (1×n) gets Σᵢ ∂L/∂Cᵢ).
 */
export const addOp: Op<AddContext> = {
  name: "add",
  forward(ctx, a, b) {
    ctx.a = shapeOfMatrix(a);
    ctx.b = shapeOfMatrix(b);
    return a.add(b);
  },
  backward(ctx, g, needsGrad) {
    return [needsGrad[0] ? unbroadcast(g, ctx.a) : null, needsGrad[1] ? unbroadcast(g, ctx.b) : null];
  },
};

/** a + b, broadcast. */
export function add(a: TensorLike, b: TensorLike): Tensor {
  return apply(addOp, [a, b]);
}
