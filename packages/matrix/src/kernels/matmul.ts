import type { Matrix } from "../matrix.js";
import { ShapeError } from "../shape-error.js";
import { shapeOf } from "../shape.js";

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
  const m = a.rows, n = b.cols, kk = a.cols;
  const A = a.data, B = b.data, C = out.data;
  C.fill(0);
  // i-k-j order: the inner loop walks rows of B and C contiguously.
  for (let i = 0; i < m; i++) {
    const rowC = i * n;
    for (let k = 0; k < kk; k++) {
      const aik = A[i * kk + k];
      if (aik === 0) continue;
      const rowB = k * n;
      for (let j = 0; j < n; j++) C[rowC + j] += aik * B[rowB + j];
    }
  }
  return out;
}

/** C = Aᵀ·B without forming Aᵀ. a (k×m), b (k×n) → out (m×n). Throws ShapeError if a.rows ≠ b.rows. */
export function transposeMatmulInto(a: Matrix, b: Matrix, out: Matrix): Matrix {
  if (a.rows !== b.rows) {
    throw new ShapeError(`transposeMatmul: Aᵀ·B needs equal row counts, got ${shapeOf(a)}ᵀ · ${shapeOf(b)}`);
  }
  checkOut("transposeMatmul", out, a.cols, b.cols, a, b);
  const m = a.cols, n = b.cols, kk = a.rows;
  const A = a.data, B = b.data, C = out.data;
  C.fill(0);
  // C[i][j] = Σₖ A[k][i]·B[k][j]: k outermost keeps both inputs row-contiguous.
  for (let k = 0; k < kk; k++) {
    const rowA = k * m, rowB = k * n;
    for (let i = 0; i < m; i++) {
      const aki = A[rowA + i];
      if (aki === 0) continue;
      const rowC = i * n;
      for (let j = 0; j < n; j++) C[rowC + j] += aki * B[rowB + j];
    }
  }
  return out;
}

/** C = A·Bᵀ without forming Bᵀ. a (m×k), b (n×k) → out (m×n). Throws ShapeError if a.cols ≠ b.cols. */
export function matmulTransposeInto(a: Matrix, b: Matrix, out: Matrix): Matrix {
  if (a.cols !== b.cols) {
    throw new ShapeError(`matmulTranspose: A·Bᵀ needs equal column counts, got ${shapeOf(a)} · ${shapeOf(b)}ᵀ`);
  }
  checkOut("matmulTranspose", out, a.rows, b.rows, a, b);
  const m = a.rows, n = b.rows, kk = a.cols;
  const A = a.data, B = b.data, C = out.data;
  // C[i][j] = Σₖ A[i][k]·B[j][k]: a dot product of two contiguous rows.
  for (let i = 0; i < m; i++) {
    const rowA = i * kk;
    for (let j = 0; j < n; j++) {
      const rowB = j * kk;
      let sum = 0;
      for (let k = 0; k < kk; k++) sum += A[rowA + k] * B[rowB + k];
      C[i * n + j] = sum;
    }
  }
  return out;
}
