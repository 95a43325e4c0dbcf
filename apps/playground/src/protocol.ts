// Messages between the page (main thread) and the worker that owns the model.
import type { NetworkJson } from "./network-json.js";
import type { Settings } from "./state.js";
import type { Metrics } from "./trainer.js";

/** Output heatmap resolution (cells per side) and each hidden unit's. */
export const GRID = 64;
export const UNIT_GRID = 20;

export type ToWorker =
  | { type: "reset"; settings: Settings }
  | { type: "play" }
  | { type: "pause" }
  | { type: "step" }
  | { type: "layer"; index: number }
  | { type: "predict"; id: number; points: number[][] }
  | { type: "export"; id: number };

/** One Linear layer's parameters and the gradients of the last step, row-major. */
export interface LayerView {
  index: number;
  rows: number;
  cols: number;
  W: Float64Array;
  b: Float64Array;
  dLdW: Float64Array;
  dLdb: Float64Array;
}

export interface Snapshot {
  type: "snapshot";
  /** Counts resets, so the page drops snapshots of a run it has replaced. */
  run: number;
  playing: boolean;
  metrics: Metrics;
  /** Metrics of the epochs since the previous snapshot (the curves' new points). */
  history: Metrics[];
  /** True when history starts at epoch 0 (after a reset): the page restarts its curves. */
  fresh: boolean;
  output: Float64Array;
  hidden: Float64Array[][];
  /** Each Linear layer's W (for the network diagram's edges). */
  weights: { rows: number; cols: number; W: Float64Array }[];
  layer: LayerView;
  /** Training speed over the last chunk. */
  epochsPerSecond: number;
  kernel: string;
}

export interface DataMessage {
  type: "data";
  run: number;
  train: { X: Float64Array; Y: Float64Array };
  test: { X: Float64Array; Y: Float64Array };
}

export type FromWorker =
  | Snapshot
  | DataMessage
  | { type: "predicted"; id: number; scores: Float64Array }
  | { type: "exported"; id: number; json: NetworkJson }
  | { type: "stopped"; reason: "stop-at" | "error"; message: string };
