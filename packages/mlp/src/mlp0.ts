import { Identity, type Activation } from "@mytorch/activation";
import { Linear } from "@mytorch/linear";
import type { Matrix } from "@mytorch/matrix";
import { chooseActivations, checkWidth, type MLPOptions } from "./options.js";

/**
 * MLP with no hidden layer (Problem 5(a)): one linear layer, then φ (Identity by default).
 *   H⁽¹⁾ = X·W⁽¹⁾ + 1_N·b⁽¹⁾ᵀ,   A⁽¹⁾ = φ(H⁽¹⁾)
 * Shapes: X (N × inFeatures) → A⁽¹⁾ (N × outFeatures).
 */
export class MLP0 {
  layers: Linear[];
  activations: Activation[];

  constructor(inFeatures: number, outFeatures: number, options: MLPOptions = {}) {
    checkWidth("MLP0", "inFeatures", inFeatures);
    checkWidth("MLP0", "outFeatures", outFeatures);
    this.layers = [new Linear(inFeatures, outFeatures, { rng: options.rng })];
    this.activations = chooseActivations("MLP0", 1, options, () => [new Identity()]);
  }

  /** X (N × inFeatures) → A⁽¹⁾ (N × outFeatures). */
  forward(X: Matrix): Matrix {
    // BEGIN SOLUTION
    const H1 = this.layers[0]!.forward(X); // H⁽¹⁾ = X·W⁽¹⁾ + 1·b⁽¹⁾ᵀ
    return this.activations[0]!.forward(H1); // A⁽¹⁾ = φ(H⁽¹⁾)
    // END SOLUTION
  }

  /** dL/dA⁽¹⁾ (N × outFeatures) → dL/dX (N × inFeatures); fills dLdW and dLdb. */
  backward(dLdA1: Matrix): Matrix {
    // BEGIN SOLUTION
    const dLdH1 = dLdA1.mul(this.activations[0]!.backward()); // dL/dH⁽¹⁾ = dL/dA⁽¹⁾ ⊙ dA⁽¹⁾/dH⁽¹⁾
    return this.layers[0]!.backward(dLdH1); //                 dL/dX, storing dL/dW⁽¹⁾ and dL/db⁽¹⁾
    // END SOLUTION
  }
}
