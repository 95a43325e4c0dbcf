import type { Matrix } from "@mytorch/matrix";
import { apply } from "../apply.js";
import type { Op } from "../op.js";
import type { Tensor, TensorLike } from "../tensor.js";

interface MatmulContext {
  a: Matrix;
  b: Matrix;
}

/**
 * Matrix product: C = A·B. A (m×k), B (k×n) → C (m×n); ShapeError if the inner sizes differ.
 * Backward (seed 002, question 3): ∂L/∂A = ∂L/∂C·Bᵀ (m×k), ∂L/∂B = Aᵀ·∂L/∂C (k×n),
 * both without forming a transpose.
 */
export const matmulOp: Op<MatmulContext> = {
  name: "matmul",
  forward(ctx, a, b) {
    ctx.a = a;
    ctx.b = b;
    return a.matmul(b);
  },
  backward(ctx, g, needsGrad) {
    const { a, b } = ctx;
    return [needsGrad[0] ? g.matmulTranspose(b) : null, needsGrad[1] ? a.transposeMatmul(g) : null];
  },
};

/** a · b. */
export function matmul(a: TensorLike, b: TensorLike): Tensor {
  return apply(matmulOp, [a, b]);
}
