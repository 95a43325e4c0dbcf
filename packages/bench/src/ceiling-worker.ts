import { workerData } from "node:worker_threads";
import { competitorById } from "./competitors.js";
import { msPerRun } from "./sample.js";
import { SHAPES } from "./shapes.js";
import { CEILING_RESULT_OFFSET, CeilingSlot, type CeilingInit } from "./ceiling.js";

/**
 * The second thread of the two-core ceiling (see ceiling.ts): on each request
 * it times the same single-thread product as the calling thread, for the same
 * number of milliseconds, and writes the milliseconds per product.
 */
const { control, shapeId } = workerData as CeilingInit;
const flags = new Int32Array(control, 0, CeilingSlot.INTS);
const result = new Float64Array(control, CEILING_RESULT_OFFSET, 1);
const run = competitorById("ours-1t").prepare(SHAPES.find((s) => s.id === shapeId)!);
run(); // compiled before the first request
let seq = 0;
Atomics.store(flags, CeilingSlot.READY, 1);
Atomics.notify(flags, CeilingSlot.READY);
for (;;) {
  Atomics.wait(flags, CeilingSlot.SEQ, seq);
  const next = Atomics.load(flags, CeilingSlot.SEQ);
  if (next < 0) break;
  if (next === seq) continue;
  seq = next;
  result[0] = msPerRun(run, Atomics.load(flags, CeilingSlot.MIN_MS));
  Atomics.store(flags, CeilingSlot.DONE, seq);
  Atomics.notify(flags, CeilingSlot.DONE);
}
