import type { Matrix } from "@mytorch/matrix";
import { apply } from "../apply.js";
import type { Op } from "../op.js";
import type { Tensor, TensorLike } from "../tensor.js";
import { unbroadcast } from "./unbroadcast.js";

interface DivContext {
  a: Matrix;
  b: Matrix;
  c: Matrix;
}

/**
 * Element-wise quotient with broadcasting: C = A ⊘ B (seed 002, question 1).
 * Backward: ∂L/∂A = ∂L/∂C ⊘ B; ∂L/∂B = −∂L/∂C ⊙ A ⊘ B² = −∂L/∂C ⊙ C ⊘ B;
 * each summed over its repeated axes.
 */
export const divOp: Op<DivContext> = {
  name: "div",
  forward(ctx, a, b) {
    ctx.a = a;
    ctx.b = b;
    ctx.c = a.div(b);
    return ctx.c;
  },
  backward(ctx, g, needsGrad) {
    const { a, b, c } = ctx;
    return [
      needsGrad[0] ? unbroadcast(g.div(b), a) : null,
      needsGrad[1] ? unbroadcast(g.mul(c).div(b).neg(), b) : null,
    ];
  },
};

/** a ⊘ b, broadcast. */
export function div(a: TensorLike, b: TensorLike): Tensor {
  return apply(divOp, [a, b]);
}
