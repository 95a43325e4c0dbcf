import type { Matrix } from "@mytorch/matrix";
import { outputBuffer, type Module, type Parameter } from "./module.js";

/**
 * A chain of modules: forward in order, backward in reverse. Sequentials nest.
 *   forward:  X → m₁ → m₂ → … → mₖ → Y
 *   backward: dL/dY → mₖ.backward → … → m₁.backward → dL/dX
 * parameters() concatenates the modules' parameters, named "<index>.<name>" (e.g. "0.W", "2.1.b").
 *
 * The results passed between modules (the activations going forward, their
 * gradients coming back) live in buffers the Sequential keeps and hands to the
 * modules as `out`, so repeated steps on batches of one size allocate nothing
 * for them. What it returns (Y, dL/dX) is a new matrix, or the caller's `out`:
 * keeping a result across calls is always safe.
 *
 * backwardParameters(dL/dY) fills the same gradients without dL/dX: it stops at
 * the first module that has parameters and calls its backwardParameters, the
 * way a training step needs it (the data's gradient is never used).
 *
 * @example
 * const model = new Sequential(new Linear(2, 25), new ReLU(), new Linear(25, 1));
 * const loss = new MSELoss();
 * loss.forward(model.forward(X), Y);
 * model.backwardParameters(loss.backward()); // or model.backward(…) to get dL/dX too
 */
export class Sequential implements Module {
  readonly modules: Module[];
  training = true;
  /** activations[i]: the output of module i, the input of module i + 1 (i < k − 1). */
  private readonly activations: (Matrix | undefined)[];
  /** gradients[i]: dL/d(output of module i), what module i + 1's backward returns (i < k − 1). */
  private readonly gradients: (Matrix | undefined)[];
  /** The first module with parameters (−1 if none): where backwardParameters stops. */
  private readonly firstTrainable: number;

  constructor(...modules: Module[]) {
    if (modules.length === 0) throw new RangeError("Sequential: needs at least one module, got 0");
    this.modules = modules;
    this.activations = modules.slice(1).map(() => undefined);
    this.gradients = modules.slice(1).map(() => undefined);
    this.firstTrainable = modules.findIndex((module) => module.parameters().length > 0);
  }

  forward(X: Matrix, out?: Matrix): Matrix {
    const last = this.modules.length - 1;
    let input = X;
    for (let i = 0; i < last; i++) {
      input = this.modules[i]!.forward(input, this.activations[i]);
      // Next time, hand over the same buffer if it has the result's shape (written into or not), else a
      // new one: never the result itself, which may be the module's input or a matrix of its own.
      this.activations[i] = outputBuffer(this.activations[i], input.rows, input.cols);
    }
    return this.modules[last]!.forward(input, out);
  }

  backward(dLdOut: Matrix, out?: Matrix): Matrix {
    return this.modules[0]!.backward(this.backwardDownTo(1, dLdOut), out);
  }

  backwardParameters(dLdOut: Matrix): void {
    const first = this.firstTrainable;
    if (first < 0) return; // nothing to train, nothing to compute
    const module = this.modules[first]!;
    const grad = this.backwardDownTo(first + 1, dLdOut);
    if (module.backwardParameters !== undefined) module.backwardParameters(grad);
    else module.backward(grad);
  }

  /** Backward through modules k−1 … `stop`: dL/d(output of module stop − 1). */
  private backwardDownTo(stop: number, dLdOut: Matrix): Matrix {
    let grad = dLdOut;
    for (let i = this.modules.length - 1; i >= stop; i--) {
      grad = this.modules[i]!.backward(grad, this.gradients[i - 1]);
      this.gradients[i - 1] = outputBuffer(this.gradients[i - 1], grad.rows, grad.cols); // as in forward
    }
    return grad;
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

