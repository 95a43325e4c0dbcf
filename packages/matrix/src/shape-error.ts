/**
 * Thrown when a matrix has the wrong shape for a call.
 * The message names the call, what it expected and what it got, e.g.
 * `matmul: inner dimensions must match, got 2×3 · 4×2`.
 */
export class ShapeError extends Error {
  override readonly name = "ShapeError";
}
