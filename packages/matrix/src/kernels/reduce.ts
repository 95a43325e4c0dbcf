import type { Matrix } from "../matrix.js";
import { ShapeError } from "../shape-error.js";
import { shapeOf } from "../shape.js";

/** Adds the rows together: out (1×n) = Σᵢ a[i][·]. a (m×n); an empty batch (m = 0) gives zeros. */
export function sumRowsInto(a: Matrix, out: Matrix): Matrix {
  if (out.rows !== 1 || out.cols !== a.cols) {
    throw new ShapeError(`sumRows: out must be 1×${a.cols}, got ${shapeOf(out)}`);
  }
  const A = a.data, O = out.data, n = a.cols;
  O.fill(0);
  for (let i = 0; i < a.rows; i++) {
    for (let j = 0; j < n; j++) O[j] += A[i * n + j];
  }
  return out;
}

/** Adds the columns together: out (m×1) = Σⱼ a[·][j]. a (m×n). */
export function sumColsInto(a: Matrix, out: Matrix): Matrix {
  if (out.rows !== a.rows || out.cols !== 1) {
    throw new ShapeError(`sumCols: out must be ${a.rows}×1, got ${shapeOf(out)}`);
  }
  const A = a.data, O = out.data, n = a.cols;
  for (let i = 0; i < a.rows; i++) {
    let sum = 0;
    for (let j = 0; j < n; j++) sum += A[i * n + j];
    O[i] = sum;
  }
  return out;
}

/** The largest entry of each row: out (m×1). a (m×n) with n ≥ 1. */
export function maxColsInto(a: Matrix, out: Matrix): Matrix {
  if (a.cols === 0) throw new ShapeError(`maxCols: needs at least one column, got ${shapeOf(a)}`);
  if (out.rows !== a.rows || out.cols !== 1) {
    throw new ShapeError(`maxCols: out must be ${a.rows}×1, got ${shapeOf(out)}`);
  }
  const A = a.data, O = out.data, n = a.cols;
  for (let i = 0; i < a.rows; i++) {
    let max = A[i * n];
    for (let j = 1; j < n; j++) max = Math.max(max, A[i * n + j]);
    O[i] = max;
  }
  return out;
}

/** The column index of each row's largest entry (the first on ties). a (m×n), n ≥ 1 → length m. */
export function argmaxCols(a: Matrix): Int32Array {
  if (a.cols === 0) throw new ShapeError(`argmaxCols: needs at least one column, got ${shapeOf(a)}`);
  const A = a.data, n = a.cols, out = new Int32Array(a.rows);
  for (let i = 0; i < a.rows; i++) {
    let best = 0;
    for (let j = 1; j < n; j++) if (A[i * n + j] > A[i * n + best]) best = j;
    out[i] = best;
  }
  return out;
}
