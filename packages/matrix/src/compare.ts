import type { Matrix } from "./matrix.js";
import { sameShape, shapeOf } from "./shape.js";

/** |actual − expected| ≤ atol + rtol·|expected|, entry by entry. */
export interface Tolerance {
  atol?: number;
  rtol?: number;
}

/** What a comparison found, in words a student can act on. */
export interface Comparison {
  ok: boolean;
  /** Largest |actual − expected| (Infinity on a shape mismatch or a NaN). */
  maxAbsDiff: number;
  /** The tolerance, written out. */
  tolerance: string;
  /** One line: shapes, the worst entry, the tolerance. */
  message: string;
}

function toleranceText(atol: number, rtol: number): string {
  return `|got − expected| ≤ ${atol.toExponential(0)} + ${rtol.toExponential(0)}·|expected|`;
}

/** Why `m` is not a well-formed matrix (data a Float64Array of exactly rows×cols entries), or null. */
export function malformation(m: Matrix): string | null {
  const { rows, cols, data } = m as { rows: unknown; cols: unknown; data: unknown };
  if (!Number.isInteger(rows) || !Number.isInteger(cols) || (rows as number) < 0 || (cols as number) < 0) {
    return `rows and cols must be integers ≥ 0, got ${String(rows)} and ${String(cols)}`;
  }
  if (!(data instanceof Float64Array)) {
    const kind = data === null || data === undefined ? String(data) : ((data as object).constructor?.name ?? typeof data);
    return `data must be a Float64Array, got ${kind}`;
  }
  const size = (rows as number) * (cols as number);
  return data.length === size ? null : `data must hold rows×cols = ${size} entries, got ${data.length}`;
}

/**
 * Compares two matrices entry by entry; NaN where a number is expected always
 * fails, and so does a malformed matrix (data not a Float64Array of rows×cols).
 */
export function compareMatrices(actual: Matrix, expected: Matrix, tolerance: Tolerance = {}): Comparison {
  const { atol = 1e-12, rtol = 1e-12 } = tolerance;
  const tol = toleranceText(atol, rtol);
  for (const [which, m] of [["got", actual], ["expected", expected]] as const) {
    const wrong = malformation(m);
    if (wrong !== null) return { ok: false, maxAbsDiff: Infinity, tolerance: tol, message: `not a well-formed Matrix (${which}): ${wrong}` };
  }
  if (!sameShape(actual, expected)) {
    return {
      ok: false,
      maxAbsDiff: Infinity,
      tolerance: tol,
      message: `shape mismatch: expected ${shapeOf(expected)}, got ${shapeOf(actual)}`,
    };
  }
  let ok = true;
  let maxAbsDiff = 0;
  let worst = -1;
  let worstExcess = -Infinity;
  for (let k = 0; k < actual.data.length; k++) {
    const a = actual.data[k]!;
    const e = expected.data[k]!;
    const diff = a === e ? 0 : Math.abs(a - e); // equal infinities match
    const excess = Number.isNaN(diff) ? Infinity : diff - (atol + rtol * Math.abs(e));
    if (excess > 0) ok = false;
    if (excess > worstExcess) {
      worstExcess = excess;
      worst = k;
    }
    maxAbsDiff = Math.max(maxAbsDiff, Number.isNaN(diff) ? Infinity : diff);
  }
  const where =
    worst < 0
      ? "no entries"
      : `worst at (${Math.floor(worst / actual.cols)}, ${worst % actual.cols}): got ${actual.data[worst]}, expected ${expected.data[worst]}`;
  return {
    ok,
    maxAbsDiff,
    tolerance: tol,
    message: `${shapeOf(actual)}, max |diff| ${maxAbsDiff.toExponential(2)}, ${where}; tolerance ${tol}`,
  };
}

/** Compares two numbers with the same rule. */
export function compareNumbers(actual: number, expected: number, tolerance: Tolerance = {}): Comparison {
  const { atol = 1e-12, rtol = 1e-12 } = tolerance;
  const diff = actual === expected ? 0 : Math.abs(actual - expected);
  const ok = !Number.isNaN(diff) && diff <= atol + rtol * Math.abs(expected);
  const tol = toleranceText(atol, rtol);
  return {
    ok,
    maxAbsDiff: Number.isNaN(diff) ? Infinity : diff,
    tolerance: tol,
    message: `got ${actual}, expected ${expected}, |diff| ${diff.toExponential(2)}; tolerance ${tol}`,
  };
}

/** Throws an Error saying what was expected and what came out unless actual ≈ expected. */
export function assertClose(label: string, actual: Matrix | number, expected: Matrix | number, tolerance: Tolerance = {}): void {
  const result =
    typeof actual === "number" || typeof expected === "number"
      ? typeof actual === "number" && typeof expected === "number"
        ? compareNumbers(actual, expected, tolerance)
        : { ok: false, message: `expected a ${typeof expected === "number" ? "number" : "Matrix"}, got a ${typeof actual === "number" ? "number" : "Matrix"}` }
      : compareMatrices(actual, expected, tolerance);
  if (!result.ok) throw new Error(`${label}: ${result.message}`);
}
