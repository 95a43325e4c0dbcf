import * as homework from "@mytorch/activation";
import { ShapeError, shapeOf, type Matrix } from "@mytorch/matrix";
import type { Module, Parameter } from "./module.js";

/**
 * An element-wise activation A = φ(H) as a Module, wrapping a homework activation.
 *   forward:  H (N × h) → A (N × h)
 *   backward: dL/dA (N × h) → dL/dH = dL/dA ⊙ dA/dH, with dA/dH from the homework backward().
 * No parameters.
 */
export class ActivationModule implements Module {
  training = true;
  private lastShape: [number, number] | null = null;

  constructor(
    readonly name: string,
    readonly activation: homework.Activation,
  ) {}

  forward(H: Matrix): Matrix {
    this.lastShape = [H.rows, H.cols];
    return this.activation.forward(H);
  }

  backward(dLdA: Matrix): Matrix {
    if (this.lastShape === null) throw new Error(`${this.name}.backward: call forward first`);
    const [rows, cols] = this.lastShape;
    if (dLdA.rows !== rows || dLdA.cols !== cols) {
      throw new ShapeError(`${this.name}.backward: dLdA must be ${rows}×${cols} (the shape of the last output), got ${shapeOf(dLdA)}`);
    }
    return dLdA.mul(this.activation.backward()); // dL/dH = dL/dA ⊙ dA/dH
  }

  parameters(): Parameter[] {
    return [];
  }

  train(): this {
    this.training = true;
    return this;
  }

  eval(): this {
    this.training = false;
    return this;
  }
}

/** A = max(0, H); dA/dH = 1 where H > 0, else 0. */
export class ReLU extends ActivationModule {
  constructor() {
    super("ReLU", new homework.ReLU());
  }
}

/** A = tanh(H); dA/dH = 1 − A². */
export class Tanh extends ActivationModule {
  constructor() {
    super("Tanh", new homework.Tanh());
  }
}

/** A = 1 / (1 + e^(−H)); dA/dH = A (1 − A). */
export class Sigmoid extends ActivationModule {
  constructor() {
    super("Sigmoid", new homework.Sigmoid());
  }
}

/** A = H; dA/dH = 1. */
export class Identity extends ActivationModule {
  constructor() {
    super("Identity", new homework.Identity());
  }
}
