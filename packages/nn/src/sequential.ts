import type { Matrix } from "@mytorch/matrix";
import type { Module, Parameter } from "./module.js";

/**
 * A chain of modules: forward in order, backward in reverse. Sequentials nest.
 *   forward:  X → m₁ → m₂ → … → mₖ → Y
 *   backward: dL/dY → mₖ.backward → … → m₁.backward → dL/dX
 * parameters() concatenates the modules' parameters, named "<index>.<name>" (e.g. "0.W", "2.1.b").
 *
 * @example
 * const model = new Sequential(new Linear(2, 25), new ReLU(), new Linear(25, 1));
 * const loss = new MSELoss();
 * loss.forward(model.forward(X), Y);
 * model.backward(loss.backward());
 */
export class Sequential implements Module {
  readonly modules: Module[];
  training = true;

  constructor(...modules: Module[]) {
    if (modules.length === 0) throw new RangeError("Sequential: needs at least one module, got 0");
    this.modules = modules;
  }

  forward(X: Matrix): Matrix {
    return this.modules.reduce((input, module) => module.forward(input), X);
  }

  backward(dLdOut: Matrix): Matrix {
    return this.modules.reduceRight((grad, module) => module.backward(grad), dLdOut);
  }

  parameters(): Parameter[] {
    return this.modules.flatMap((module, index) =>
      module.parameters().map((p) => ({
        name: `${index}.${p.name}`,
        get value() {
          return p.value;
        },
        get grad() {
          return p.grad;
        },
      })),
    );
  }

  train(): this {
    this.modules.forEach((module) => module.train());
    this.training = true;
    return this;
  }

  eval(): this {
    this.modules.forEach((module) => module.eval());
    this.training = false;
    return this;
  }
}
