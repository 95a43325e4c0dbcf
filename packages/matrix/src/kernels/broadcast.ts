import type { Matrix } from "../matrix.js";
import { ShapeError } from "../shape-error.js";
import { shapeOf, type Shaped } from "../shape.js";

/**
 * The shape of a broadcast between a and b, numpy's rule in 2-D: along each
 * axis the sizes are equal, or one of them is 1 and is repeated.
 * (N×h, 1×h) → N×h; (N×h, N×1) → N×h; (N×h, 1×1) → N×h.
 */
export function broadcastShape(call: string, a: Shaped, b: Shaped): Shaped {
  const rows = broadcastAxis(a.rows, b.rows);
  const cols = broadcastAxis(a.cols, b.cols);
  if (rows < 0 || cols < 0) {
    throw new ShapeError(`${call}: shapes ${shapeOf(a)} and ${shapeOf(b)} cannot be broadcast (each axis must match or be 1)`);
  }
  return { rows, cols };
}

function broadcastAxis(x: number, y: number): number {
  if (x === y) return x;
  if (x === 1) return y;
  if (y === 1) return x;
  return -1;
}

/** out[i][j] = f(a[i][j], b[i][j]) with a and b broadcast to out's shape. */
export function zipInto(call: string, a: Matrix, b: Matrix, out: Matrix, f: (x: number, y: number) => number): Matrix {
  const shape = broadcastShape(call, a, b);
  if (out.rows !== shape.rows || out.cols !== shape.cols) {
    throw new ShapeError(`${call}: out must be ${shapeOf(shape)}, got ${shapeOf(out)}`);
  }
  const A = a.data, B = b.data, O = out.data;
  const n = out.cols;
  // A stride of 0 repeats a row (or a column) along a broadcast axis.
  const aRow = a.rows === 1 ? 0 : a.cols, aCol = a.cols === 1 ? 0 : 1;
  const bRow = b.rows === 1 ? 0 : b.cols, bCol = b.cols === 1 ? 0 : 1;
  for (let i = 0; i < out.rows; i++) {
    for (let j = 0; j < n; j++) {
      O[i * n + j] = f(A[i * aRow + j * aCol], B[i * bRow + j * bCol]);
    }
  }
  return out;
}

/** out[i][j] = f(a[i][j]). out may be a itself. */
export function mapInto(call: string, a: Matrix, out: Matrix, f: (x: number) => number): Matrix {
  if (out.rows !== a.rows || out.cols !== a.cols) {
    throw new ShapeError(`${call}: out must be ${shapeOf(a)}, got ${shapeOf(out)}`);
  }
  const A = a.data, O = out.data;
  for (let i = 0; i < A.length; i++) O[i] = f(A[i]);
  return out;
}
