import type { Tensor, TensorLike } from "../tensor.js";
import { sum } from "./sum.js";

/**
 * The sum of each row (vugrad's RowSum): Yᵢ = Σⱼ Xᵢⱼ, (m×n) → (m×1).
 * Derived: it is sum over dim 1, whose backward repeats ∂L/∂Yᵢ along row i.
 */
export function rowSum(x: TensorLike): Tensor {
  return sum(x, 1);
}
