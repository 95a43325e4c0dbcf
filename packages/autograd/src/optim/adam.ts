import { Matrix } from "@mytorch/matrix";
import type { Tensor } from "../tensor.js";
import { Optimizer, checkSetting } from "./optimizer.js";

/** Options of Adam. */
export interface AdamOptions {
  /** Learning rate (default 0.001). */
  lr?: number;
  /** Decay rates of the first and second moment estimates (default [0.9, 0.999]). */
  betas?: readonly [number, number];
  /** Added to the denominator (default 1e-8). */
  eps?: number;
}

interface AdamState {
  step: number;
  m: Matrix;
  v: Matrix;
}

/**
 * Adam (Kingma & Ba, 2015), as PyTorch's torch.optim.Adam without weight decay.
 * With g = ∂L/∂p and t the step number of p:
 *   m ← β₁·m + (1 − β₁)·g,   v ← β₂·v + (1 − β₂)·g²
 *   p ← p − (lr / (1 − β₁ᵗ)) · m ⊘ (√v / √(1 − β₂ᵗ) + ε)
 */
export class Adam extends Optimizer {
  readonly lr: number;
  readonly betas: readonly [number, number];
  readonly eps: number;
  private readonly state = new Map<Tensor, AdamState>();

  constructor(params: Iterable<Tensor>, options: AdamOptions = {}) {
    super("Adam", params);
    const { lr = 0.001, betas = [0.9, 0.999], eps = 1e-8 } = options;
    checkSetting("Adam", "learning rate", lr, (v) => Number.isFinite(v) && v >= 0);
    checkSetting("Adam", "beta parameter at index 0", betas[0], (v) => v >= 0 && v < 1);
    checkSetting("Adam", "beta parameter at index 1", betas[1], (v) => v >= 0 && v < 1);
    checkSetting("Adam", "epsilon value", eps, (v) => Number.isFinite(v) && v >= 0);
    this.lr = lr;
    this.betas = [betas[0], betas[1]];
    this.eps = eps;
  }

  step(): void {
    const [beta1, beta2] = this.betas;
    for (const p of this.params) {
      if (!p.hasGrad) continue;
      const G = p.grad.data;
      let s = this.state.get(p);
      if (s === undefined) {
        s = { step: 0, m: Matrix.zeros(p.rows, p.cols), v: Matrix.zeros(p.rows, p.cols) };
        this.state.set(p, s);
      }
      s.step += 1;
      const correction1 = 1 - beta1 ** s.step;
      const correction2 = Math.sqrt(1 - beta2 ** s.step);
      const stepSize = this.lr / correction1;
      const M = s.m.data, V = s.v.data, P = p.value.data;
      for (let k = 0; k < P.length; k++) {
        const g = G[k]!;
        M[k] = beta1 * M[k]! + (1 - beta1) * g; //     m ← β₁m + (1 − β₁)g
        V[k] = beta2 * V[k]! + (1 - beta2) * g * g; // v ← β₂v + (1 − β₂)g²
        P[k] -= (stepSize * M[k]!) / (Math.sqrt(V[k]!) / correction2 + this.eps);
      }
    }
  }
}
