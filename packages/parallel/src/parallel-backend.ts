import { GEMM_TILE_ROWS, gemm, setMatmulBackend, type GemmArgs, type MatmulBackend } from "@mytorch/matrix";
import { WasmUnavailableError, wasmGemm, wasmSimdSupported } from "@mytorch/wasm";
import { WorkerPool } from "./pool.js";
import type { KernelName } from "./protocol.js";

/** Options of useParallelMatmul. */
export interface ParallelOptions {
  /** Threads per product, the calling thread included (default 2). 1 means no workers at all. */
  threads?: number;
  /**
   * Products with fewer multiply-adds (m·n·k) than this stay on the calling
   * thread (default 2²⁰ ≈ 10⁶, about 0.4 ms of work: below it the hand-off
   * and the copies into shared memory cost more than the second core saves).
   */
  minWork?: number;
  /** How long the first parallel product waits for the workers to start, in ms (default 5000). */
  startTimeoutMs?: number;
  /**
   * How long a product waits for a worker once the calling thread has done
   * its own rows, in ms (default 30 000). A worker that is later than that is
   * presumed dead (a blocked thread cannot see a worker exit): the calling
   * thread computes the workers' rows itself, warns once, and runs every
   * later product alone.
   */
  workerTimeoutMs?: number;
  /**
   * The single-thread kernel every thread runs on its rows (default "ts"):
   * "wasm" is @mytorch/wasm's WebAssembly SIMD kernel, the same bits, faster.
   * Throws WasmUnavailableError where WebAssembly SIMD is missing.
   */
  kernel?: KernelName;
}

/** Rows of C are handed out in multiples of the micro-kernel's tile height (16): no partial tiles at the seams. */
const ROW_ALIGN = GEMM_TILE_ROWS;

/**
 * A matmul backend that splits the rows of C between the calling thread and a
 * pool of workers:
 *
 *   rows [0, r₁)       the calling thread, straight from the inputs' Float64Arrays
 *   rows [r₁, r₂) …    one worker each, from copies in a SharedArrayBuffer:
 *                      op(A)'s rows r₁…m−1, all of op(B), and the workers' rows of C
 *
 * The calling thread posts the jobs, computes its own rows, then blocks on
 * Atomics.wait until the workers are done and copies their rows of C back.
 * r₁ follows the measured speeds (see balance): when another program slows
 * one core, the other thread takes more rows.
 * Each thread runs the same single-thread kernel on whole rows, so the result
 * is bit-for-bit the single-thread one.
 */
export class ParallelMatmul implements MatmulBackend {
  readonly name: string;
  readonly threads: number;
  readonly minWork: number;
  readonly kernel: KernelName;
  /** gemm of @mytorch/matrix, or wasmGemm: rows rowStart…rowEnd−1 of C on this thread. */
  private readonly rows: (args: GemmArgs, rowStart?: number, rowEnd?: number) => void;
  private readonly pool: WorkerPool;
  private readonly startTimeoutMs: number;
  private readonly workerTimeoutMs: number;
  private started = false;
  /** Products that ran on more than one thread, and all products seen (for reports and tests). */
  readonly stats = { parallel: 0, total: 0 };
  /** The share of C's rows the calling thread takes, adapted after every parallel product (balance). */
  callerFraction: number;
  private callerMs = 0;

  constructor(options: ParallelOptions = {}) {
    const { threads = 2, minWork = 1 << 20, startTimeoutMs = 5000, workerTimeoutMs = 30_000, kernel = "ts" } = options;
    if (!Number.isInteger(threads) || threads < 2) {
      throw new RangeError(`ParallelMatmul: threads must be an integer ≥ 2, got ${threads}`);
    }
    if (!(minWork >= 0)) throw new RangeError(`ParallelMatmul: minWork must be ≥ 0, got ${minWork}`);
    if (!(workerTimeoutMs >= 0)) throw new RangeError(`ParallelMatmul: workerTimeoutMs must be ≥ 0, got ${workerTimeoutMs}`);
    this.threads = threads;
    this.minWork = minWork;
    this.startTimeoutMs = startTimeoutMs;
    this.workerTimeoutMs = workerTimeoutMs;
    if (kernel !== "ts" && kernel !== "wasm") throw new RangeError(`ParallelMatmul: kernel must be "ts" or "wasm", got ${String(kernel)}`);
    if (kernel === "wasm" && !wasmSimdSupported()) throw new WasmUnavailableError();
    this.kernel = kernel;
    this.rows = kernel === "wasm" ? wasmGemm : gemm;
    this.name = kernel === "wasm" ? `parallel(${threads}, wasm-simd)` : `parallel(${threads})`;
    this.pool = new WorkerPool(threads - 1, kernel);
    this.callerFraction = 1 / threads;
  }

  gemm(args: GemmArgs): void {
    this.stats.total++;
    const { m, n, k } = args;
    // The calling thread's rows: its measured fraction of the work (see balance), in whole tiles,
    // leaving every worker at least one tile.
    const share = Math.min(Math.round((m * this.callerFraction) / ROW_ALIGN) * ROW_ALIGN, m - this.pool.size * ROW_ALIGN);
    const workerRows = Math.ceil((m - share) / this.pool.size / ROW_ALIGN) * ROW_ALIGN;
    if (m * n * k < this.minWork || share <= 0 || args.aOffset || args.bOffset || args.cOffset || !this.workersReady()) {
      this.rows(args);
      return;
    }
    this.stats.parallel++;
    const { a, aRowStride, aColStride, b, bRowStride, bColStride, c } = args;

    // Shared data: [op(A) rows share…m−1 | op(B) | C rows share…m−1].
    const aStart = share * aRowStride;
    const aLength = spanLength(m - share, k, aRowStride, aColStride);
    const bLength = spanLength(k, n, bRowStride, bColStride);
    const cOffset = aLength + bLength;
    this.pool.ensureCapacity(cOffset + (m - share) * n);
    const data = this.pool.data;
    const callerStart = performance.now(); // the caller's time: copying the operands in, then its rows
    data.set(a.subarray(aStart, aStart + aLength), 0);
    data.set(b.subarray(0, bLength), aLength);

    // Worker w takes rows [first, first + workerRows) of C; indices stay those of the whole problem.
    let used = 0;
    for (let first = share; first < m; first += workerRows, used++) {
      this.pool.start(used, {
        m, n, k, aRowStride, aColStride, bRowStride, bColStride,
        rowStart: first,
        rowEnd: Math.min(first + workerRows, m),
        aStart: 0,
        aLength,
        aIndexOffset: -aStart,
        bStart: aLength,
        bLength,
        cStart: cOffset,
        cLength: (m - share) * n,
        cIndexOffset: -share * n,
      });
    }
    let failure: unknown = null;
    const late: number[] = [];
    try {
      this.rows(args, 0, share); // this thread's rows, while the workers compute theirs
    } finally {
      this.callerMs = performance.now() - callerStart;
      for (let w = 0; w < used; w++) {
        try {
          if (!this.pool.finish(w, this.workerTimeoutMs)) late.push(w);
        } catch (error) {
          failure ??= error;
        }
      }
    }
    if (failure !== null) throw failure;
    if (late.length > 0) {
      this.giveUpOnWorkers(late);
      this.rows(args, share, m); // the workers' rows, on this thread: the same kernel, the same bits
      return;
    }
    c.set(data.subarray(cOffset, cOffset + (m - share) * n), share * n);
    this.balance(share, workerRows, used);
  }

  /**
   * Moves the split towards equal finishing times: rows per millisecond of the
   * calling thread and of the workers in the product just done give the next
   * product's caller fraction, averaged with the current one and kept in
   * [0.1, 0.9]. A worker whose core is shared with another program thus gets
   * fewer rows; the result does not depend on the split.
   */
  private balance(share: number, workerRows: number, used: number): void {
    let workerRate = 0;
    for (let w = 0; w < used; w++) workerRate += workerRows / Math.max(this.pool.workMs(w), 1e-3);
    const callerRate = share / Math.max(this.callerMs, 1e-3);
    const measured = callerRate / (callerRate + workerRate);
    this.callerFraction = Math.min(0.9, Math.max(0.1, (this.callerFraction + measured) / 2));
  }

  /** Workers that missed the deadline are presumed dead: stop the pool, say so once. */
  private giveUpOnWorkers(late: readonly number[]): void {
    const reason = `worker ${late.join(", ")} did not finish within ${this.workerTimeoutMs} ms of the calling thread`;
    this.pool.close(reason);
    console.warn(`parallel matmul: ${reason}; it is presumed dead, and this and every later product run on the calling thread only.`);
  }

  /** Stops the workers; later products run on the calling thread. */
  close(): void {
    this.pool.close();
  }

  /** The first parallel product waits for the workers to load; afterwards this is a flag check. */
  private workersReady(): boolean {
    if (this.pool.failure !== null) return false;
    if (!this.started) this.started = this.pool.waitReady(this.startTimeoutMs);
    return this.started;
  }
}

/** Elements from the first to the last entry of a rows × cols strided view, inclusive. */
function spanLength(rows: number, cols: number, rowStride: number, colStride: number): number {
  return rows === 0 || cols === 0 ? 0 : (rows - 1) * rowStride + (cols - 1) * colStride + 1;
}

let installed: ParallelMatmul | null = null;

/**
 * Runs every later matrix product of @mytorch/matrix on `threads` threads
 * (default 2) when it is large enough; `{ threads: 1 }` switches back to one
 * thread. Returns the installed backend (null for one thread). Replaces and
 * stops a previously installed parallel backend.
 */
export function useParallelMatmul(options: ParallelOptions = {}): ParallelMatmul | null {
  stopParallelMatmul();
  if ((options.threads ?? 2) === 1) return null;
  installed = new ParallelMatmul(options);
  setMatmulBackend(installed);
  return installed;
}

/** Back to the single-thread kernel; stops the workers. */
export function stopParallelMatmul(): void {
  if (installed === null) return;
  setMatmulBackend(null);
  installed.close();
  installed = null;
}
