// Two modules whose nn versions call Math.tanh and Math.pow, which differ in the last bit between
// Node 20 and Chromium (see portable-math.ts). The same formulas as nn's Tanh and Adam, over
// arithmetic every engine agrees on, so a run gives the same doubles in the page and in Node.
import { Matrix } from "@mytorch/matrix";
import { ActivationModule, Optimizer, type Parameter } from "@mytorch/nn";
import { tanh } from "./portable-math.js";

/** A = tanh(H); dA/dH = 1 − tanh²(H): nn's Tanh with fdlibm's tanh (Node 20's Math.tanh, to the bit). */
export class Tanh extends ActivationModule {
  constructor() {
    super("Tanh");
  }

  protected apply(H: Float64Array, A: Float64Array): void {
    for (let k = 0; k < H.length; k++) A[k] = tanh(H[k]!);
  }

  protected gradient(H: Float64Array, dLdA: Float64Array, dLdH: Float64Array): void {
    for (let k = 0; k < H.length; k++) {
      const t = tanh(H[k]!);
      dLdH[k] = dLdA[k]! * (1 - t * t);
    }
  }
}

/**
 * nn's Adam (torch.optim.Adam, amsgrad off) with β₁ᵗ and β₂ᵗ kept as running products
 * (β·β·…·β, exact IEEE arithmetic) instead of β ** t:
 *   g ← g + λ·P;  m ← β₁·m + (1 − β₁)·g;  v ← β₂·v + (1 − β₂)·g²
 *   P ← P − (η / (1 − β₁ᵗ))·m / (√v / √(1 − β₂ᵗ) + ε)
 */
export class Adam extends Optimizer {
  readonly lr: number;
  readonly betas: readonly [number, number];
  readonly eps: number;
  readonly weightDecay: number;
  private t = 0;
  private beta1Power = 1;
  private beta2Power = 1;
  private readonly m: Matrix[];
  private readonly v: Matrix[];

  constructor(params: readonly Parameter[], options: { lr?: number; betas?: [number, number]; eps?: number; weightDecay?: number } = {}) {
    super("Adam", params);
    const { lr = 0.001, betas = [0.9, 0.999], eps = 1e-8, weightDecay = 0 } = options;
    if (!(lr >= 0)) throw new RangeError(`Adam: Invalid learning rate: ${lr}`);
    if (!(weightDecay >= 0)) throw new RangeError(`Adam: Invalid weight_decay value: ${weightDecay}`);
    this.lr = lr;
    this.betas = [betas[0], betas[1]];
    this.eps = eps;
    this.weightDecay = weightDecay;
    this.m = this.params.map((p) => Matrix.zeros(p.value.rows, p.value.cols));
    this.v = this.params.map((p) => Matrix.zeros(p.value.rows, p.value.cols));
  }

  get stepCount(): number {
    return this.t;
  }

  step(): void {
    const grads = this.params.map((_, index) => this.gradientOf("Adam.step", index));
    const [beta1, beta2] = this.betas;
    this.t += 1;
    this.beta1Power *= beta1; //                                  β₁ᵗ
    this.beta2Power *= beta2; //                                  β₂ᵗ
    const stepSize = this.lr / (1 - this.beta1Power); //          η / (1 − β₁ᵗ)
    const correction2Sqrt = Math.sqrt(1 - this.beta2Power); //    √(1 − β₂ᵗ)
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
