import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from "node:worker_threads";
import { CONTROL_SLOTS, SHUTDOWN, Slot, type KernelName, type WorkerInit } from "./protocol.js";

/**
 * One job for one worker: rows rowStart ≤ i < rowEnd of C (m×n) = op(A)·op(B).
 * Regions are [start, start + length) of the shared data, in float64 elements;
 * an index offset maps the full problem's indices into its region (see GemmArgs).
 */
export interface WorkerJob {
  m: number;
  n: number;
  k: number;
  aRowStride: number;
  aColStride: number;
  bRowStride: number;
  bColStride: number;
  rowStart: number;
  rowEnd: number;
  aStart: number;
  aLength: number;
  aIndexOffset: number;
  bStart: number;
  bLength: number;
  cStart: number;
  cLength: number;
  cIndexOffset: number;
}

interface PoolWorker {
  worker: Worker;
  control: Int32Array;
  port: MessagePort;
  seq: number;
}

/**
 * The worker script. From the built package it sits next to this file; when the
 * sources run directly (vitest resolves the "source" condition) it is taken
 * from dist/, so the package must have been built.
 */
function workerUrl(): URL {
  const here = import.meta.url;
  return new URL(here.endsWith(".ts") ? "../dist/worker.js" : "./worker.js", here);
}

/**
 * A fixed set of persistent workers and the shared buffer they read operands
 * from and write results to. The workers are unref'd: they never keep the
 * process alive, so scripts, vitest and notebooks exit as usual.
 */
export class WorkerPool {
  readonly size: number;
  private readonly workers: PoolWorker[] = [];
  private shared: SharedArrayBuffer;
  private view: Float64Array;
  private generation = 0;
  private broken: string | null = null;

  constructor(size: number, kernel: KernelName = "ts") {
    this.size = size;
    this.shared = new SharedArrayBuffer(8 * 1024);
    this.view = new Float64Array(this.shared);
    for (let w = 0; w < size; w++) {
      const control = new Int32Array(new SharedArrayBuffer(4 * CONTROL_SLOTS));
      const { port1, port2 } = new MessageChannel();
      const init: WorkerInit = { control: control.buffer as SharedArrayBuffer, data: this.shared, port: port2, kernel };
      const worker = new Worker(workerUrl(), { workerData: init, transferList: [port2], execArgv: [] });
      worker.unref();
      port1.unref();
      worker.on("error", (error) => {
        this.broken = `worker ${w} failed: ${error.message}`;
      });
      worker.on("exit", () => {
        this.broken ??= `worker ${w} exited`;
      });
      this.workers.push({ worker, control, port: port1, seq: 0 });
    }
  }

  /** The shared data as float64; valid until the next ensureCapacity. */
  get data(): Float64Array {
    return this.view;
  }

  /** Why the pool cannot be used, or null. */
  get failure(): string | null {
    return this.broken;
  }

  /**
   * Waits (blocking this thread, at most timeoutMs) until every worker has
   * loaded the kernel. True when all are ready.
   */
  waitReady(timeoutMs: number): boolean {
    const deadline = performance.now() + timeoutMs;
    for (const { control } of this.workers) {
      while (Atomics.load(control, Slot.READY) !== 1) {
        const left = deadline - performance.now();
        if (left <= 0 || this.broken !== null) return false;
        Atomics.wait(control, Slot.READY, 0, Math.min(left, 50));
      }
    }
    return this.broken === null;
  }

  /** Makes the shared data hold at least `elements` float64s; announces a new buffer to every worker. */
  ensureCapacity(elements: number): void {
    if (this.shared.byteLength >= 8 * elements) return;
    this.shared = new SharedArrayBuffer(8 * Math.ceil(elements * 1.25));
    this.view = new Float64Array(this.shared);
    this.generation++;
    for (const { control, port } of this.workers) {
      port.postMessage({ data: this.shared, generation: this.generation });
      Atomics.store(control, Slot.GENERATION, this.generation);
    }
  }

  /** Posts a job to worker w; it starts at once. */
  start(w: number, job: WorkerJob): void {
    const target = this.workers[w]!;
    const c = target.control;
    c[Slot.M] = job.m;
    c[Slot.N] = job.n;
    c[Slot.K] = job.k;
    c[Slot.A_ROW_STRIDE] = job.aRowStride;
    c[Slot.A_COL_STRIDE] = job.aColStride;
    c[Slot.B_ROW_STRIDE] = job.bRowStride;
    c[Slot.B_COL_STRIDE] = job.bColStride;
    c[Slot.ROW_START] = job.rowStart;
    c[Slot.ROW_END] = job.rowEnd;
    c[Slot.A_START] = job.aStart;
    c[Slot.A_LENGTH] = job.aLength;
    c[Slot.A_INDEX_OFFSET] = job.aIndexOffset;
    c[Slot.B_START] = job.bStart;
    c[Slot.B_LENGTH] = job.bLength;
    c[Slot.C_START] = job.cStart;
    c[Slot.C_LENGTH] = job.cLength;
    c[Slot.C_INDEX_OFFSET] = job.cIndexOffset;
    target.seq = target.seq + 1;
    Atomics.store(c, Slot.SEQ, target.seq); // a sequentially consistent store publishes the slots above
    Atomics.notify(c, Slot.SEQ);
  }

  /**
   * Blocks until worker w has finished its job, or until timeoutMs have passed
   * (then false: the job is still running, or the worker died without a word,
   * which this blocked thread cannot see). Throws the worker's error if it failed.
   */
  finish(w: number, timeoutMs = Infinity): boolean {
    const { control, seq, port } = this.workers[w]!;
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const done = Atomics.load(control, Slot.DONE);
      if (done === seq) break;
      if (this.broken !== null) throw new Error(`parallel matmul: ${this.broken}`);
      const left = deadline - performance.now();
      if (left <= 0) return false;
      Atomics.wait(control, Slot.DONE, done, Math.min(left, 1000));
    }
    if (Atomics.load(control, Slot.FAILED) === 1) {
      const message = receiveMessageOnPort(port)?.message as { error?: string } | undefined;
      throw new Error(`parallel matmul: worker ${w} failed: ${message?.error ?? "unknown error"}`);
    }
    return true;
  }

  /** Milliseconds worker w spent computing its last job (valid after finish(w)). */
  workMs(w: number): number {
    return this.workers[w]!.control[Slot.WORK_MICROS]! / 1000;
  }

  /** Stops the workers; `failure` tells later users why. */
  close(reason = "the pool was closed"): void {
    for (const { worker, control, port } of this.workers) {
      Atomics.store(control, Slot.SEQ, SHUTDOWN);
      Atomics.notify(control, Slot.SEQ);
      port.close();
      void worker.terminate();
    }
    this.broken ??= reason;
  }
}
