import type { MessagePort } from "node:worker_threads";

/**
 * How the calling thread and a worker talk: one small Int32Array per worker on
 * a SharedArrayBuffer (the control block), plus one shared Float64Array that
 * holds the operands and the worker's rows of C.
 *
 *   caller: write the job's slots → SEQ += 1, notify → compute its own rows
 *           → Atomics.wait until DONE = SEQ → copy the worker's rows of C back
 *   worker: Atomics.wait while SEQ is unchanged → gemm on its rows → DONE = SEQ, notify
 */

/** Slots of the control block. */
export const Slot = {
  /** Job counter, bumped by the caller to start a job; SHUTDOWN ends the worker. */
  SEQ: 0,
  /** The SEQ of the last finished job, set by the worker. */
  DONE: 1,
  /** 1 once the worker has loaded the kernel and waits for jobs. */
  READY: 2,
  /** 1 if the last job threw (the message is posted on the port). */
  FAILED: 3,
  /** Bumped when the caller replaced the shared data buffer (sent on the port). */
  GENERATION: 4,
  // The job: rows ROW_START ≤ i < ROW_END of C (m × n) = op(A)·op(B), as in gemm of
  // @mytorch/matrix. The shared data holds three regions (start and length, in
  // float64 elements): a span of A, all of B, and the workers' rows of C. The
  // index offsets map the full problem's indices into those regions.
  M: 5,
  N: 6,
  K: 7,
  A_ROW_STRIDE: 8,
  A_COL_STRIDE: 9,
  B_ROW_STRIDE: 10,
  B_COL_STRIDE: 11,
  ROW_START: 12,
  ROW_END: 13,
  A_START: 14,
  A_LENGTH: 15,
  A_INDEX_OFFSET: 16,
  B_START: 17,
  B_LENGTH: 18,
  C_START: 19,
  C_LENGTH: 20,
  C_INDEX_OFFSET: 21,
  /** Microseconds the worker spent on its last job (set by the worker, read by the caller to balance the split). */
  WORK_MICROS: 22,
} as const;

/** Int32 slots per control block. */
export const CONTROL_SLOTS = 32;

/** Written to SEQ to make the worker return. */
export const SHUTDOWN = -1;

/** What the caller hands the worker at start-up (workerData). */
export interface WorkerInit {
  control: SharedArrayBuffer;
  data: SharedArrayBuffer;
  /** The port on which later data buffers and error messages travel. */
  port: MessagePort;
  /** The kernel the worker runs on its rows: the TS kernel, or the WebAssembly SIMD one (the same bits). */
  kernel: KernelName;
}

/** Single-thread kernels a product's rows can run on. */
export type KernelName = "ts" | "wasm";
