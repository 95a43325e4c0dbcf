import { receiveMessageOnPort, workerData } from "node:worker_threads";
import { gemm } from "@mytorch/matrix";
import { wasmGemm } from "@mytorch/wasm";
import { CONTROL_SLOTS, SHUTDOWN, Slot, type WorkerInit } from "./protocol.js";

/**
 * The worker's loop: sleep on the control block until the caller posts a job,
 * compute its rows of C with the same single-thread kernel (TS or wasm), report, repeat.
 * It never returns to its event loop while waiting, so new data buffers are
 * pulled synchronously from the port (receiveMessageOnPort).
 */
const init = workerData as WorkerInit;
const control = new Int32Array(init.control, 0, CONTROL_SLOTS);
let data = new Float64Array(init.data);
let generation = 0;
let lastSeq = Atomics.load(control, Slot.SEQ);
/** gemm of @mytorch/matrix or its WebAssembly twin (the same signature, the same bits). */
const kernel = init.kernel === "wasm" ? wasmGemm : gemm;

Atomics.store(control, Slot.READY, 1);
Atomics.notify(control, Slot.READY);

for (;;) {
  Atomics.wait(control, Slot.SEQ, lastSeq);
  const seq = Atomics.load(control, Slot.SEQ);
  if (seq === SHUTDOWN) break;
  if (seq === lastSeq) continue; // a spurious wake-up
  lastSeq = seq;
  try {
    while (generation !== Atomics.load(control, Slot.GENERATION)) {
      const message = receiveMessageOnPort(init.port);
      if (message === undefined) throw new Error("parallel worker: data buffer announced but not received");
      const update = message.message as { data: SharedArrayBuffer; generation: number };
      data = new Float64Array(update.data);
      generation = update.generation;
    }
    const start = performance.now();
    runJob();
    control[Slot.WORK_MICROS] = Math.round(1000 * (performance.now() - start));
    Atomics.store(control, Slot.FAILED, 0);
  } catch (error) {
    init.port.postMessage({ error: error instanceof Error ? error.stack ?? error.message : String(error) });
    Atomics.store(control, Slot.FAILED, 1);
  }
  Atomics.store(control, Slot.DONE, seq);
  Atomics.notify(control, Slot.DONE);
}

/** The job's rows of C from the regions the control block describes. */
function runJob(): void {
  const region = (start: number, length: number): Float64Array => data.subarray(start, start + length);
  const c = control;
  kernel(
    {
      m: c[Slot.M]!,
      n: c[Slot.N]!,
      k: c[Slot.K]!,
      a: region(c[Slot.A_START]!, c[Slot.A_LENGTH]!),
      aOffset: c[Slot.A_INDEX_OFFSET]!,
      aRowStride: c[Slot.A_ROW_STRIDE]!,
      aColStride: c[Slot.A_COL_STRIDE]!,
      b: region(c[Slot.B_START]!, c[Slot.B_LENGTH]!),
      bRowStride: c[Slot.B_ROW_STRIDE]!,
      bColStride: c[Slot.B_COL_STRIDE]!,
      c: region(c[Slot.C_START]!, c[Slot.C_LENGTH]!),
      cOffset: c[Slot.C_INDEX_OFFSET]!,
    },
    c[Slot.ROW_START]!,
    c[Slot.ROW_END]!,
  );
}
