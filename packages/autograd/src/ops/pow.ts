import type { Matrix } from "@mytorch/matrix";
import { apply } from "../apply.js";
import type { Op } from "../op.js";
import type { Tensor, TensorLike } from "../tensor.js";

interface PowContext {
  p: number;
  x: Matrix;
}

/**
 * Element-wise power with a constant exponent: Y = Xᵖ.
 * Backward: ∂L/∂X = ∂L/∂Y ⊙ p·Xᵖ⁻¹.
 */
export const powOp: Op<PowContext> = {
  name: "pow",
  forward(ctx, x) {
    const { p } = ctx;
    ctx.x = x;
    return x.map((v) => v ** p);
  },
  backward(ctx, g) {
    const { p, x } = ctx;
    return [g.mul(x.map((v) => p * v ** (p - 1)))];
  },
};

/** xᵖ element-wise; p a finite number. */
export function pow(x: TensorLike, p: number): Tensor {
  if (typeof p !== "number" || !Number.isFinite(p)) throw new TypeError(`pow: the exponent must be a finite number, got ${String(p)}`);
  return apply(powOp, [x], { p });
}
