import { Matrix, shapeOf } from "@mytorch/matrix";

/**
 * The axis a reduction runs over, numpy/PyTorch style with keepdim:
 * undefined → all entries (1×1); 0 → over the rows, adding the rows
 * together (m×n → 1×n); 1 → over the columns, within each row (m×n → m×1).
 */
export type Dim = 0 | 1 | undefined;

/** Throws a RangeError naming the call unless dim is 0, 1 or undefined. */
export function checkDim(call: string, dim: unknown): asserts dim is Dim {
  if (dim !== undefined && dim !== 0 && dim !== 1) {
    throw new RangeError(`${call}: dim must be 0 (over rows), 1 (over columns) or omitted (all entries), got ${String(dim)}`);
  }
}

/** Σ over `dim` (see Dim). */
export function sumOver(x: Matrix, dim: Dim): Matrix {
  if (dim === 0) return x.sumRows();
  if (dim === 1) return x.sumCols();
  return new Matrix(1, 1, Float64Array.of(x.sum()));
}

/** How many entries each output of a reduction over `dim` adds up. */
export function countOver(call: string, x: Matrix, dim: Dim): number {
  const count = dim === 0 ? x.rows : dim === 1 ? x.cols : x.rows * x.cols;
  if (count === 0) throw new RangeError(`${call}: cannot average over an empty axis of a ${shapeOf(x)} tensor`);
  return count;
}
