import { Matrix, ShapeError, shapeOf } from "@mytorch/matrix";
import type { Parameter } from "../module.js";

/**
 * What SGD and Adam share: the parameter list (fixed at construction, as in PyTorch),
 * zeroGrad(), and the checks run before every step.
 */
export abstract class Optimizer {
  readonly params: readonly Parameter[];

  constructor(call: string, params: readonly Parameter[]) {
    if (params.length === 0) throw new RangeError(`${call}: got an empty parameter list`);
    this.params = [...params];
  }

  /** Sets every parameter's gradient to 0, in place. */
  zeroGrad(): void {
    this.params.forEach((p) => p.grad.fill(0));
  }

  /** One update of every parameter against its gradient. */
  abstract step(): void;

  /** The gradient of parameter `index`, checked for shape and finiteness. */
  protected gradientOf(call: string, index: number): Matrix {
    const p = this.params[index]!;
    const { value, grad } = p;
    if (grad.rows !== value.rows || grad.cols !== value.cols) {
      throw new ShapeError(`${call}: gradient of parameter ${index} (${p.name}) must be ${shapeOf(value)}, got ${shapeOf(grad)}`);
    }
    const bad = grad.findNonFinite();
    if (bad !== null) {
      throw new RangeError(`${call}: gradient of parameter ${index} (${p.name}) has ${bad.value} at (${bad.i}, ${bad.j})`);
    }
    return grad;
  }
}

/** Throws unless `value` is a finite number ≥ 0. */
export function checkNonNegative(call: string, what: string, value: number): void {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw new RangeError(`${call}: Invalid ${what}: ${value}`);
  }
}

/** Throws unless `value` is in [0, 1). */
export function checkUnitInterval(call: string, what: string, value: number): void {
  if (typeof value !== "number" || !(value >= 0 && value < 1)) {
    throw new RangeError(`${call}: Invalid ${what}: ${value} (must be in [0, 1))`);
  }
}
