// The Web Worker: owns the Trainer, trains in chunks of about 50 ms while playing, and posts a snapshot
// after each chunk (so at most 20 a second reach the page), or after a step or a reset.
/// <reference lib="webworker" />
import { Matrix } from "@mytorch/matrix";
import { exportNetwork } from "./network-json.js";
import { GRID, UNIT_GRID, type FromWorker, type LayerView, type Snapshot, type ToWorker } from "./protocol.js";
import { Trainer, type Metrics } from "./trainer.js";

declare const self: DedicatedWorkerGlobalScope;

const CHUNK_MS = 50; // ≤ 20 snapshots a second while playing
let trainer: Trainer | null = null;
let run = 0;
let playing = false;
let layerIndex = 0;
let pending: Metrics[] = [];
let fresh = true;
let timer: ReturnType<typeof setTimeout> | null = null;
let epochsPerSecond = 0;
/** The matrix-product kernel in use: @mytorch/wasm's SIMD one where the engine has WebAssembly SIMD (the same bits). */
let kernel = "TypeScript kernel (float64)";
const kernelReady = (async () => {
  try {
    const wasm = await import("@mytorch/wasm");
    wasm.useWasmMatmul(); // throws WasmUnavailableError where SIMD is missing
    kernel = "WebAssembly SIMD kernel (wasm-simd, float64)";
  } catch (error) {
    kernel = `TypeScript kernel (float64; WebAssembly SIMD unavailable: ${error instanceof Error ? error.message : String(error)})`;
  }
})();

function post(message: FromWorker, transfer: Transferable[] = []): void {
  self.postMessage(message, transfer);
}

function layerView(t: Trainer): LayerView {
  const index = Math.min(layerIndex, t.linears.length - 1);
  const layer = t.linears[index]!;
  return {
    index,
    rows: layer.W.rows,
    cols: layer.W.cols,
    W: layer.W.data.slice(),
    b: layer.b.data.slice(),
    dLdW: layer.dLdW.data.slice(),
    dLdb: layer.dLdb.data.slice(),
  };
}

function snapshot(): void {
  const t = trainer!;
  const { output, hidden } = t.grids(GRID, UNIT_GRID);
  const message: Snapshot = {
    type: "snapshot",
    run,
    playing,
    metrics: t.history[t.history.length - 1]!,
    history: pending,
    fresh,
    output,
    hidden,
    weights: t.linears.map((l) => ({ rows: l.W.rows, cols: l.W.cols, W: l.W.data.slice() })),
    layer: layerView(t),
    epochsPerSecond,
    kernel,
  };
  pending = [];
  fresh = false;
  post(message, [output.buffer, ...hidden.flat().map((g) => g.buffer)]);
}

function atStop(t: Trainer): boolean {
  return t.settings.stopAt > 0 && t.epoch >= t.settings.stopAt;
}

function epoch(t: Trainer): void {
  pending.push(t.trainEpoch());
}

/** Trains for about CHUNK_MS, posts a snapshot, and yields to the message queue before the next chunk. */
function chunk(): void {
  timer = null;
  const t = trainer;
  if (!playing || t === null) return;
  const start = performance.now();
  let epochs = 0;
  do {
    if (atStop(t)) {
      playing = false;
      post({ type: "stopped", reason: "stop-at", message: `stopped at epoch ${t.epoch}` });
      break;
    }
    epoch(t);
    epochs++;
  } while (performance.now() - start < CHUNK_MS);
  const seconds = (performance.now() - start) / 1000;
  if (epochs > 0 && seconds > 0) epochsPerSecond = epochs / seconds;
  snapshot();
  if (playing) timer = setTimeout(chunk, 0);
}

function reset(settings: Trainer["settings"]): void {
  trainer = new Trainer(settings);
  run++;
  pending = [...trainer.history];
  fresh = true;
  const { train, test } = trainer;
  post({ type: "data", run, train: { X: train.X.data.slice(), Y: train.Y.data.slice() }, test: { X: test.X.data.slice(), Y: test.Y.data.slice() } });
  snapshot();
}

self.onmessage = async (event: MessageEvent<ToWorker>) => {
  await kernelReady; // messages wait for the kernel choice (microtasks: their order is kept)
  const message = event.data;
  try {
    switch (message.type) {
      case "reset":
        reset(message.settings);
        if (playing && timer === null) timer = setTimeout(chunk, 0);
        break;
      case "play":
        playing = true;
        if (timer === null) timer = setTimeout(chunk, 0);
        break;
      case "pause":
        playing = false;
        snapshot();
        break;
      case "step":
        playing = false;
        if (trainer !== null && !atStop(trainer)) epoch(trainer);
        snapshot();
        break;
      case "layer":
        layerIndex = message.index;
        snapshot();
        break;
      case "predict": {
        const scores = trainer!.predict(Matrix.fromArray(message.points));
        post({ type: "predicted", id: message.id, scores });
        break;
      }
      case "export":
        post({ type: "exported", id: message.id, json: exportNetwork(trainer!) });
        break;
    }
  } catch (error) {
    playing = false;
    post({ type: "stopped", reason: "error", message: error instanceof Error ? error.message : String(error) });
  }
};
