import { Matrix } from "@mytorch/matrix";
import { useParallelMatmul } from "@mytorch/parallel";
import { useWasmMatmul } from "@mytorch/wasm";
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import "@tensorflow/tfjs-backend-wasm";
import { Matrix as MlMatrix } from "ml-matrix";
import type { BenchShape } from "./shapes.js";

/** A matmul implementation under test: prepare(shape) builds the operands and returns one product's work. */
export interface Competitor {
  id: string;
  label: string;
  setup(): Promise<void>;
  prepare(shape: BenchShape): () => void;
}

/** Uniform numbers in [−1, 1) from a fixed linear congruential stream (the values do not matter, only that all see the same). */
function fill(values: Float64Array | Float32Array, seed: number): void {
  let state = seed >>> 0;
  for (let i = 0; i < values.length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    values[i] = state / 2 ** 31 - 1;
  }
}

/** Stored shapes of A and B for a product: Aᵀ·B stores A as k×m, A·Bᵀ stores B as n×k. */
function storedShapes(s: BenchShape): { a: [number, number]; b: [number, number] } {
  return {
    a: s.product === "Aᵀ·B" ? [s.k, s.m] : [s.m, s.k],
    b: s.product === "A·Bᵀ" ? [s.n, s.k] : [s.k, s.n],
  };
}

/** Ours on `threads` threads, each running the TS kernel or @mytorch/wasm's WebAssembly SIMD kernel (the same bits). */
function ours(threads: 1 | 2, kernel: "ts" | "wasm" = "ts"): Competitor {
  const wasm = kernel === "wasm" ? "wasm-" : "";
  return {
    id: `ours-${wasm}${threads}t`,
    label: `ours${wasm ? " wasm" : ""}, ${threads === 1 ? "1 thread" : "2 threads"}`,
    async setup() {
      useParallelMatmul({ threads, kernel });
      if (threads === 1 && kernel === "wasm") useWasmMatmul();
    },
    prepare(shape) {
      const { a: [ar, ac], b: [br, bc] } = storedShapes(shape);
      const A = new Matrix(ar, ac), B = new Matrix(br, bc);
      fill(A.data, 1);
      fill(B.data, 2);
      if (shape.product === "Aᵀ·B") return () => void A.transposeMatmul(B);
      if (shape.product === "A·Bᵀ") return () => void A.matmulTranspose(B);
      return () => void A.matmul(B);
    },
  };
}

const mlMatrix: Competitor = {
  id: "ml-matrix",
  label: "ml-matrix 6.15",
  async setup() {},
  prepare(shape) {
    const { a: [ar, ac], b: [br, bc] } = storedShapes(shape);
    const a = new Float64Array(ar * ac), b = new Float64Array(br * bc);
    fill(a, 1);
    fill(b, 2);
    const A = MlMatrix.from1DArray(ar, ac, a), B = MlMatrix.from1DArray(br, bc, b);
    // ml-matrix has no fused transposed product: transpose, then multiply.
    if (shape.product === "Aᵀ·B") return () => void A.transpose().mmul(B);
    if (shape.product === "A·Bᵀ") return () => void A.mmul(B.transpose());
    return () => void A.mmul(B);
  },
};

/**
 * TF.js 4.22 on one of its backends, float32: "cpu" (plain JavaScript, the
 * slowest) or "wasm" (XNNPACK with SIMD, the fastest a JavaScript user would
 * pick; one thread in Node). Both compute eagerly; the result is read back as
 * the others return theirs.
 */
function tfjs(backend: "cpu" | "wasm"): Competitor {
  return {
    id: `tfjs-${backend}`,
    label: `TF.js 4.22 ${backend} (float32)`,
    async setup() {
      if (!(await tf.setBackend(backend))) throw new Error(`bench: TF.js backend "${backend}" did not initialise`);
      await tf.ready();
    },
    prepare(shape) {
      const { a: [ar, ac], b: [br, bc] } = storedShapes(shape);
      const a = new Float32Array(ar * ac), b = new Float32Array(br * bc);
      fill(a, 1);
      fill(b, 2);
      const A = tf.tensor2d(a, [ar, ac]), B = tf.tensor2d(b, [br, bc]);
      const transposeA = shape.product === "Aᵀ·B", transposeB = shape.product === "A·Bᵀ";
      return () => {
        const C = tf.matMul(A, B, transposeA, transposeB);
        C.dataSync();
        C.dispose();
      };
    },
  };
}

export const COMPETITORS: readonly Competitor[] = [ours(1), ours(2), ours(1, "wasm"), ours(2, "wasm"), mlMatrix, tfjs("cpu"), tfjs("wasm")];

export function competitorById(id: string): Competitor {
  const found = COMPETITORS.find((c) => c.id === id);
  if (found === undefined) throw new Error(`bench: unknown competitor "${id}" (known: ${COMPETITORS.map((c) => c.id).join(", ")})`);
  return found;
}
