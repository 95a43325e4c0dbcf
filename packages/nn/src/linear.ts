import { Linear as HomeworkLinear } from "@mytorch/linear";
import {
  type Matrix, createRng, defaultRng, matmulInto, matmulTransposeInto, sumRowsInto, transposeMatmulInto, type Rng,
} from "@mytorch/matrix";
import { initWeight, type InitName } from "./init.js";
import { liveParameter, outputBuffer, type Module, type Parameter } from "./module.js";

/** Options for nn.Linear. */
export interface LinearOptions {
  /** Where the initial weights come from (the default Rng if omitted). */
  rng?: Rng;
  /** How W is drawn (see init.ts for the formulas); "homework" N(0, 0.01) by default. b is 0. */
  init?: InitName;
}

/**
 * Fully connected layer as a Module: the homework's Linear (W, b, dLdW, dLdb, the same
 * O = A·W + 1_N·bᵀ and gradients, to the bit) plus parameters(), train()/eval(), a choice of
 * initialiser, and a training step that allocates nothing:
 *   forward(A, out?)        O = A·W + 1_N·bᵀ, written into out when given
 *   backward(dLdO, out?)    dLdW = Aᵀ·dLdO, dLdb = 1_Nᵀ·dLdO (into the layer's own buffers), returns dL/dA = dLdO·Wᵀ
 *   backwardParameters(dLdO)  dLdW and dLdb only (for the first layer: nobody needs dL/dX)
 * Shapes: A (N × inFeatures) → O (N × outFeatures); W (inFeatures × outFeatures); b (1 × outFeatures).
 * dLdW and dLdb are overwritten in place by every backward, like a PyTorch parameter's .grad.
 * With init "homework" and the same rng it draws exactly the homework layer's W.
 *
 * @example
 * const layer = new Linear(2, 25, { init: "kaimingNormal", rng: createRng(0) });
 */
export class Linear extends HomeworkLinear implements Module {
  readonly init: InitName;
  training = true;
  private readonly params: Parameter[];
  /** The input of the last forward, kept for backward. */
  private input: Matrix | null = null;
  /** The gradient buffers backward writes into (dLdW and dLdb point at them after a backward). */
  private readonly gradW: Matrix;
  private readonly gradB: Matrix;

  constructor(inFeatures: number, outFeatures: number, options: LinearOptions = {}) {
    const init = options.init ?? "homework";
    const rng = options.rng ?? defaultRng();
    // The homework constructor draws W ~ N(0, 0.01) from the rng it gets; for another init
    // give it a throwaway generator so the caller's stream only feeds the chosen initialiser.
    super(inFeatures, outFeatures, { rng: init === "homework" ? rng : createRng(0) });
    this.init = init;
    if (init !== "homework") this.W = initWeight(init, inFeatures, outFeatures, rng);
    this.gradW = this.dLdW; // the homework constructor's zero gradients become the layer's buffers
    this.gradB = this.dLdb;
    // Getters: users may reassign W, b, dLdW and dLdb; backward points dLdW / dLdb back at the buffers.
    this.params = [
      liveParameter("W", () => this.W, () => this.dLdW),
      liveParameter("b", () => this.b, () => this.dLdb),
    ];
  }

  /** O = A·W + 1_N·bᵀ. A (N × inFeatures) → O (N × outFeatures), into out if it is N × outFeatures. */
  override forward(A: Matrix, out?: Matrix): Matrix {
    this.checkForward(A);
    this.input = A;
    const O = matmulInto(A, this.W, outputBuffer(out, A.rows, this.outFeatures)); // A·W
    const o = O.data, b = this.b.data, h = this.outFeatures;
    for (let i = 0; i < o.length; i += h) for (let j = 0; j < h; j++) o[i + j] += b[j]!; // + 1_N·bᵀ
    return O;
  }

  /** dLdO (N × outFeatures) → dL/dA = dLdO·Wᵀ (N × inFeatures, into out if it fits); fills dLdW and dLdb. */
  override backward(dLdO: Matrix, out?: Matrix): Matrix {
    this.backwardParameters(dLdO);
    return matmulTransposeInto(dLdO, this.W, outputBuffer(out, dLdO.rows, this.inFeatures)); // dL/dA = dL/dO·Wᵀ
  }

  /** dLdW = Aᵀ·dLdO and dLdb = 1_Nᵀ·dLdO, without dL/dA. */
  backwardParameters(dLdO: Matrix): void {
    const A = this.checkBackward(this.input, dLdO);
    this.checkParameters("backward");
    this.dLdW = transposeMatmulInto(A, dLdO, this.gradW); // dL/dW = Aᵀ·dL/dO
    this.dLdb = sumRowsInto(dLdO, this.gradB); //           dL/db = Σₙ dL/dO
  }

  /** [W, b] with their gradients dLdW, dLdb (read when used). */
  parameters(): Parameter[] {
    return [...this.params];
  }

  train(): this {
    this.training = true;
    return this;
  }

  eval(): this {
    this.training = false;
    return this;
  }
}
