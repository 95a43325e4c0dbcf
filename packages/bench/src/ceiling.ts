import { Worker } from "node:worker_threads";
import { msPerRun } from "./sample.js";

/**
 * The two-core ceiling: how much work the machine's two cores do at this
 * moment when each runs its own single-thread product, with nothing shared
 * and no waiting — the most any two-thread split of one product could get.
 * On a machine of its own that is 2×; on a virtual machine whose second core
 * is partly taken by a neighbour (or whose two vCPUs are hyperthreads of one
 * physical core) it is less, and 2-thread results should be read against it.
 *
 *   ceiling = (products/ms of this thread + of the worker, run together) / (products/ms of one thread alone)
 */
export const CeilingSlot = {
  /** Bumped by the caller to request a sample; negative ends the worker. */
  SEQ: 0,
  /** The SEQ of the last sample written, set by the worker. */
  DONE: 1,
  /** 1 once the worker has compiled the product. */
  READY: 2,
  /** The sample's length in ms. */
  MIN_MS: 3,
  INTS: 4,
} as const;

/** Byte offset of the worker's result (ms per product, float64) in the control buffer. */
export const CEILING_RESULT_OFFSET = 8 * Math.ceil(CeilingSlot.INTS / 2);

export interface CeilingInit {
  control: SharedArrayBuffer;
  shapeId: string;
}

/** A worker that times the same product as the caller, at the same time (see ceiling-worker.ts). */
export class TwoCoreCeiling {
  private readonly flags: Int32Array;
  private readonly result: Float64Array;
  private readonly worker: Worker;
  private seq = 0;

  constructor(shapeId: string) {
    const control = new SharedArrayBuffer(CEILING_RESULT_OFFSET + 8);
    this.flags = new Int32Array(control, 0, CeilingSlot.INTS);
    this.result = new Float64Array(control, CEILING_RESULT_OFFSET, 1);
    const init: CeilingInit = { control, shapeId };
    this.worker = new Worker(new URL("./ceiling-worker.js", import.meta.url), { workerData: init });
    this.worker.unref();
    const deadline = performance.now() + 20_000;
    while (Atomics.load(this.flags, CeilingSlot.READY) !== 1) {
      if (performance.now() > deadline) throw new Error(`bench: the two-core ceiling worker for ${shapeId} did not start within 20 s`);
      Atomics.wait(this.flags, CeilingSlot.READY, 0, 100);
    }
  }

  /**
   * One sample: this thread and the worker each time `run` for minMs at the
   * same moment; returns both threads' ms per product.
   */
  sample(run: () => void, minMs: number): { caller: number; worker: number } {
    Atomics.store(this.flags, CeilingSlot.MIN_MS, minMs);
    Atomics.store(this.flags, CeilingSlot.SEQ, ++this.seq);
    Atomics.notify(this.flags, CeilingSlot.SEQ);
    const caller = msPerRun(run, minMs);
    while (Atomics.load(this.flags, CeilingSlot.DONE) !== this.seq) Atomics.wait(this.flags, CeilingSlot.DONE, this.seq - 1, 1000);
    return { caller, worker: this.result[0]! };
  }

  close(): void {
    Atomics.store(this.flags, CeilingSlot.SEQ, -1);
    Atomics.notify(this.flags, CeilingSlot.SEQ);
    void this.worker.terminate();
  }
}
