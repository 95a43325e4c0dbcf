import { Matrix, type Rng } from "@mytorch/matrix";

/** Makes an inFeatures × outFeatures weight matrix. */
export type Initializer = (inFeatures: number, outFeatures: number, rng: Rng) => Matrix;

/**
 * Weight initialisers for W (inFeatures × outFeatures), with n_in = inFeatures
 * and n_out = outFeatures:
 *
 * | name             | distribution                                   | from                    |
 * |------------------|------------------------------------------------|-------------------------|
 * | glorotUniform    | U(−a, a), a = √(6 / (n_in + n_out))            | Glorot & Bengio (2010)  |
 * | glorotNormal     | N(0, 2 / (n_in + n_out))                       | Glorot & Bengio (2010)  |
 * | kaimingUniform   | U(−a, a), a = √(6 / n_in)                      | He et al. (2015), ReLU  |
 * | kaimingNormal    | N(0, 2 / n_in)                                 | He et al. (2015), ReLU  |
 * | homework         | N(0, 0.01), i.e. standard deviation 0.1        | the homework's Linear   |
 * | standardNormal   | N(0, 1)                                        | seed 003's experiment   |
 * | zeros            | 0                                              | seed 003's experiment   |
 */
export const initializers = {
  glorotUniform: (n_in, n_out, rng) => uniform(n_in, n_out, Math.sqrt(6 / (n_in + n_out)), rng),
  glorotNormal: (n_in, n_out, rng) => Matrix.randn(n_in, n_out, { rng, std: Math.sqrt(2 / (n_in + n_out)) }),
  kaimingUniform: (n_in, n_out, rng) => uniform(n_in, n_out, Math.sqrt(6 / n_in), rng),
  kaimingNormal: (n_in, n_out, rng) => Matrix.randn(n_in, n_out, { rng, std: Math.sqrt(2 / n_in) }),
  homework: (n_in, n_out, rng) => Matrix.randn(n_in, n_out, { rng, std: 0.1 }),
  standardNormal: (n_in, n_out, rng) => Matrix.randn(n_in, n_out, { rng }),
  zeros: (n_in, n_out) => Matrix.zeros(n_in, n_out),
} satisfies Record<string, Initializer>;

/** The name of a built-in initialiser. */
export type InitializerName = keyof typeof initializers;

/** The initialiser for a name or a function; a RangeError listing the names otherwise. */
export function resolveInitializer(call: string, init: InitializerName | Initializer): Initializer {
  if (typeof init === "function") return init;
  if (typeof init === "string" && Object.hasOwn(initializers, init)) return initializers[init];
  throw new RangeError(`${call}: unknown init ${JSON.stringify(init)}; expected one of ${Object.keys(initializers).join(", ")} or a function`);
}

function uniform(rows: number, cols: number, a: number, rng: Rng): Matrix {
  return Matrix.rand(rows, cols, { rng, low: -a, high: a });
}
