/** Anything with a shape: a Matrix, or a plain { rows, cols }. */
export interface Shaped {
  readonly rows: number;
  readonly cols: number;
}

/** "rows×cols", the way every error message writes a shape. */
export function shapeOf(m: Shaped): string {
  return `${m.rows}×${m.cols}`;
}

/** True when both have the same rows and cols. */
export function sameShape(a: Shaped, b: Shaped): boolean {
  return a.rows === b.rows && a.cols === b.cols;
}
