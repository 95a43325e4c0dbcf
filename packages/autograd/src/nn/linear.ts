import { Matrix, ShapeError, defaultRng, shapeOf, type Rng } from "@mytorch/matrix";
import { Tensor } from "../tensor.js";
import { resolveInitializer, type Initializer, type InitializerName } from "./init.js";
import { Module } from "./module.js";

/** Options of nn Linear. */
export interface LinearOptions {
  /** How W is drawn (default "glorotUniform"); b starts at 0. */
  init?: InitializerName | Initializer;
  /** Where the initial weights come from (the default Rng if omitted). */
  rng?: Rng;
  /** Whether the layer has a bias (default true). */
  bias?: boolean;
}

/**
 * Fully connected layer on tensors: O = X·W + 1_N·bᵀ.
 * Shapes: X (N × inFeatures) → O (N × outFeatures).
 * Parameters: W (inFeatures × outFeatures), Glorot-uniform by default (other
 * initialisers by option: "homework" for N(0, 0.01), "kaimingNormal", …);
 * b (1 × outFeatures) = 0, broadcast over the rows by `add`, whose backward
 * sums ∂L/∂O over the batch.
 */
export class Linear extends Module {
  readonly inFeatures: number;
  readonly outFeatures: number;
  W: Tensor;
  b: Tensor | null;

  constructor(inFeatures: number, outFeatures: number, options: LinearOptions = {}) {
    super();
    if (!Number.isInteger(inFeatures) || inFeatures < 1 || !Number.isInteger(outFeatures) || outFeatures < 1) {
      throw new RangeError(`Linear: inFeatures and outFeatures must be integers ≥ 1, got ${inFeatures} and ${outFeatures}`);
    }
    const { init = "glorotUniform", rng = defaultRng(), bias = true } = options;
    this.inFeatures = inFeatures;
    this.outFeatures = outFeatures;
    const weights = resolveInitializer("Linear", init)(inFeatures, outFeatures, rng);
    if (weights.rows !== inFeatures || weights.cols !== outFeatures) {
      throw new ShapeError(`Linear: init must return ${inFeatures}×${outFeatures}, got ${shapeOf(weights)}`);
    }
    this.W = new Tensor(weights, { name: "W" });
    this.b = bias ? new Tensor(Matrix.zeros(1, outFeatures), { name: "b" }) : null;
  }

  /** O = X·W + 1·bᵀ. X (N × inFeatures) → O (N × outFeatures). */
  forward(x: Tensor): Tensor {
    if (x.cols !== this.inFeatures) {
      throw new ShapeError(`Linear.forward: X must be N×${this.inFeatures} (inFeatures = ${this.inFeatures}), got ${shapeOf(x.value)}`);
    }
    const o = x.matmul(this.W); // X·W
    return this.b === null ? o : o.add(this.b); // + 1·bᵀ
  }
}
