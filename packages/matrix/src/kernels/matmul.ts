import { getMatmulBackend } from "../matmul-backend.js";
import type { Matrix } from "../matrix.js";
import { ShapeError } from "../shape-error.js";
import { shapeOf } from "../shape.js";

// The three products check shapes here and hand a strided description of the
// operands to the current backend (gemm.ts on this thread by default):
//   op(A)[i][p] = a[i·aRowStride + p·aColStride],  op(B)[p][j] = b[p·bRowStride + j·bColStride].

function checkOut(call: string, out: Matrix, rows: number, cols: number, a: Matrix, b: Matrix): void {
  if (out.rows !== rows || out.cols !== cols) {
    throw new ShapeError(`${call}: out must be ${rows}×${cols}, got ${shapeOf(out)}`);
  }
  if (out.data === a.data || out.data === b.data) {
    throw new ShapeError(`${call}: out must not share memory with an input`);
  }
}

/** C = A·B. a (m×k), b (k×n) → out (m×n). Throws ShapeError if a.cols ≠ b.rows. */
export function matmulInto(a: Matrix, b: Matrix, out: Matrix): Matrix {
  if (a.cols !== b.rows) {
    throw new ShapeError(`matmul: inner dimensions must match, got ${shapeOf(a)} · ${shapeOf(b)}`);
  }
  checkOut("matmul", out, a.rows, b.cols, a, b);
  const m = a.rows, n = b.cols, k = a.cols;
  // A (m×k) row-major: strides (k, 1); B (k×n): strides (n, 1).
  getMatmulBackend().gemm({ m, n, k, a: a.data, aRowStride: k, aColStride: 1, b: b.data, bRowStride: n, bColStride: 1, c: out.data });
  return out;
}

/** C = Aᵀ·B without forming Aᵀ. a (k×m), b (k×n) → out (m×n). Throws ShapeError if a.rows ≠ b.rows. */
export function transposeMatmulInto(a: Matrix, b: Matrix, out: Matrix): Matrix {
  if (a.rows !== b.rows) {
    throw new ShapeError(`transposeMatmul: Aᵀ·B needs equal row counts, got ${shapeOf(a)}ᵀ · ${shapeOf(b)}`);
  }
  checkOut("transposeMatmul", out, a.cols, b.cols, a, b);
  const m = a.cols, n = b.cols, k = a.rows;
  // a is k×m, read as Aᵀ (m×k): entry (i, p) = a[p·m + i], strides (1, m).
  getMatmulBackend().gemm({ m, n, k, a: a.data, aRowStride: 1, aColStride: m, b: b.data, bRowStride: n, bColStride: 1, c: out.data });
  return out;
}

/** C = A·Bᵀ without forming Bᵀ. a (m×k), b (n×k) → out (m×n). Throws ShapeError if a.cols ≠ b.cols. */
export function matmulTransposeInto(a: Matrix, b: Matrix, out: Matrix): Matrix {
  if (a.cols !== b.cols) {
    throw new ShapeError(`matmulTranspose: A·Bᵀ needs equal column counts, got ${shapeOf(a)} · ${shapeOf(b)}ᵀ`);
  }
  checkOut("matmulTranspose", out, a.rows, b.rows, a, b);
  const m = a.rows, n = b.rows, k = a.cols;
  // b is n×k, read as Bᵀ (k×n): entry (p, j) = b[j·k + p], strides (1, k).
  getMatmulBackend().gemm({ m, n, k, a: a.data, aRowStride: k, aColStride: 1, b: b.data, bRowStride: 1, bColStride: k, c: out.data });
  return out;
}
