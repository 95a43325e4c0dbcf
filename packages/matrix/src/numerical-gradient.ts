import { Matrix } from "./matrix.js";

/**
 * Central finite differences of a scalar function with respect to x:
 *   ∂f/∂x[i][j] ≈ (f(x + h·eᵢⱼ) − f(x − h·eᵢⱼ)) / 2h,
 * an O(h²) estimate. x is perturbed in place, one entry at a time, and
 * restored; f must read x afresh on every call. Returns a matrix shaped like x.
 */
export function numericalGradient(f: () => number, x: Matrix, h = 1e-6): Matrix {
  const grad = new Matrix(x.rows, x.cols);
  for (let k = 0; k < x.data.length; k++) {
    const saved = x.data[k]!;
    x.data[k] = saved + h;
    const plus = f();
    x.data[k] = saved - h;
    const minus = f();
    x.data[k] = saved;
    grad.data[k] = (plus - minus) / (2 * h);
  }
  return grad;
}
