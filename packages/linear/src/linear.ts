import { Matrix, ShapeError, defaultRng, shapeOf, type Rng } from "@mytorch/matrix";

/** Options for a Linear layer. */
export interface LinearOptions {
  /** Where the initial weights come from (the default Rng if omitted). */
  rng?: Rng;
}

/**
 * Fully connected layer (Problem 1): O = A·W + 1_N·bᵀ
 *
 * Shapes: A (N × inFeatures) → O (N × outFeatures).
 * Parameters: W (inFeatures × outFeatures) ~ N(0, 0.01), that is standard
 * deviation 0.1; b (1 × outFeatures) = 0.
 * After backward: dLdW (shape of W), dLdb (shape of b).
 *
 * @example
 * const layer = new Linear(3, 2, { rng: createRng(0) });
 * const O = layer.forward(Matrix.fromArray([[1, 2, 3]]));   // 1×2
 * const dLdA = layer.backward(Matrix.fromArray([[1, -1]])); // 1×3
 */
export class Linear {
  readonly inFeatures: number;
  readonly outFeatures: number;
  W!: Matrix;
  b!: Matrix;
  dLdW: Matrix;
  dLdb: Matrix;
  /** The input of the last forward, kept for backward. */
  private A: Matrix | null = null;

  constructor(inFeatures: number, outFeatures: number, options: LinearOptions = {}) {
    if (!Number.isInteger(inFeatures) || inFeatures < 1 || !Number.isInteger(outFeatures) || outFeatures < 1) {
      throw new RangeError(`Linear: inFeatures and outFeatures must be integers ≥ 1, got ${inFeatures} and ${outFeatures}`);
    }
    this.inFeatures = inFeatures;
    this.outFeatures = outFeatures;
    this.dLdW = Matrix.zeros(inFeatures, outFeatures);
    this.dLdb = Matrix.zeros(1, outFeatures);
    // BEGIN SOLUTION
    const rng = options.rng ?? defaultRng(); // the caller's Rng, or the default one
    this.W = Matrix.randn(inFeatures, outFeatures, { rng, std: Math.sqrt(0.01) }); // W ~ N(0, 0.01)
    this.b = Matrix.zeros(1, outFeatures); // b = 0
    // END SOLUTION
  }

  /** O = A·W + 1_N·bᵀ. A (N × inFeatures) → O (N × outFeatures). */
  forward(A: Matrix): Matrix {
    this.checkForward(A);
    // BEGIN SOLUTION
    this.A = A;
    return A.matmul(this.W).addRow(this.b); // O = A·W + 1·bᵀ
    // END SOLUTION
  }

  /**
   * Backward pass. dLdO (N × outFeatures) → dL/dA (N × inFeatures);
   * stores dLdW = Aᵀ·dLdO and dLdb = 1_Nᵀ·dLdO.
   */
  backward(dLdO: Matrix): Matrix {
    const A = this.checkBackward(this.A, dLdO);
    // BEGIN SOLUTION
    this.dLdW = A.transposeMatmul(dLdO); // dL/dW = Aᵀ·dL/dO
    this.dLdb = dLdO.sumRows(); //          dL/db = Σₙ dL/dO (a 1×h row)
    return dLdO.matmulTranspose(this.W); // dL/dA = dL/dO·Wᵀ
    // END SOLUTION
  }

  /** Throws unless A is N × inFeatures and W, b still fit the layer. */
  protected checkForward(A: Matrix): void {
    if (A.cols !== this.inFeatures) {
      throw new ShapeError(`Linear.forward: A must be N×${this.inFeatures} (inFeatures = ${this.inFeatures}), got ${shapeOf(A)}`);
    }
    this.checkParameters("forward");
  }

  /** Throws unless forward ran (A, its input, is kept) and dLdO has the last output's shape; returns A. */
  protected checkBackward(A: Matrix | null, dLdO: Matrix): Matrix {
    if (A === null) throw new Error("Linear.backward: call forward first");
    if (dLdO.rows !== A.rows || dLdO.cols !== this.outFeatures) {
      throw new ShapeError(`Linear.backward: dLdO must be ${A.rows}×${this.outFeatures} (the shape of the last output), got ${shapeOf(dLdO)}`);
    }
    return A;
  }

  /** W and b may be reassigned by users; make sure they still fit the layer. */
  protected checkParameters(call: string): void {
    if (this.W.rows !== this.inFeatures || this.W.cols !== this.outFeatures) {
      throw new ShapeError(`Linear.${call}: W must be ${this.inFeatures}×${this.outFeatures}, got ${shapeOf(this.W)}`);
    }
    if (this.b.rows !== 1 || this.b.cols !== this.outFeatures) {
      throw new ShapeError(`Linear.${call}: b must be 1×${this.outFeatures}, got ${shapeOf(this.b)}`);
    }
  }
}
