import { Matrix } from "@mytorch/matrix";

/**
 * One-hot rows: Y[i][labels[i]] = 1, every other entry 0.
 * labels (length N) with entries in [0, classCount) → Y (N × classCount).
 * Throws RangeError on a label outside [0, classCount).
 */
export function oneHot(labels: ArrayLike<number>, classCount: number): Matrix {
  if (!Number.isInteger(classCount) || classCount < 1) {
    throw new RangeError(`oneHot: classCount must be an integer ≥ 1, got ${classCount}`);
  }
  const Y = new Matrix(labels.length, classCount);
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i]!;
    if (!Number.isInteger(label) || label < 0 || label >= classCount) {
      throw new RangeError(`oneHot: labels must be integers in [0, ${classCount}), got ${label} at index ${i}`);
    }
    Y.data[i * classCount + label] = 1;
  }
  return Y;
}

/** The class count when none is given: the largest label + 1 (at least 1). */
export function defaultClassCount(labels: ArrayLike<number>): number {
  let count = 1;
  for (let i = 0; i < labels.length; i++) count = Math.max(count, labels[i]! + 1);
  return count;
}
