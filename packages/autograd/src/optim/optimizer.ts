import { Tensor } from "../tensor.js";

/** What optimizers share: the parameters they update and zeroGrad. */
export abstract class Optimizer {
  readonly params: readonly Tensor[];

  constructor(call: string, params: Iterable<Tensor>) {
    this.params = [...params];
    if (this.params.length === 0) throw new RangeError(`${call}: got an empty parameter list`);
    this.params.forEach((p, k) => {
      if (!(p instanceof Tensor)) throw new TypeError(`${call}: parameter ${k} is not a Tensor`);
      if (!p.requiresGrad) throw new RangeError(`${call}: parameter ${k} does not require a gradient, so it would never move`);
    });
  }

  /** One update of every parameter that has a gradient (the others are skipped, as in PyTorch). */
  abstract step(): void;

  /** Forgets every parameter's gradient. */
  zeroGrad(): void {
    for (const p of this.params) p.zeroGrad();
  }
}

/** Throws `<call>: invalid <what>: <value>` unless check(value). */
export function checkSetting(call: string, what: string, value: number, check: (v: number) => boolean): void {
  if (typeof value !== "number" || !check(value)) throw new RangeError(`${call}: invalid ${what}: ${value}`);
}
