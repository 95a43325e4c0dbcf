import { Matrix, ShapeError, shapeOf } from "@mytorch/matrix";
import type { BackwardOptions, Tensor } from "./tensor.js";

/**
 * The tensors that `root` depends on and that require a gradient, in
 * topological order: every tensor comes after the inputs of the op that made
 * it, `root` last. Depth-first and iterative, so a long chain cannot overflow
 * the call stack.
 */
export function topologicalOrder(root: Tensor): Tensor[] {
  const order: Tensor[] = [];
  const visited = new Set<Tensor>([root]);
  const stack: { tensor: Tensor; next: number }[] = [{ tensor: root, next: 0 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    const inputs = top.tensor.source?.inputs ?? [];
    if (top.next < inputs.length) {
      const input = inputs[top.next++]!;
      if (input.requiresGrad && !visited.has(input)) {
        visited.add(input);
        stack.push({ tensor: input, next: 0 });
      }
    } else {
      stack.pop();
      order.push(top.tensor); // all its inputs are already in `order`
    }
  }
  return order;
}

/**
 * Reverse-mode differentiation from `root` (Tensor.backward).
 * Walks the topological order backwards, so that when a tensor is reached the
 * gradients from all its consumers have been summed (multivariate chain rule);
 * then its op node's backward turns ∂L/∂output into ∂L/∂input for each input.
 * Gradients of this pass are summed in `pending` first and only then added to
 * each tensor's `grad`, so that a repeated backward (retainGraph) adds exactly
 * one more copy.
 */
export function backpropagate(root: Tensor, options: BackwardOptions): void {
  const { retainGraph = false } = options;
  if (!root.requiresGrad) {
    throw new Error("Tensor.backward: this tensor does not require a gradient (none of the tensors it was computed from has requiresGrad)");
  }
  const seed = startGradient(root, options.gradient);
  const order = topologicalOrder(root);
  const pending = new Map<Tensor, Matrix>([[root, seed]]);
  for (let n = order.length - 1; n >= 0; n--) {
    const tensor = order[n]!;
    const gradient = pending.get(tensor);
    if (gradient === undefined) continue;
    pending.delete(tensor);
    tensor.accumulateGrad(gradient);
    const node = tensor.source;
    if (node === null) continue; // a leaf: nothing further back
    const name = node.op.name;
    if (node.freed) {
      throw new Error(
        `Tensor.backward: the graph through op "${name}" was freed by an earlier backward(); ` +
          "pass { retainGraph: true } to the first backward to backpropagate through it again",
      );
    }
    const needsGrad = node.inputs.map((input) => input.requiresGrad);
    const inputGrads = node.op.backward(node.context, gradient, needsGrad);
    if (!Array.isArray(inputGrads) || inputGrads.length !== node.inputs.length) {
      const got = Array.isArray(inputGrads) ? `${inputGrads.length}` : typeof inputGrads;
      throw new TypeError(`Op "${name}".backward must return ${node.inputs.length} gradient(s), one per input, got ${got}`);
    }
    node.inputs.forEach((input, k) => {
      if (!needsGrad[k]) return;
      const g = inputGrads[k];
      if (!(g instanceof Matrix)) {
        throw new TypeError(`Op "${name}".backward returned no gradient (a Matrix) for input ${k}, which requires one`);
      }
      if (g.rows !== input.rows || g.cols !== input.cols) {
        throw new ShapeError(
          `Op "${name}".backward: the gradient for input ${k} must be ${shapeOf(input.value)} (the shape of input ${k}), got ${shapeOf(g)}`,
        );
      }
      const sum = pending.get(input);
      pending.set(input, sum === undefined ? g : sum.add(g)); // a tensor used twice gets both contributions
    });
    if (!retainGraph) node.free();
  }
}

/** ∂L/∂root: 1 for a finite 1×1 loss, else the caller's gradient (shape checked). */
function startGradient(root: Tensor, gradient: Matrix | undefined): Matrix {
  if (gradient !== undefined) {
    if (gradient.rows !== root.rows || gradient.cols !== root.cols) {
      throw new ShapeError(`Tensor.backward: gradient must be ${shapeOf(root.value)} (the shape of the tensor), got ${shapeOf(gradient)}`);
    }
    return gradient;
  }
  if (root.rows !== 1 || root.cols !== 1) {
    throw new ShapeError(
      `Tensor.backward: needs a 1×1 tensor (a loss) or { gradient }, got ${shapeOf(root.value)}; reduce it first (sum, mean)`,
    );
  }
  const loss = root.value.data[0]!;
  if (!Number.isFinite(loss)) throw new Error(`Tensor.backward: the loss is ${loss}; nothing sensible flows back from it`);
  return Matrix.full(1, 1, 1);
}
