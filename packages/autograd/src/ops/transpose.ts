import { apply } from "../apply.js";
import type { Op } from "../op.js";
import type { Tensor, TensorLike } from "../tensor.js";

/** Transpose: Y = Xᵀ, (m×n) → (n×m). Backward: ∂L/∂X = (∂L/∂Y)ᵀ. */
export const transposeOp: Op<object> = {
  name: "transpose",
  forward: (_ctx, x) => x.transpose(),
  backward: (_ctx, g) => [g.transpose()],
};

/** xᵀ. */
export function transpose(x: TensorLike): Tensor {
  return apply(transposeOp, [x]);
}
