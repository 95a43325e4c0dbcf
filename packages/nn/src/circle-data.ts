import { Matrix, type Rng } from "@mytorch/matrix";

/** The circle of the seed-001 experiment: centre (0.5, 0.5), radius 1/√(2π), area 1/2. */
export const CIRCLE_CENTRE = 0.5;
export const CIRCLE_RADIUS = 1 / Math.sqrt(2 * Math.PI);

/** N points and their labels: X (N × 2), Y (N × 1) with entries +1 or −1. */
export interface LabelledPoints {
  X: Matrix;
  Y: Matrix;
}

/** +1 if (x, y) is inside the circle (distance to the centre < radius), else −1. */
export function circleLabel(x: number, y: number): number {
  const dx = x - CIRCLE_CENTRE;
  const dy = y - CIRCLE_CENTRE;
  return dx * dx + dy * dy < CIRCLE_RADIUS * CIRCLE_RADIUS ? 1 : -1;
}

/**
 * n points uniform in [0, 1]² (x then y, two uniform draws per point from rng), labelled
 * +1 inside the circle of radius 1/√(2π) centred at (0.5, 0.5) and −1 outside.
 */
export function generateCirclePoints(n: number, rng: Rng): LabelledPoints {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`generateCirclePoints: n must be an integer ≥ 1, got ${n}`);
  const X = new Matrix(n, 2);
  const Y = new Matrix(n, 1);
  for (let i = 0; i < n; i++) {
    const x = rng.uniform();
    const y = rng.uniform();
    X.data[i * 2] = x;
    X.data[i * 2 + 1] = y;
    Y.data[i] = circleLabel(x, y);
  }
  return { X, Y };
}

/** Fraction of rows whose output has the label's sign: sign(O) = Y, with O ≥ 0 read as +1. O, Y (N × 1). */
export function signAccuracy(O: Matrix, Y: Matrix): number {
  if (O.rows !== Y.rows || O.cols !== 1 || Y.cols !== 1) {
    throw new RangeError(`signAccuracy: O and Y must both be N×1, got ${O.rows}×${O.cols} and ${Y.rows}×${Y.cols}`);
  }
  let correct = 0;
  for (let i = 0; i < O.rows; i++) if ((O.data[i]! >= 0 ? 1 : -1) === Y.data[i]) correct++;
  return correct / O.rows;
}
