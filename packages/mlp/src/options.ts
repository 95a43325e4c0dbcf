import type { Activation } from "@mytorch/activation";
import type { Rng } from "@mytorch/matrix";

/** Options shared by MLP0, MLP1 and MLP4. */
export interface MLPOptions {
  /** Where the initial weights come from (the default Rng if omitted). */
  rng?: Rng;
  /** One activation per layer, replacing the defaults. */
  activations?: Activation[];
}

/** The activations to use: the caller's (checked for count) or the defaults. */
export function chooseActivations(call: string, layerCount: number, options: MLPOptions, defaults: () => Activation[]): Activation[] {
  if (options.activations === undefined) return defaults();
  if (options.activations.length !== layerCount) {
    throw new RangeError(`${call}: activations must have one entry per layer (${layerCount}), got ${options.activations.length}`);
  }
  return [...options.activations];
}

/** Checks that a width is an integer ≥ 1. */
export function checkWidth(call: string, name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`${call}: ${name} must be an integer ≥ 1, got ${value}`);
}
