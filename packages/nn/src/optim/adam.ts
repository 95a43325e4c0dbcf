import { Matrix } from "@mytorch/matrix";
import type { Parameter } from "../module.js";
import { Optimizer, checkNonNegative, checkUnitInterval } from "./optimizer.js";

/** Settings of Adam, as torch.optim.Adam. */
export interface AdamOptions {
  lr?: number; //                  η, default 0.001
  betas?: [number, number]; //     (β₁, β₂), each in [0, 1), default (0.9, 0.999)
  eps?: number; //                 ε ≥ 0, default 1e-8
  weightDecay?: number; //         λ ≥ 0 (L2 penalty added to the gradient), default 0
}

/**
 * Adam (Kingma & Ba 2015, Algorithm 1) over parameters(), as torch.optim.Adam (amsgrad off).
 * For each parameter P with gradient g, at step t = 1, 2, …:
 *   g ← g + λ·P
 *   m ← β₁·m + (1 − β₁)·g          v ← β₂·v + (1 − β₂)·g²        (m = v = 0 at first)
 *   m̂ = m / (1 − β₁ᵗ)              v̂ = v / (1 − β₂ᵗ)              (bias correction)
 *   P ← P − η·m̂ / (√v̂ + ε)
 * Computed in PyTorch's order: P ← P − (η / (1 − β₁ᵗ))·m / (√v / √(1 − β₂ᵗ) + ε).
 */
export class Adam extends Optimizer {
  readonly lr: number;
  readonly betas: readonly [number, number];
  readonly eps: number;
  readonly weightDecay: number;
  private t = 0;
  private readonly m: Matrix[];
  private readonly v: Matrix[];

  constructor(params: readonly Parameter[], options: AdamOptions = {}) {
    super("Adam", params);
    const { lr = 0.001, betas = [0.9, 0.999], eps = 1e-8, weightDecay = 0 } = options;
    checkNonNegative("Adam", "learning rate", lr);
    checkUnitInterval("Adam", "beta parameter at index 0", betas[0]);
    checkUnitInterval("Adam", "beta parameter at index 1", betas[1]);
    checkNonNegative("Adam", "epsilon value", eps);
    checkNonNegative("Adam", "weight_decay value", weightDecay);
    this.lr = lr;
    this.betas = [betas[0], betas[1]];
    this.eps = eps;
    this.weightDecay = weightDecay;
    this.m = this.params.map((p) => Matrix.zeros(p.value.rows, p.value.cols));
    this.v = this.params.map((p) => Matrix.zeros(p.value.rows, p.value.cols));
  }

  /** Steps taken so far. */
  get stepCount(): number {
    return this.t;
  }

  step(): void {
    const grads = this.params.map((_, index) => this.gradientOf("Adam.step", index));
    this.t += 1;
    const [beta1, beta2] = this.betas;
    const stepSize = this.lr / (1 - beta1 ** this.t); //        η / (1 − β₁ᵗ)
    const correction2Sqrt = Math.sqrt(1 - beta2 ** this.t); //   √(1 − β₂ᵗ)
    this.params.forEach((p, index) => {
      const P = p.value.data;
      const g = grads[index]!.data;
      const m = this.m[index]!.data;
      const v = this.v[index]!.data;
      for (let k = 0; k < P.length; k++) {
        const gk = this.weightDecay === 0 ? g[k]! : g[k]! + this.weightDecay * P[k]!;
        m[k] = beta1 * m[k]! + (1 - beta1) * gk;
        v[k] = beta2 * v[k]! + (1 - beta2) * gk * gk;
        const denom = Math.sqrt(v[k]!) / correction2Sqrt + this.eps;
        P[k] = P[k]! - stepSize * (m[k]! / denom);
      }
    });
  }
}
