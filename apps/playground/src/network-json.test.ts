import { describe, expect, it } from "vitest";
import { Matrix, createRng } from "@mytorch/matrix";
import { Adam as NnAdam, Linear } from "@mytorch/nn";
import { exportNetwork, loadNetwork, type NetworkJson } from "./network-json.js";
import { Adam } from "./portable-modules.js";
import { DEFAULT_SETTINGS } from "./state.js";
import { Trainer } from "./trainer.js";

describe("network JSON", () => {
  it("export → JSON text → load: the same predictions to the bit (MSE and cross entropy, 0 to 3 hidden layers)", () => {
    for (const loss of ["mse", "ce"] as const) {
      for (const layers of [[], [5], [4, 3, 2]]) {
        const t = new Trainer({ ...DEFAULT_SETTINGS, loss, layers, activations: layers.map((_, l) => (["relu", "sigmoid", "tanh"] as const)[l]!) });
        for (let e = 0; e < 2; e++) t.trainEpoch();
        const json = exportNetwork(t);
        expect(json.modules.filter((m) => m.type === "Linear")).toHaveLength(layers.length + 1);
        const loaded = loadNetwork(JSON.stringify(json));
        expect(loaded.predict(t.test.X)).toEqual(t.predict(t.test.X));
        expect(loaded.classify([[0.5, 0.5]])).toHaveLength(1);
      }
    }
  });

  it("a hand-written network: O = tanh(A·W + b)", () => {
    const json: NetworkJson = {
      format: "mytorch-mlp", version: 1, inputs: 2, output: "tanh-score",
      modules: [{ type: "Linear", inFeatures: 2, outFeatures: 1, W: [[1], [2]], b: [0.5] }, { type: "Tanh" }],
    };
    const loaded = loadNetwork(json);
    expect(Array.from(loaded.predict([[0.1, 0.2], [-1, 0]]))).toEqual([Math.tanh(1), Math.tanh(-0.5)]);
    expect(loaded.classify([[0.1, 0.2], [-1, 0]])).toEqual([1, -1]);
  });

  it("a wrong format, shape or module type throws with what was expected and what arrived", () => {
    const good: NetworkJson = {
      format: "mytorch-mlp", version: 1, inputs: 2, output: "tanh-score",
      modules: [{ type: "Linear", inFeatures: 2, outFeatures: 1, W: [[1], [2]], b: [0.5] }],
    };
    expect(() => loadNetwork({ ...good, version: 2 as 1 })).toThrow(/^loadNetwork: expected format "mytorch-mlp" version 1, got "mytorch-mlp" version 2$/);
    expect(() => loadNetwork({ ...good, modules: [{ type: "Linear", inFeatures: 2, outFeatures: 1, W: [[1]], b: [0] }] })).toThrow(
      /^loadNetwork: module 0 \(Linear\) must have W 2×1 and b of 1, got W 1×1 and b of 1$/,
    );
    expect(() => loadNetwork({ ...good, modules: [...good.modules, { type: "Swish" as "Tanh" }] })).toThrow(/^loadNetwork: module 1 has unknown type "Swish"$/);
    expect(() => loadNetwork({ ...good, output: "softmax-2" })).toThrow(/^loadNetwork: output "softmax-2" needs 2 outputs, got 1$/);
  });
});

describe("portable Adam", () => {
  it("follows nn's Adam (torch.optim.Adam) to 1e-12 over 50 steps; only β^t is computed differently", () => {
    const a = new Linear(3, 2, { rng: createRng(1) });
    const b = new Linear(3, 2, { rng: createRng(1) });
    const ours = new Adam(a.parameters(), { lr: 0.01, weightDecay: 0.001 });
    const theirs = new NnAdam(b.parameters(), { lr: 0.01, weightDecay: 0.001 });
    const rng = createRng(2);
    for (let t = 0; t < 50; t++) {
      const X = Matrix.randn(4, 3, { rng });
      const G = Matrix.randn(4, 2, { rng });
      for (const [layer, opt] of [[a, ours], [b, theirs]] as const) {
        layer.forward(X);
        layer.backward(G);
        opt.step();
      }
    }
    for (let k = 0; k < a.W.data.length; k++) expect(a.W.data[k]).toBeCloseTo(b.W.data[k]!, 12);
    for (let k = 0; k < a.b.data.length; k++) expect(a.b.data[k]).toBeCloseTo(b.b.data[k]!, 12);
    expect(ours.stepCount).toBe(50);
  });
});
