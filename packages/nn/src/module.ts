import { Matrix } from "@mytorch/matrix";

/**
 * A trainable tensor and its gradient, as optimizers see it.
 * `value` is updated in place by an optimizer; `grad` is dL/d`value`, same shape,
 * read afresh at every step (a layer may put a new matrix there on each backward).
 */
export interface Parameter {
  readonly name: string;
  readonly value: Matrix;
  readonly grad: Matrix;
}

/**
 * A building block of a network: anything with a forward and a backward pass.
 *   forward:  X (N × in)  → Y (N × out)
 *   backward: dL/dY (N × out) → dL/dX (N × in), filling its parameters' gradients
 * `train()` / `eval()` switch the mode (only Dropout behaves differently) and return the module.
 *
 * Buffers: `out`, when given, is a matrix of the result's shape that the module
 * may write the result into (every module of this package does); callers use
 * the returned matrix either way. Sequential hands its modules such buffers for
 * the results that stay inside it, so a training step reuses them instead of
 * allocating; without `out` a module returns a new matrix. `out` must not
 * share memory with the input.
 */
export interface Module {
  forward(X: Matrix, out?: Matrix): Matrix;
  backward(dLdOut: Matrix, out?: Matrix): Matrix;
  /**
   * Optional: backward without dL/dX, for when nobody needs the input's gradient
   * (the first layer of a network, whose input is the data; PyTorch skips it the
   * same way for inputs with requires_grad = false). Fills the same parameter
   * gradients as backward. Modules without it get a backward whose result is dropped.
   */
  backwardParameters?(dLdOut: Matrix): void;
  parameters(): Parameter[];
  train(): this;
  eval(): this;
  readonly training: boolean;
}

/** `out` if it is a rows × cols matrix, else a new one: how modules honour the optional `out`. */
export function outputBuffer(out: Matrix | undefined, rows: number, cols: number): Matrix {
  return out !== undefined && out.rows === rows && out.cols === cols ? out : new Matrix(rows, cols);
}

/** A parameter that reads `value` and `grad` through getters at call time. */
export function liveParameter(name: string, value: () => Matrix, grad: () => Matrix): Parameter {
  return {
    name,
    get value() {
      return value();
    },
    get grad() {
      return grad();
    },
  };
}
