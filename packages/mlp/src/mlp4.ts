import { Identity, ReLU, type Activation } from "@mytorch/activation";
import { Linear } from "@mytorch/linear";
import type { Matrix } from "@mytorch/matrix";
import { chooseActivations, checkWidth, type MLPOptions } from "./options.js";

/**
 * MLP with four hidden layers (Problem 5(c)); ReLU after each hidden layer and
 * Identity after the output layer by default. For l = 1 … 5:
 *   H⁽ˡ⁾ = A⁽ˡ⁻¹⁾·W⁽ˡ⁾ + 1·b⁽ˡ⁾ᵀ,   A⁽ˡ⁾ = φₗ(H⁽ˡ⁾),   A⁽⁰⁾ = X
 * Shapes: X (N × inFeatures) → hidden widths h₁ … h₄ → A⁽⁵⁾ (N × outFeatures).
 * `hiddenFeatures` is one width for all four hidden layers, or four widths.
 */
export class MLP4 {
  layers: Linear[];
  activations: Activation[];

  constructor(inFeatures: number, hiddenFeatures: number | readonly number[], outFeatures: number, options: MLPOptions = {}) {
    const hidden = typeof hiddenFeatures === "number" ? [hiddenFeatures, hiddenFeatures, hiddenFeatures, hiddenFeatures] : [...hiddenFeatures];
    if (hidden.length !== 4) {
      throw new RangeError(`MLP4: hiddenFeatures must be one width or 4 widths, got ${hidden.length} widths`);
    }
    checkWidth("MLP4", "inFeatures", inFeatures);
    hidden.forEach((h, l) => checkWidth("MLP4", `hiddenFeatures[${l}]`, h));
    checkWidth("MLP4", "outFeatures", outFeatures);
    const widths = [inFeatures, ...hidden, outFeatures];
    this.layers = widths.slice(1).map((out, l) => new Linear(widths[l]!, out, { rng: options.rng }));
    this.activations = chooseActivations("MLP4", 5, options, () => [new ReLU(), new ReLU(), new ReLU(), new ReLU(), new Identity()]);
  }

  /** X (N × inFeatures) → A⁽⁵⁾ (N × outFeatures). */
  forward(X: Matrix): Matrix {
    // BEGIN SOLUTION
    let A = X; // A⁽⁰⁾ = X
    this.layers.forEach((layer, l) => {
      A = this.activations[l]!.forward(layer.forward(A)); // A⁽ˡ⁾ = φₗ(A⁽ˡ⁻¹⁾·W⁽ˡ⁾ + 1·b⁽ˡ⁾ᵀ)
    });
    return A;
    // END SOLUTION
  }

  /** dL/dA⁽⁵⁾ (N × outFeatures) → dL/dX (N × inFeatures); fills every layer's dLdW and dLdb. */
  backward(dLdA5: Matrix): Matrix {
    // BEGIN SOLUTION
    let dLdA = dLdA5;
    for (let l = this.layers.length - 1; l >= 0; l--) {
      const dLdH = dLdA.mul(this.activations[l]!.backward()); // dL/dH⁽ˡ⁾ = dL/dA⁽ˡ⁾ ⊙ dA⁽ˡ⁾/dH⁽ˡ⁾
      dLdA = this.layers[l]!.backward(dLdH); //                  dL/dA⁽ˡ⁻¹⁾ = dL/dH⁽ˡ⁾·W⁽ˡ⁾ᵀ
    }
    return dLdA; // dL/dA⁽⁰⁾ = dL/dX
    // END SOLUTION
  }
}
