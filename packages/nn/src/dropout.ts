import { defaultRng, zipInto, type Matrix, type Rng } from "@mytorch/matrix";
import { outputBuffer } from "./module.js";
import { ParameterFreeModule } from "./parameter-free-module.js";

/** Options for Dropout. */
export interface DropoutOptions {
  /** Where the masks come from (the default Rng if omitted). */
  rng?: Rng;
}

/**
 * Inverted dropout with drop probability p.
 *   train: M[i][j] = 0 with probability p, else 1/(1 − p) (one uniform draw per entry, row-major);
 *          Y = X ⊙ M, and backward gives dL/dX = dL/dY ⊙ M, so E[Y] = X.
 *   eval:  Y = X, dL/dX = dL/dY (identity).
 * Shapes: X (N × h) → Y (N × h). No parameters. p in [0, 1).
 */
export class Dropout extends ParameterFreeModule {
  readonly p: number;
  private readonly rng: Rng;
  /** The mask of the last forward in train mode; null after an eval-mode forward. */
  private mask: Matrix | null = null;
  /** The mask's storage, reused by the next train-mode forward of the same shape. */
  private maskBuffer: Matrix | undefined;

  constructor(p = 0.5, options: DropoutOptions = {}) {
    super("Dropout");
    if (typeof p !== "number" || !(p >= 0 && p < 1)) {
      throw new RangeError(`Dropout: invalid dropout probability: ${p} (must be in [0, 1))`);
    }
    this.p = p;
    this.rng = options.rng ?? defaultRng();
  }

  forward(X: Matrix, out?: Matrix): Matrix {
    this.rememberShape(X);
    if (!this.training || this.p === 0) {
      this.mask = null;
      return X;
    }
    const scale = 1 / (1 - this.p);
    const mask = outputBuffer(this.maskBuffer, X.rows, X.cols);
    this.maskBuffer = mask;
    for (let k = 0; k < mask.data.length; k++) mask.data[k] = this.rng.uniform() < this.p ? 0 : scale;
    this.mask = mask;
    return zipInto("Dropout.forward", X, mask, outputBuffer(out, X.rows, X.cols), times); // Y = X ⊙ M
  }

  backward(dLdY: Matrix, out?: Matrix): Matrix {
    this.checkGradient(dLdY, "dLdY");
    if (this.mask === null) return dLdY;
    return zipInto("Dropout.backward", dLdY, this.mask, outputBuffer(out, dLdY.rows, dLdY.cols), times); // dL/dX = dL/dY ⊙ M
  }

  /** The mask of the last train-mode forward (0 or 1/(1 − p) entries), or null; the next forward overwrites it. */
  lastMask(): Matrix | null {
    return this.mask;
  }
}

const times = (x: number, y: number): number => x * y;
