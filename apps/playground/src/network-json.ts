// The exported network: a small JSON document that Node (or anything) can load and evaluate with
// mytorch's own modules. Format "mytorch-mlp", version 1:
//
// {
//   "format": "mytorch-mlp", "version": 1,
//   "inputs": 2,
//   "output": "tanh-score" | "softmax-2",   // how the last module's output reads as a class (see below)
//   "modules": [                            // in order, as nn.Sequential
//     { "type": "Linear", "inFeatures": 2, "outFeatures": 8,
//       "W": [[…8 numbers…], [… ]],         // inFeatures rows × outFeatures columns (O = A·W + 1·bᵀ)
//       "b": […8 numbers…] },
//     { "type": "Tanh" },                   // or "ReLU", "Sigmoid", "Identity" (nn's modules; Tanh with fdlibm's tanh)
//     …
//   ],
//   "settings": { … },                      // the playground settings it was trained with (the URL's)
//   "metrics": { "epoch": …, "steps": …, "train": { "loss", "accuracy" }, "test": { … } }
// }
//
// "tanh-score": one output in (−1, 1); class +1 where it is ≥ 0.
// "softmax-2": two logits (class −1, class +1); score p₊ − p₋, class +1 where it is ≥ 0.
// Numbers are float64 written by JSON.stringify, which round-trips every double exactly.
import { Matrix } from "@mytorch/matrix";
import { Identity, Linear, ReLU, Sequential, Sigmoid, type Module } from "@mytorch/nn";
import { Tanh } from "./portable-modules.js";
import type { Settings } from "./state.js";
import { scores, type Metrics, type Trainer } from "./trainer.js";

export type ActivationType = "ReLU" | "Tanh" | "Sigmoid" | "Identity";
export type ModuleJson = { type: "Linear"; inFeatures: number; outFeatures: number; W: number[][]; b: number[] } | { type: ActivationType };

export interface NetworkJson {
  format: "mytorch-mlp";
  version: 1;
  inputs: number;
  output: "tanh-score" | "softmax-2";
  modules: ModuleJson[];
  settings?: Settings;
  metrics?: Metrics;
}

const ACTIVATION_TYPES: Record<ActivationType, () => Module> = {
  ReLU: () => new ReLU(),
  Tanh: () => new Tanh(),
  Sigmoid: () => new Sigmoid(),
  Identity: () => new Identity(),
};

/** The trainer's network, its settings and its last metrics as a NetworkJson. */
export function exportNetwork(trainer: Trainer): NetworkJson {
  const modules: ModuleJson[] = trainer.model.modules.map((m): ModuleJson => {
    if (m instanceof Linear) return { type: "Linear", inFeatures: m.inFeatures, outFeatures: m.outFeatures, W: m.W.toArray(), b: Array.from(m.b.data) };
    // instanceof, not constructor names: a minified bundle renames classes.
    if (m instanceof ReLU) return { type: "ReLU" };
    if (m instanceof Tanh) return { type: "Tanh" };
    if (m instanceof Sigmoid) return { type: "Sigmoid" };
    if (m instanceof Identity) return { type: "Identity" };
    throw new TypeError(`exportNetwork: cannot export module ${m.constructor.name}`);
  });
  return {
    format: "mytorch-mlp",
    version: 1,
    inputs: 2,
    output: trainer.settings.loss === "mse" ? "tanh-score" : "softmax-2",
    modules,
    settings: trainer.settings,
    metrics: trainer.history[trainer.history.length - 1],
  };
}

/** A loaded network: the nn.Sequential and its scores / classes at points (N × 2 arrays or a Matrix). */
export interface LoadedNetwork {
  model: Sequential;
  /** Scores in [−1, 1], class +1 where ≥ 0. */
  predict(points: number[][] | Matrix): Float64Array;
  classify(points: number[][] | Matrix): number[];
}

/** Builds an nn.Sequential from a NetworkJson (or its text); checks the format and every shape. */
export function loadNetwork(source: NetworkJson | string): LoadedNetwork {
  const json = (typeof source === "string" ? JSON.parse(source) : source) as NetworkJson;
  if (json.format !== "mytorch-mlp" || json.version !== 1) {
    throw new TypeError(`loadNetwork: expected format "mytorch-mlp" version 1, got ${JSON.stringify(json.format)} version ${JSON.stringify(json.version)}`);
  }
  if (json.output !== "tanh-score" && json.output !== "softmax-2") throw new TypeError(`loadNetwork: output must be "tanh-score" or "softmax-2", got ${JSON.stringify(json.output)}`);
  let width = json.inputs;
  const modules = json.modules.map((m, index): Module => {
    if (m.type === "Linear") {
      if (m.inFeatures !== width || m.W.length !== m.inFeatures || m.W.some((row) => row.length !== m.outFeatures) || m.b.length !== m.outFeatures) {
        throw new RangeError(`loadNetwork: module ${index} (Linear) must have W ${width}×${m.outFeatures} and b of ${m.outFeatures}, got W ${m.W.length}×${m.W[0]?.length ?? 0} and b of ${m.b.length}`);
      }
      const layer = new Linear(m.inFeatures, m.outFeatures, { init: "zeros" });
      layer.W = Matrix.fromArray(m.W);
      layer.b = Matrix.row(m.b);
      width = m.outFeatures;
      return layer;
    }
    const make = ACTIVATION_TYPES[m.type];
    if (make === undefined) throw new TypeError(`loadNetwork: module ${index} has unknown type ${JSON.stringify((m as { type: unknown }).type)}`);
    return make();
  });
  const expected = json.output === "tanh-score" ? 1 : 2;
  if (width !== expected) throw new RangeError(`loadNetwork: output "${json.output}" needs ${expected} outputs, got ${width}`);
  const model = new Sequential(...modules).eval();
  const predict = (points: number[][] | Matrix): Float64Array => {
    const X = points instanceof Matrix ? points : Matrix.fromArray(points);
    return scores(model.forward(X), json.output === "tanh-score" ? "mse" : "ce");
  };
  return { model, predict, classify: (points) => Array.from(predict(points), (s) => (s >= 0 ? 1 : -1)) };
}
