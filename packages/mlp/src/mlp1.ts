import { Identity, ReLU, type Activation } from "@mytorch/activation";
import { Linear } from "@mytorch/linear";
import type { Matrix } from "@mytorch/matrix";
import { chooseActivations, checkWidth, type MLPOptions } from "./options.js";

/**
 * MLP with one hidden layer (Problem 5(b)); ReLU after the hidden layer and
 * Identity after the output layer by default.
 *   H⁽¹⁾ = X·W⁽¹⁾ + 1·b⁽¹⁾ᵀ,   A⁽¹⁾ = φ₁(H⁽¹⁾)
 *   H⁽²⁾ = A⁽¹⁾·W⁽²⁾ + 1·b⁽²⁾ᵀ, A⁽²⁾ = φ₂(H⁽²⁾)
 * Shapes: X (N × inFeatures) → A⁽¹⁾ (N × hiddenFeatures) → A⁽²⁾ (N × outFeatures).
 */
export class MLP1 {
  layers: Linear[];
  activations: Activation[];

  constructor(inFeatures: number, hiddenFeatures: number, outFeatures: number, options: MLPOptions = {}) {
    checkWidth("MLP1", "inFeatures", inFeatures);
    checkWidth("MLP1", "hiddenFeatures", hiddenFeatures);
    checkWidth("MLP1", "outFeatures", outFeatures);
    const { rng } = options;
    this.layers = [new Linear(inFeatures, hiddenFeatures, { rng }), new Linear(hiddenFeatures, outFeatures, { rng })];
    this.activations = chooseActivations("MLP1", 2, options, () => [new ReLU(), new Identity()]);
  }

  /** X (N × inFeatures) → A⁽²⁾ (N × outFeatures). */
  forward(X: Matrix): Matrix {
    const [layer1, layer2] = this.layers as [Linear, Linear];
    const [phi1, phi2] = this.activations as [Activation, Activation];
    // BEGIN SOLUTION
    const A1 = phi1.forward(layer1.forward(X)); // A⁽¹⁾ = φ₁(X·W⁽¹⁾ + 1·b⁽¹⁾ᵀ)
    return phi2.forward(layer2.forward(A1)); //    A⁽²⁾ = φ₂(A⁽¹⁾·W⁽²⁾ + 1·b⁽²⁾ᵀ)
    // END SOLUTION
  }

  /** dL/dA⁽²⁾ (N × outFeatures) → dL/dX (N × inFeatures); fills both layers' dLdW and dLdb. */
  backward(dLdA2: Matrix): Matrix {
    const [layer1, layer2] = this.layers as [Linear, Linear];
    const [phi1, phi2] = this.activations as [Activation, Activation];
    // BEGIN SOLUTION
    const dLdH2 = dLdA2.mul(phi2.backward()); // dL/dH⁽²⁾ = dL/dA⁽²⁾ ⊙ dA⁽²⁾/dH⁽²⁾
    const dLdA1 = layer2.backward(dLdH2); //     dL/dA⁽¹⁾ = dL/dH⁽²⁾·W⁽²⁾ᵀ
    const dLdH1 = dLdA1.mul(phi1.backward()); // dL/dH⁽¹⁾ = dL/dA⁽¹⁾ ⊙ dA⁽¹⁾/dH⁽¹⁾
    return layer1.backward(dLdH1); //            dL/dX    = dL/dH⁽¹⁾·W⁽¹⁾ᵀ
    // END SOLUTION
  }
}
