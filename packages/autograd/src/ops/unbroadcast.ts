import { Matrix, zipInto, type Shaped } from "@mytorch/matrix";

/**
 * The backward of broadcasting: sums a gradient down to `shape` along each
 * axis where the input had size 1 and was repeated.
 * g (m×n) → (1×n) if shape is 1×n, (m×1) if m×1, (1×1) if 1×1, g itself if m×n.
 */
export function unbroadcast(g: Matrix, shape: Shaped): Matrix {
  let out = g;
  if (shape.rows === 1 && out.rows !== 1) out = out.sumRows(); // Σᵢ over the repeated rows
  if (shape.cols === 1 && out.cols !== 1) out = out.sumCols(); // Σⱼ over the repeated columns
  return out;
}

/**
 * Broadcasting itself: repeats g (1×n, m×1 or 1×1) to rows × cols.
 * The backward of a sum or a mean over an axis.
 */
export function broadcastTo(g: Matrix, rows: number, cols: number): Matrix {
  const out = new Matrix(rows, cols); // zipInto reads out only for its shape
  return zipInto("broadcastTo", out, g, out, (_, v) => v);
}

/** { rows, cols } of a matrix, kept in a context without keeping the matrix. */
export function shapeOfMatrix(m: Shaped): Shaped {
  return { rows: m.rows, cols: m.cols };
}
