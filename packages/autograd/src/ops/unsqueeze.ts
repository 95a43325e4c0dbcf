import { ShapeError, shapeOf } from "@mytorch/matrix";
import { toTensor } from "../apply.js";
import type { Tensor, TensorLike } from "../tensor.js";
import { reshape } from "./reshape.js";

/**
 * Unsqueeze in 2-D: a 1×n vector becomes an n×1 column, which then
 * broadcasts along the columns (one value per row), as numpy's
 * v[:, None]. Derived from reshape, whose backward reshapes back.
 */
export function unsqueeze(x: TensorLike): Tensor {
  const t = toTensor(x);
  if (t.rows !== 1) throw new ShapeError(`unsqueeze: needs a 1×n vector, got ${shapeOf(t.value)}`);
  return reshape(t, t.cols, 1);
}
