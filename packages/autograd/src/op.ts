import type { Matrix } from "@mytorch/matrix";
import type { Tensor } from "./tensor.js";

/**
 * An operation: a pair of functions on raw matrices, as in vugrad.
 *
 * - `forward(context, ...inputs)` computes the output and saves in `context`
 *   whatever the backward will need (inputs, masks, the output itself).
 * - `backward(context, gradOutput, needsGrad)` receives ∂L/∂output (shaped
 *   like the output) and returns ∂L/∂input for every input, in order, each
 *   shaped like its input. It does not compute the local derivative alone:
 *   it applies the chain rule to gradOutput. `needsGrad[k]` says whether
 *   input k wants a gradient; where it is false the op may return null and
 *   skip the work (a data batch never needs ∂L/∂X).
 *
 * The context starts as the options given to `apply` (e.g. `{ dim: 0 }`) and
 * is the op's own scratch space; after a backward without `retainGraph` it is
 * emptied.
 */
export interface Op<C extends object = Record<string, unknown>> {
  /** A short name for messages and graph pictures: "add", "matmul", "relu". */
  readonly name: string;
  forward(context: C, ...inputs: Matrix[]): Matrix;
  backward(context: C, gradOutput: Matrix, needsGrad: readonly boolean[]): readonly (Matrix | null)[];
}

/**
 * An op node of the computation graph: which op ran, on which tensor nodes,
 * producing which tensor nodes, with the context its forward saved.
 * `outputs` is empty while the forward runs and is connected right after it.
 */
export class OpNode<C extends object = Record<string, unknown>> {
  readonly op: Op<C>;
  readonly inputs: readonly Tensor[];
  outputs: Tensor[] = [];
  context: C;
  /** True once a backward without retainGraph has emptied the context. */
  freed = false;

  constructor(op: Op<C>, inputs: readonly Tensor[], context: C) {
    this.op = op;
    this.inputs = inputs;
    this.context = context;
  }

  /** Empties the saved context so that its matrices can be garbage-collected. */
  free(): void {
    this.context = {} as C;
    this.freed = true;
  }

  toString(): string {
    return `OpNode(${this.op.name}, ${this.inputs.length} input${this.inputs.length === 1 ? "" : "s"})`;
  }
}
