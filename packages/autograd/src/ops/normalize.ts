import type { Matrix } from "@mytorch/matrix";
import { apply } from "../apply.js";
import type { Op } from "../op.js";
import type { Tensor, TensorLike } from "../tensor.js";

interface NormalizeContext {
  x: Matrix;
  s: Matrix;
}

/**
 * Row normalisation (vugrad's Normalize): Yᵢⱼ = Xᵢⱼ / sᵢ with sᵢ = Σₖ Xᵢₖ, so
 * each row sums to 1 (for positive X). Shapes: (m×n) → (m×n).
 * Backward: ∂Yᵢₖ/∂Xᵢⱼ = [j = k]/sᵢ − Xᵢₖ/sᵢ², so
 *   ∂L/∂Xᵢⱼ = Gᵢⱼ/sᵢ − Σₖ Gᵢₖ·Xᵢₖ / sᵢ².
 */
export const normalizeOp: Op<NormalizeContext> = {
  name: "normalize",
  forward(ctx, x) {
    ctx.x = x;
    ctx.s = x.sumCols(); // m×1
    return x.div(ctx.s);
  },
  backward(ctx, g) {
    const { x, s } = ctx;
    return [g.div(s).sub(g.mul(x).sumCols().div(s.mul(s)))];
  },
};

/** Each row divided by its sum. */
export function normalize(x: TensorLike): Tensor {
  return apply(normalizeOp, [x]);
}
