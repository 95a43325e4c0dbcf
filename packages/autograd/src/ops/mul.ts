import type { Matrix } from "@mytorch/matrix";
import { apply } from "../apply.js";
import type { Op } from "../op.js";
import type { Tensor, TensorLike } from "../tensor.js";
import { unbroadcast } from "./unbroadcast.js";

interface MulContext {
  a: Matrix;
  b: Matrix;
}

/**
 * Element-wise product with broadcasting: C = A ⊙ B.
 * Backward: ∂L/∂A = ∂L/∂C ⊙ B, ∂L/∂B = ∂L/∂C ⊙ A, each summed over its repeated axes.
 */
export const mulOp: Op<MulContext> = {
  name: "mul",
  forward(ctx, a, b) {
    ctx.a = a;
    ctx.b = b;
    return a.mul(b);
  },
  backward(ctx, g, needsGrad) {
    const { a, b } = ctx;
    return [needsGrad[0] ? unbroadcast(g.mul(b), a) : null, needsGrad[1] ? unbroadcast(g.mul(a), b) : null];
  },
};

/** a ⊙ b, broadcast (a number scales). */
export function mul(a: TensorLike, b: TensorLike): Tensor {
  return apply(mulOp, [a, b]);
}
