import { Matrix, type Rng } from "@mytorch/matrix";

/**
 * How a Linear layer's W (fanIn × fanOut = inFeatures × outFeatures) is drawn. b is always 0.
 * Fans as in PyTorch: fanIn = inFeatures, fanOut = outFeatures; gain √2 (ReLU) for Kaiming.
 *
 * | init             | distribution of each W entry                         | variance              |
 * |------------------|------------------------------------------------------|-----------------------|
 * | "homework"       | N(0, 0.01) (the homework's Linear, the default)      | 0.01                  |
 * | "kaimingNormal"  | N(0, σ²), σ = √2 / √fanIn                            | 2 / fanIn             |
 * | "kaimingUniform" | U(−B, B), B = √2 · √(3 / fanIn) = √(6 / fanIn)       | 2 / fanIn             |
 * | "glorotNormal"   | N(0, σ²), σ = √(2 / (fanIn + fanOut))                | 2 / (fanIn + fanOut)  |
 * | "glorotUniform"  | U(−B, B), B = √(6 / (fanIn + fanOut))                | 2 / (fanIn + fanOut)  |
 * | "standardNormal" | N(0, 1)                                              | 1                     |
 * | "zeros"          | 0                                                    | 0                     |
 *
 * PyTorch: init.kaiming_normal_(w, nonlinearity="relu"), kaiming_uniform_(w, nonlinearity="relu"),
 * xavier_normal_, xavier_uniform_, normal_, zeros_ on the (outFeatures × inFeatures) weight.
 */
export type InitName =
  | "homework"
  | "kaimingNormal"
  | "kaimingUniform"
  | "glorotNormal"
  | "glorotUniform"
  | "standardNormal"
  | "zeros";

export const INIT_NAMES: readonly InitName[] = [
  "homework",
  "kaimingNormal",
  "kaimingUniform",
  "glorotNormal",
  "glorotUniform",
  "standardNormal",
  "zeros",
];

/** The variance of one entry of W under `init`, by the formula in the table above. */
export function initVariance(init: InitName, fanIn: number, fanOut: number): number {
  switch (init) {
    case "homework":
      return 0.01;
    case "kaimingNormal":
    case "kaimingUniform":
      return 2 / fanIn;
    case "glorotNormal":
    case "glorotUniform":
      return 2 / (fanIn + fanOut);
    case "standardNormal":
      return 1;
    case "zeros":
      return 0;
  }
}

/** A fresh fanIn × fanOut weight matrix drawn by `init` from `rng`. */
export function initWeight(init: InitName, fanIn: number, fanOut: number, rng: Rng): Matrix {
  if (!INIT_NAMES.includes(init)) {
    throw new TypeError(`initWeight: init must be one of ${INIT_NAMES.join(", ")}, got ${String(init)}`);
  }
  const variance = initVariance(init, fanIn, fanOut);
  switch (init) {
    case "zeros":
      return Matrix.zeros(fanIn, fanOut);
    case "kaimingUniform":
    case "glorotUniform": {
      const bound = Math.sqrt(3 * variance); // U(−B, B) has variance B² / 3
      return Matrix.rand(fanIn, fanOut, { rng, low: -bound, high: bound });
    }
    default:
      return Matrix.randn(fanIn, fanOut, { rng, std: Math.sqrt(variance) });
  }
}
