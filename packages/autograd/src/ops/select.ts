import { Matrix, ShapeError, shapeOf } from "@mytorch/matrix";
import { apply, toTensor } from "../apply.js";
import type { Op } from "../op.js";
import type { Tensor, TensorLike } from "../tensor.js";

interface SelectContext {
  indices: Int32Array;
  cols: number;
}

/**
 * The backward of picking one entry per row: an m × cols matrix of zeros
 * with gᵢ at (i, columns[i]). g (m×1), columns (m indices in 0…cols−1).
 */
export function scatterIntoRows(g: Matrix, columns: ArrayLike<number>, cols: number): Matrix {
  const out = new Matrix(g.rows, cols);
  for (let i = 0; i < g.rows; i++) out.data[i * cols + columns[i]!] = g.data[i]!;
  return out;
}

/**
 * Picks one entry per row (vugrad's Select): Yᵢ = X[i, indices[i]].
 * Shapes: X (N × q), indices (N integers in 0…q−1) → Y (N × 1). With
 * log-probabilities and class labels this is the per-example log-likelihood.
 * Backward: ∂L/∂X is zero except ∂L/∂X[i, indices[i]] = ∂L/∂Yᵢ.
 */
export const selectOp: Op<SelectContext> = {
  name: "select",
  forward(ctx, x) {
    const { indices } = ctx;
    ctx.cols = x.cols;
    const out = new Matrix(x.rows, 1);
    for (let i = 0; i < x.rows; i++) out.data[i] = x.data[i * x.cols + indices[i]!]!;
    return out;
  },
  backward: (ctx, g) => [scatterIntoRows(g, ctx.indices, ctx.cols)],
};

/** x[i, indices[i]] for each row i: (N × q) → (N × 1). */
export function select(x: TensorLike, indices: ArrayLike<number>): Tensor {
  const t = toTensor(x);
  if (indices.length !== t.rows) {
    throw new ShapeError(`select: needs one index per row (${t.rows} for a ${shapeOf(t.value)} tensor), got ${indices.length}`);
  }
  const copy = new Int32Array(indices.length);
  for (let i = 0; i < indices.length; i++) {
    const j = indices[i]!;
    if (!Number.isInteger(j) || j < 0 || j >= t.cols) {
      throw new RangeError(`select: index ${i} is ${j}, expected an integer in 0…${t.cols - 1}`);
    }
    copy[i] = j;
  }
  return apply(selectOp, [t], { indices: copy });
}
