import type { Activation } from "@mytorch/activation";
import type { Matrix } from "@mytorch/matrix";

/**
 * Activations written here, independently of @mytorch/activation, so that
 * MLPTester checks the MLP code alone and does not depend on Problem 4.
 */
function elementwise(f: (h: number) => number, df: (h: number) => number): Activation {
  let H: Matrix | null = null;
  return {
    forward(input: Matrix): Matrix {
      H = input;
      return input.map(f);
    },
    backward(): Matrix {
      if (H === null) throw new Error("reference activation: backward before forward");
      return H.map(df);
    },
  };
}

const sigma = (h: number): number => (h >= 0 ? 1 / (1 + Math.exp(-h)) : Math.exp(h) / (1 + Math.exp(h)));

const REFERENCE: Record<string, () => Activation> = {
  identity: () => elementwise((h) => h, () => 1),
  relu: () => elementwise((h) => (h > 0 ? h : 0), (h) => (h > 0 ? 1 : 0)),
  sigmoid: () => elementwise(sigma, (h) => sigma(h) * (1 - sigma(h))),
  tanh: () => elementwise(Math.tanh, (h) => 1 - Math.tanh(h) ** 2),
};

/** Fresh reference activations by name ("identity", "relu", "sigmoid", "tanh"). */
export function referenceActivations(names: readonly string[]): Activation[] {
  return names.map((name) => {
    const make = REFERENCE[name];
    if (make === undefined) throw new Error(`referenceActivations: unknown activation "${name}" (identity, relu, sigmoid, tanh)`);
    return make();
  });
}
