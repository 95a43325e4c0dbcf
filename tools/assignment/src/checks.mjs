// What a graded check can assert, in the grading process, about values that
// came back from the student's process. Each failure says what was expected,
// what arrived, the shapes, the worst entry and the tolerance.
import { NotAMatrix, StudentError } from "./sandbox/remote.mjs";

/** A check that did not hold; its message is what the student reads. */
export class CheckFailed extends Error {
  constructor(message) {
    super(message);
    this.name = "CheckFailed";
  }
}

export const TOL = { atol: 1e-12, rtol: 1e-12 };
export const FD_TOL = { atol: 1e-7, rtol: 1e-7 };

/** The assertions, bound to the grader's own kernel (`compareMatrices`, `compareNumbers`, `Matrix`). */
export function makeChecks({ Matrix, compareMatrices, compareNumbers }) {
  const shape = (m) => `${m.rows}×${m.cols}`;

  function describe(value) {
    if (value instanceof Matrix) return `a ${shape(value)} Matrix`;
    if (value instanceof NotAMatrix) return `something that is not a Matrix of Float64Array rows×cols (${value.description})`;
    if (value === undefined) return "undefined";
    if (typeof value === "number") return `the number ${value}`;
    if (value !== null && typeof value === "object" && "kind" in value) return `a ${value.kind}`;
    return String(value).slice(0, 60);
  }

  /** got ≈ expected entry by entry (shape first), within `tol`. */
  function matrix(label, got, expected, tol = TOL) {
    if (!(got instanceof Matrix)) throw new CheckFailed(`${label}: expected a ${shape(expected)} Matrix, got ${describe(got)}`);
    const result = compareMatrices(got, expected, tol);
    if (!result.ok) throw new CheckFailed(`${label}: ${result.message}`);
  }

  /** got ≈ expected, both numbers. */
  function number(label, got, expected, tol = TOL) {
    if (typeof got !== "number") throw new CheckFailed(`${label}: expected a number, got ${describe(got)}`);
    const result = compareNumbers(got, expected, tol);
    if (!result.ok) throw new CheckFailed(`${label}: ${result.message}`);
  }

  /** got is a Matrix of `rows × cols`. */
  function shapeIs(label, got, rows, cols) {
    if (!(got instanceof Matrix) || got.rows !== rows || got.cols !== cols) throw new CheckFailed(`${label}: expected a ${rows}×${cols} Matrix, got ${describe(got)}`);
  }

  /** got equals expected exactly, entry by entry (for zeros, seeded weights, ±0). */
  function exactly(label, got, expected) {
    matrix(label, got, expected, { atol: 0, rtol: 0 });
  }

  function truth(condition, message) {
    if (!condition) throw new CheckFailed(message);
  }

  /** The call (a promise from the agent) throws `className` with a message matching `pattern`. */
  async function throws(label, promise, className, pattern) {
    let value;
    try {
      value = await promise;
    } catch (error) {
      if (!(error instanceof StudentError)) throw error;
      const ok = (className === null || error.className === className) && pattern.test(error.message);
      if (ok) return;
      throw new CheckFailed(`${label}: expected ${className ?? "an error"} with a message matching ${pattern}, got ${error.className}: ${error.message}`);
    }
    throw new CheckFailed(`${label}: expected ${className ?? "an error"} (${pattern}), but it returned ${describe(value)}`);
  }

  return { matrix, number, shapeIs, exactly, truth, throws, describe };
}

/**
 * ∂f/∂X by central differences (h = 1e-6), where f(X) is a remote evaluation
 * (a promise of a number): X is copied, perturbed and sent entry by entry.
 */
export async function numericalGradientOf(f, X, Matrix, h = 1e-6) {
  const grad = Matrix.zeros(X.rows, X.cols);
  const probe = X.clone();
  for (let k = 0; k < probe.data.length; k++) {
    const x = probe.data[k];
    probe.data[k] = x + h;
    const plus = await f(probe.clone());
    probe.data[k] = x - h;
    const minus = await f(probe.clone());
    probe.data[k] = x;
    if (typeof plus !== "number" || typeof minus !== "number") throw new CheckFailed("finite differences: the loss is not a number");
    grad.data[k] = (plus - minus) / (2 * h);
  }
  return grad;
}
