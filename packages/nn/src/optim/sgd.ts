import type { Parameter } from "../module.js";
import { Optimizer, checkNonNegative, checkUnitInterval } from "./optimizer.js";

/** Settings of SGD, as torch.optim.SGD (dampening 0). */
export interface SGDOptions {
  lr?: number; //            η, default 0.01
  momentum?: number; //      μ in [0, 1), default 0
  nesterov?: boolean; //     default false; needs μ > 0
  weightDecay?: number; //   λ ≥ 0 (L2 penalty added to the gradient), default 0
}

/**
 * Stochastic gradient descent over parameters(), as torch.optim.SGD with dampening 0.
 * For each parameter P with gradient g, at step t:
 *   g ← g + λ·P                                   (weight decay)
 *   v ← g at t = 1, else v ← μ·v + g              (momentum, μ > 0)
 *   d ← g + μ·v (Nesterov) or d ← v (μ > 0) or d ← g (μ = 0)
 *   P ← P − η·d
 * Parameters are updated in place.
 *
 * @example
 * const optimizer = new SGD(model.parameters(), { lr: 0.05, momentum: 0.9 });
 * optimizer.zeroGrad(); model.backward(loss.backward()); optimizer.step();
 */
export class SGD extends Optimizer {
  readonly lr: number;
  readonly momentum: number;
  readonly nesterov: boolean;
  readonly weightDecay: number;
  /** v per parameter, created at its first step (v = g then). */
  private readonly velocities: (Float64Array | null)[];

  constructor(params: readonly Parameter[], options: SGDOptions = {}) {
    super("SGD", params);
    const { lr = 0.01, momentum = 0, nesterov = false, weightDecay = 0 } = options;
    checkNonNegative("SGD", "learning rate", lr);
    checkUnitInterval("SGD", "momentum value", momentum);
    checkNonNegative("SGD", "weight_decay value", weightDecay);
    if (nesterov && momentum === 0) throw new RangeError("SGD: Nesterov momentum requires a momentum > 0, got momentum 0");
    this.lr = lr;
    this.momentum = momentum;
    this.nesterov = nesterov;
    this.weightDecay = weightDecay;
    this.velocities = this.params.map(() => null);
  }

  /** One update of every parameter, entry by entry and in place: no matrix is allocated after the first step. */
  step(): void {
    const grads = this.params.map((_, index) => this.gradientOf("SGD.step", index));
    const { lr, momentum: mu, nesterov, weightDecay: lambda } = this;
    this.params.forEach((p, index) => {
      const P = p.value.data, g = grads[index]!.data;
      if (mu === 0) {
        for (let k = 0; k < P.length; k++) P[k] = P[k]! - lr * (lambda === 0 ? g[k]! : g[k]! + lambda * P[k]!); // P ← P − η·(g + λ·P)
        return;
      }
      const first = this.velocities[index] === null;
      const v = (this.velocities[index] ??= new Float64Array(P.length));
      for (let k = 0; k < P.length; k++) {
        const d = lambda === 0 ? g[k]! : g[k]! + lambda * P[k]!; // g + λ·P
        const vk = first ? d : mu * v[k]! + d; //                   v = μ·v + g (g at the first step)
        v[k] = vk;
        P[k] = P[k]! - lr * (nesterov ? d + mu * vk : vk); //       P ← P − η·(g + μ·v or v)
      }
    });
  }
}
