import type { Matrix } from "../matrix.js";
import { ShapeError } from "../shape-error.js";
import { shapeOf } from "../shape.js";

/** out = Aᵀ. a (m×n) → out (n×m). */
export function transposeInto(a: Matrix, out: Matrix): Matrix {
  if (out.rows !== a.cols || out.cols !== a.rows) {
    throw new ShapeError(`transpose: out must be ${a.cols}×${a.rows}, got ${shapeOf(out)}`);
  }
  const A = a.data, T = out.data, m = a.rows, n = a.cols;
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) T[j * m + i] = A[i * n + j];
  }
  return out;
}
