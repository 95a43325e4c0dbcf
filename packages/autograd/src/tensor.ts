import { Matrix, ShapeError, shapeOf } from "@mytorch/matrix";
import { backpropagate } from "./backpropagate.js";
import type { OpNode } from "./op.js";
import * as ops from "./ops/index.js";

/** Anything an op accepts as an input: a Tensor, or a Matrix / number taken as a constant. */
export type TensorLike = Tensor | Matrix | number;

/** Options of `new Tensor` and `tensor()`. */
export interface TensorOptions {
  /** Whether backward computes ∂L/∂(this tensor) (default true). */
  requiresGrad?: boolean;
  /** A label for pictures and messages, e.g. "W1". */
  name?: string;
}

/** Options of `Tensor.backward`. */
export interface BackwardOptions {
  /** Keep the op nodes' contexts so that backward can run through the graph again (default false). */
  retainGraph?: boolean;
  /** ∂L/∂(this tensor) to start from; needed when this tensor is not 1×1 (default: 1 for a 1×1 loss). */
  gradient?: Matrix;
}

/**
 * A tensor node of the computation graph: a value (a Matrix), the gradient
 * of the loss with respect to it, and the op node that made it.
 *
 *   const a = tensor([[1, 2], [3, 4]]), b = tensor([[5, 6], [7, 8]]);
 *   const c = a.add(b);        // c.value = A + B; c.source is the "add" op node
 *   c.source!.inputs[0] === a; // the op node points back at its inputs
 *   c.sum().backward();        // a.grad = ∂L/∂A = ones(2×2)
 *
 * Gradients add up over backward calls (a tensor used twice gets both
 * contributions) until `zeroGrad()`. Every tensor of the graph keeps its
 * gradient, as in vugrad. Treat `grad` as read-only: it may be shared.
 */
export class Tensor {
  /** The raw values. Optimizers update a parameter's value in place. */
  value: Matrix;
  /** The op node that made this tensor; null for a leaf (data or parameter). */
  source: OpNode<object> | null = null;
  readonly requiresGrad: boolean;
  name: string | undefined;
  private accumulated: Matrix | null = null;

  constructor(value: Matrix, options: TensorOptions = {}) {
    if (!(value instanceof Matrix)) {
      throw new TypeError(`Tensor: value must be a Matrix, got ${value === null ? "null" : typeof value}`);
    }
    this.value = value;
    this.requiresGrad = options.requiresGrad ?? true;
    this.name = options.name;
  }

  // ---- shape ------------------------------------------------------------------

  get rows(): number {
    return this.value.rows;
  }

  get cols(): number {
    return this.value.cols;
  }

  /** [rows, cols]. */
  get shape(): [number, number] {
    return this.value.shape;
  }

  /** The value of a 1×1 tensor as a number. Throws ShapeError otherwise. */
  item(): number {
    if (this.rows !== 1 || this.cols !== 1) throw new ShapeError(`Tensor.item: needs a 1×1 tensor, got ${shapeOf(this.value)}`);
    return this.value.data[0]!;
  }

  // ---- gradients ----------------------------------------------------------------

  /** ∂L/∂(this tensor), shaped like the value; zeros before any backward and after zeroGrad. */
  get grad(): Matrix {
    return this.accumulated ?? Matrix.zeros(this.rows, this.cols);
  }

  /** Sets the gradient (null clears it). */
  set grad(gradient: Matrix | null) {
    if (gradient !== null && (gradient.rows !== this.rows || gradient.cols !== this.cols)) {
      throw new ShapeError(`Tensor.grad: must be ${shapeOf(this.value)} (the shape of the value), got ${shapeOf(gradient)}`);
    }
    this.accumulated = gradient;
  }

  /** True when a backward has reached this tensor since the last zeroGrad. */
  get hasGrad(): boolean {
    return this.accumulated !== null;
  }

  /** grad ← grad + g, out of place (g may be shared with other tensors). */
  accumulateGrad(g: Matrix): void {
    this.accumulated = this.accumulated === null ? g : this.accumulated.add(g);
  }

  /** Forgets the gradient (grad reads as zeros again). */
  zeroGrad(): void {
    this.accumulated = null;
  }

  /**
   * Backpropagation from this tensor: visits the graph in reverse topological
   * order, calls each op node's backward once and adds the gradients into
   * every tensor that requires one. A 1×1 tensor (a loss) starts from
   * ∂L/∂L = 1; any other needs `{ gradient }`. Unless `retainGraph` is set, the
   * op nodes' contexts are emptied afterwards, and a second backward through
   * them throws.
   */
  backward(options: BackwardOptions = {}): void {
    backpropagate(this, options);
  }

  /** The same value as a new leaf that requires no gradient (cuts the graph). */
  detach(): Tensor {
    return new Tensor(this.value, { requiresGrad: false, name: this.name });
  }

  toString(): string {
    const label = this.name === undefined ? "" : ` "${this.name}"`;
    const made = this.source === null ? "leaf" : `from ${this.source.op.name}`;
    return `Tensor${label} ${shapeOf(this.value)} (${made}${this.requiresGrad ? "" : ", no grad"})\n${this.value.toString()}`;
  }

  // ---- ops (each one lives in src/ops/, with its backward) ---------------------

  /** this + other, broadcast (a 1×n row or m×1 column repeats). */
  add(other: TensorLike): Tensor {
    return ops.add(this, other);
  }
  /** this − other, broadcast. */
  sub(other: TensorLike): Tensor {
    return ops.sub(this, other);
  }
  /** this ⊙ other (element-wise), broadcast. */
  mul(other: TensorLike): Tensor {
    return ops.mul(this, other);
  }
  /** this ⊘ other (element-wise), broadcast. */
  div(other: TensorLike): Tensor {
    return ops.div(this, other);
  }
  /** −this. */
  neg(): Tensor {
    return ops.neg(this);
  }
  /** thisᵖ element-wise, for a number p. */
  pow(p: number): Tensor {
    return ops.pow(this, p);
  }
  /** this · other (matrix product). */
  matmul(other: TensorLike): Tensor {
    return ops.matmul(this, other);
  }
  /** thisᵀ. */
  transpose(): Tensor {
    return ops.transpose(this);
  }
  /** eˣ element-wise. */
  exp(): Tensor {
    return ops.exp(this);
  }
  /** ln x element-wise. */
  log(): Tensor {
    return ops.log(this);
  }
  /** Σ of all entries (1×1), or over dim 0 (rows added: 1×n) or dim 1 (columns added: m×1). */
  sum(dim?: 0 | 1): Tensor {
    return ops.sum(this, dim);
  }
  /** The mean of all entries (1×1), or over dim 0 (1×n) or dim 1 (m×1). */
  mean(dim?: 0 | 1): Tensor {
    return ops.mean(this, dim);
  }
  relu(): Tensor {
    return ops.relu(this);
  }
  sigmoid(): Tensor {
    return ops.sigmoid(this);
  }
  tanh(): Tensor {
    return ops.tanh(this);
  }
  /** Row-wise softmax. */
  softmax(): Tensor {
    return ops.softmax(this);
  }
  /** Row-wise log-softmax. */
  logSoftmax(): Tensor {
    return ops.logSoftmax(this);
  }
  /** Repeats a 1×n row, an m×1 column or a 1×1 to rows × cols. */
  expand(rows: number, cols: number): Tensor {
    return ops.expand(this, rows, cols);
  }
  /** Divides each row by its sum (rows then sum to 1). */
  normalize(): Tensor {
    return ops.normalize(this);
  }
  /** The entry at column indices[i] of each row i: (N × q) → (N × 1). */
  select(indices: ArrayLike<number>): Tensor {
    return ops.select(this, indices);
  }
  /** The largest entry of each row: (m × n) → (m × 1). */
  rowMax(): Tensor {
    return ops.rowMax(this);
  }
  /** The sum of each row: (m × n) → (m × 1). */
  rowSum(): Tensor {
    return ops.rowSum(this);
  }
  /** The same entries, row-major, as rows × cols. */
  reshape(rows: number, cols: number): Tensor {
    return ops.reshape(this, rows, cols);
  }
  /** An m×1 column as a 1×m vector (the 2-D stand-in of numpy's squeeze). */
  squeeze(): Tensor {
    return ops.squeeze(this);
  }
  /** A 1×m vector as an m×1 column (the 2-D stand-in of numpy's unsqueeze). */
  unsqueeze(): Tensor {
    return ops.unsqueeze(this);
  }
}

/**
 * A tensor from nested arrays or a Matrix (used as is, not copied).
 * `tensor([[1, 2], [3, 4]])` requires a gradient; pass `{ requiresGrad: false }` for data.
 */
export function tensor(values: Matrix | readonly (readonly number[])[], options: TensorOptions = {}): Tensor {
  return new Tensor(values instanceof Matrix ? values : Matrix.fromArray(values), options);
}
