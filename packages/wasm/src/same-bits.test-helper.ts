import { Matrix, type Rng } from "@mytorch/matrix";

/**
 * Index of the first entry where x and y differ, by Object.is (so −0 ≠ +0,
 * NaN = NaN: WebAssembly does not fix a NaN's sign or payload bits), or −1.
 */
export function firstDifference(x: Float64Array, y: Float64Array): number {
  if (x.length !== y.length) return 0;
  for (let i = 0; i < x.length; i++) if (!Object.is(x[i], y[i])) return i;
  return -1;
}

/** A rows × cols matrix of N(0, 1) numbers with some NaN, ±Infinity and −0 sprinkled in (fraction `special`). */
export function randomMatrix(rows: number, cols: number, rng: Rng, special = 0): Matrix {
  const out = Matrix.randn(rows, cols, { rng });
  const values = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, 0];
  for (let i = 0; i < out.data.length; i++) {
    if (rng.uniform() < special) out.data[i] = values[rng.int(values.length)]!;
  }
  return out;
}
