import type { Activation } from "@mytorch/activation";
import type { Matrix } from "@mytorch/matrix";

/**
 * Activations for MLPTester, written here independently of @mytorch/activation
 * so that the notebook checks the MLP code alone and does not depend on
 * Problem 4. They are deliberately NOT the graded ones (Sigmoid, Tanh, ReLU):
 * the handout ships no working answer to a graded method, not even in a
 * notebook helper. PyTorch has each of them (torch.sin, F.softsign, F.elu),
 * so the MLP fixtures can use them.
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

const REFERENCE: Record<string, () => Activation> = {
  identity: () => elementwise((h) => h, () => 1),
  sin: () => elementwise(Math.sin, Math.cos),
  softsign: () => elementwise((h) => h / (1 + Math.abs(h)), (h) => 1 / (1 + Math.abs(h)) ** 2),
  elu: () => elementwise((h) => (h > 0 ? h : Math.expm1(h)), (h) => (h > 0 ? 1 : Math.exp(h))),
};

/** The names referenceActivations knows. */
export const REFERENCE_ACTIVATIONS: readonly string[] = Object.keys(REFERENCE);

/** True when every name has a reference activation here. */
export function hasReferenceActivations(names: readonly string[]): boolean {
  return names.every((name) => name in REFERENCE);
}

/** Fresh reference activations by name ("identity", "sin", "softsign", "elu"). */
export function referenceActivations(names: readonly string[]): Activation[] {
  return names.map((name) => {
    const make = REFERENCE[name];
    if (make === undefined) throw new Error(`referenceActivations: no reference activation "${name}" (${REFERENCE_ACTIVATIONS.join(", ")})`);
    return make();
  });
}
