import { Linear as HomeworkLinear } from "@mytorch/linear";
import { createRng, defaultRng, type Rng } from "@mytorch/matrix";
import { initWeight, type InitName } from "./init.js";
import { liveParameter, type Module, type Parameter } from "./module.js";

/** Options for nn.Linear. */
export interface LinearOptions {
  /** Where the initial weights come from (the default Rng if omitted). */
  rng?: Rng;
  /** How W is drawn (see init.ts for the formulas); "homework" N(0, 0.01) by default. b is 0. */
  init?: InitName;
}

/**
 * Fully connected layer as a Module: the homework's Linear (O = A·W + 1_N·bᵀ, its own forward and
 * backward, W, b, dLdW, dLdb) plus parameters(), train()/eval() and a choice of initialiser.
 * Shapes: A (N × inFeatures) → O (N × outFeatures); W (inFeatures × outFeatures); b (1 × outFeatures).
 * With init "homework" and the same rng it draws exactly the homework layer's W.
 *
 * @example
 * const layer = new Linear(2, 25, { init: "kaimingNormal", rng: createRng(0) });
 */
export class Linear extends HomeworkLinear implements Module {
  readonly init: InitName;
  training = true;
  private readonly params: Parameter[];

  constructor(inFeatures: number, outFeatures: number, options: LinearOptions = {}) {
    const init = options.init ?? "homework";
    const rng = options.rng ?? defaultRng();
    // The homework constructor draws W ~ N(0, 0.01) from the rng it gets; for another init
    // give it a throwaway generator so the caller's stream only feeds the chosen initialiser.
    super(inFeatures, outFeatures, { rng: init === "homework" ? rng : createRng(0) });
    this.init = init;
    if (init !== "homework") this.W = initWeight(init, inFeatures, outFeatures, rng);
    // Getters: the homework backward assigns new dLdW / dLdb matrices, and users may reassign W / b.
    this.params = [
      liveParameter("W", () => this.W, () => this.dLdW),
      liveParameter("b", () => this.b, () => this.dLdb),
    ];
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
