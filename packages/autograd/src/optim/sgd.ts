import { Matrix } from "@mytorch/matrix";
import type { Tensor } from "../tensor.js";
import { Optimizer, checkSetting } from "./optimizer.js";

/** Options of SGD. */
export interface SGDOptions {
  /** Learning rate (default 0.1, as the homework's SGD). */
  lr?: number;
  /** Momentum μ in [0, 1) (default 0). */
  momentum?: number;
}

/**
 * Stochastic gradient descent with momentum, as PyTorch (dampening 0):
 *   v ← μ·v + ∂L/∂p,   p ← p − lr·v     (v = 0 before the first step; μ = 0 gives p ← p − lr·∂L/∂p)
 * Updates each parameter's value in place.
 */
export class SGD extends Optimizer {
  readonly lr: number;
  readonly momentum: number;
  private readonly velocities = new Map<Tensor, Matrix>();

  constructor(params: Iterable<Tensor>, options: SGDOptions = {}) {
    super("SGD", params);
    const { lr = 0.1, momentum = 0 } = options;
    checkSetting("SGD", "learning rate", lr, (v) => Number.isFinite(v) && v >= 0);
    checkSetting("SGD", "momentum value", momentum, (v) => Number.isFinite(v) && v >= 0 && v < 1);
    this.lr = lr;
    this.momentum = momentum;
  }

  step(): void {
    for (const p of this.params) {
      if (!p.hasGrad) continue;
      const g = p.grad;
      if (this.momentum === 0) {
        p.value.addScaledInPlace(g, -this.lr); // p ← p − lr·g
        continue;
      }
      let v = this.velocities.get(p);
      if (v === undefined) {
        v = g.clone(); // the first step: v = g
        this.velocities.set(p, v);
      } else {
        v.scaleInPlace(this.momentum).addScaledInPlace(g, 1); // v ← μ·v + g
      }
      p.value.addScaledInPlace(v, -this.lr); // p ← p − lr·v
    }
  }
}
