import { gemm, type GemmArgs } from "./kernels/gemm.js";

/**
 * Where matrix products run. The default computes on the calling thread;
 * @mytorch/parallel installs one that splits large products across worker
 * threads. Every product (matmul, transposeMatmul, matmulTranspose and their
 * …Into kernels) goes through the installed backend after its shapes are checked.
 */
export interface MatmulBackend {
  /** A name for reports, e.g. "single-thread" or "parallel(2)". */
  readonly name: string;
  /** Overwrite args.c with op(A)·op(B) (see GemmArgs); must return only when C is complete. */
  gemm(args: GemmArgs): void;
}

/** The built-in backend: the blocked kernel on the calling thread. */
export const singleThreadBackend: MatmulBackend = {
  name: "single-thread",
  gemm: (args) => gemm(args),
};

let current: MatmulBackend = singleThreadBackend;

/** Install a backend for every later product; null restores the single-thread one. Returns the previous backend. */
export function setMatmulBackend(backend: MatmulBackend | null): MatmulBackend {
  const previous = current;
  current = backend ?? singleThreadBackend;
  return previous;
}

/** The backend products use now. */
export function getMatmulBackend(): MatmulBackend {
  return current;
}
