import { ShapeError, shapeOf } from "@mytorch/matrix";
import { toTensor } from "../apply.js";
import type { Tensor, TensorLike } from "../tensor.js";
import { reshape } from "./reshape.js";

/**
 * Squeeze in 2-D. numpy's 1-D vector (n,) broadcasts like a 1×n row, so here
 * a vector is a 1×n row: squeeze turns an m×1 column (the output of rowMax,
 * rowSum or select) into the 1×m vector (a 1×n row stays as it is).
 * Derived from reshape, whose backward reshapes back.
 */
export function squeeze(x: TensorLike): Tensor {
  const t = toTensor(x);
  if (t.cols !== 1 && t.rows !== 1) {
    throw new ShapeError(`squeeze: needs a column m×1 or a row 1×n, got ${shapeOf(t.value)}`);
  }
  return t.cols === 1 ? reshape(t, 1, t.rows) : reshape(t, 1, t.cols);
}
