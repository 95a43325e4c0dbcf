import { ShapeError, shapeOf, type Matrix } from "@mytorch/matrix";

/**
 * The checks every loss makes before it computes: O and Y have the same
 * N × q shape with N, q ≥ 1, and hold only finite numbers.
 */
export function checkLossInputs(call: string, O: Matrix, Y: Matrix): void {
  if (O.rows !== Y.rows || O.cols !== Y.cols) {
    throw new ShapeError(`${call}: Y must have the shape of O (${shapeOf(O)}), got ${shapeOf(Y)}`);
  }
  if (O.rows === 0 || O.cols === 0) {
    throw new ShapeError(`${call}: needs at least one row and one column, got ${shapeOf(O)}`);
  }
  for (const [name, m] of [["O", O], ["Y", Y]] as const) {
    const bad = m.findNonFinite();
    if (bad !== null) {
      throw new RangeError(`${call}: ${name} must be finite, got ${bad.value} at (${bad.i}, ${bad.j})`);
    }
  }
}
