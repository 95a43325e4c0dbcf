import { Matrix } from "@mytorch/matrix";
import { OpNode, type Op } from "./op.js";
import { Tensor, type TensorLike } from "./tensor.js";

let gradEnabled = true;

/** True unless inside `noGrad`. */
export function isGradEnabled(): boolean {
  return gradEnabled;
}

/**
 * Runs `fn` without recording a graph: every tensor made inside has no source
 * and requires no gradient (for evaluation and for updating parameters).
 */
export function noGrad<T>(fn: () => T): T {
  const previous = gradEnabled;
  gradEnabled = false;
  try {
    return fn();
  } finally {
    gradEnabled = previous;
  }
}

/** A Tensor as is; a Matrix or a number (a 1×1 that broadcasts) as a constant that needs no gradient. */
export function toTensor(x: TensorLike): Tensor {
  if (x instanceof Tensor) return x;
  if (x instanceof Matrix) return new Tensor(x, { requiresGrad: false });
  if (typeof x === "number") return new Tensor(new Matrix(1, 1, Float64Array.of(x)), { requiresGrad: false });
  throw new TypeError(`toTensor: expected a Tensor, a Matrix or a number, got ${describe(x)}`);
}

/**
 * Applies an op to tensors, recording the graph: runs `op.forward` on the
 * raw values, then (when some input requires a gradient) creates an OpNode
 * with the inputs and the context, and an output tensor whose `source` is
 * that node. `options` becomes the initial context (e.g. `{ dim: 1 }`).
 */
export function apply<C extends object>(op: Op<C>, inputs: readonly TensorLike[], options?: Partial<C>): Tensor {
  const tensors = inputs.map(toTensor);
  const context = { ...options } as C;
  const value = op.forward(context, ...tensors.map((t) => t.value));
  if (!(value instanceof Matrix)) {
    throw new TypeError(`Op "${op.name}".forward must return a Matrix, got ${describe(value)}`);
  }
  const requiresGrad = gradEnabled && tensors.some((t) => t.requiresGrad);
  if (!requiresGrad) return new Tensor(value, { requiresGrad: false });
  const node = new OpNode(op, tensors, context);
  const output = new Tensor(value, { requiresGrad: true });
  output.source = node as OpNode<object>; // the node made this tensor …
  node.outputs.push(output); //                … and is connected to it only now
  return output;
}

/** An op as a function of tensors, with the op itself attached. */
export type OpFunction<C extends object> = ((...inputs: TensorLike[]) => Tensor) & { readonly op: Op<C> };

/**
 * Defines a new op from its forward and backward and returns it as a function
 * of tensors:
 *
 *   const square = defineOp<{ x: Matrix }>({
 *     name: "square",
 *     forward: (ctx, x) => ((ctx.x = x), x.mul(x)),        // y = x²
 *     backward: (ctx, g) => [g.mul(ctx.x).scale(2)],        // ∂L/∂x = 2x ⊙ ∂L/∂y
 *   });
 *   const y = square(x);
 */
export function defineOp<C extends object = Record<string, unknown>>(op: Op<C>): OpFunction<C> {
  if (typeof op.name !== "string" || op.name === "" || typeof op.forward !== "function" || typeof op.backward !== "function") {
    throw new TypeError("defineOp: an op needs a name, a forward(context, ...inputs) and a backward(context, gradOutput)");
  }
  const fn = (...inputs: TensorLike[]): Tensor => apply(op, inputs);
  return Object.assign(fn, { op });
}

function describe(x: unknown): string {
  if (x === null) return "null";
  if (typeof x === "object") return (x as object).constructor?.name ?? "an object";
  return typeof x;
}
