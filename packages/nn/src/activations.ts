import * as homework from "@mytorch/activation";
import type { Matrix } from "@mytorch/matrix";
import { ParameterFreeModule } from "./parameter-free-module.js";

/**
 * An element-wise activation A = φ(H) as a Module, wrapping a homework activation.
 *   forward:  H (N × h) → A (N × h)
 *   backward: dL/dA (N × h) → dL/dH = dL/dA ⊙ dA/dH, with dA/dH from the homework backward().
 * No parameters.
 */
export class ActivationModule extends ParameterFreeModule {
  constructor(
    name: string,
    readonly activation: homework.Activation,
  ) {
    super(name);
  }

  forward(H: Matrix): Matrix {
    this.rememberShape(H);
    return this.activation.forward(H);
  }

  backward(dLdA: Matrix): Matrix {
    this.checkGradient(dLdA, "dLdA");
    return dLdA.mul(this.activation.backward()); // dL/dH = dL/dA ⊙ dA/dH
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
