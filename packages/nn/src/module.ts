import type { Matrix } from "@mytorch/matrix";

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
 */
export interface Module {
  forward(X: Matrix): Matrix;
  backward(dLdOut: Matrix): Matrix;
  parameters(): Parameter[];
  train(): this;
  eval(): this;
  readonly training: boolean;
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
