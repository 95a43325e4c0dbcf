import { apply } from "../apply.js";
import type { Op } from "../op.js";
import type { Tensor, TensorLike } from "../tensor.js";

/** Negation: Y = −X. Backward: ∂L/∂X = −∂L/∂Y. */
export const negOp: Op<object> = {
  name: "neg",
  forward: (_ctx, x) => x.neg(),
  backward: (_ctx, g) => [g.neg()],
};

/** −x. */
export function neg(x: TensorLike): Tensor {
  return apply(negOp, [x]);
}
