import { Matrix, defaultRng, type Rng } from "@mytorch/matrix";
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

  constructor(p = 0.5, options: DropoutOptions = {}) {
    super("Dropout");
    if (typeof p !== "number" || !(p >= 0 && p < 1)) {
      throw new RangeError(`Dropout: invalid dropout probability: ${p} (must be in [0, 1))`);
    }
    this.p = p;
    this.rng = options.rng ?? defaultRng();
  }

  forward(X: Matrix): Matrix {
    this.rememberShape(X);
    if (!this.training || this.p === 0) {
      this.mask = null;
      return X;
    }
    const scale = 1 / (1 - this.p);
    const mask = new Matrix(X.rows, X.cols);
    for (let k = 0; k < mask.data.length; k++) mask.data[k] = this.rng.uniform() < this.p ? 0 : scale;
    this.mask = mask;
    return X.mul(mask); // Y = X ⊙ M
  }

  backward(dLdY: Matrix): Matrix {
    this.checkGradient(dLdY, "dLdY");
    return this.mask === null ? dLdY : dLdY.mul(this.mask); // dL/dX = dL/dY ⊙ M
  }

  /** The mask of the last train-mode forward (0 or 1/(1 − p) entries), or null. */
  lastMask(): Matrix | null {
    return this.mask;
  }
}
