// Loads a network exported by the playground (format "mytorch-mlp" v1, see docs/playground.md) with
// mytorch's own modules, in plain Node, and prints its scores and classes at the given points:
//   node apps/playground/scripts/evaluate-export.mjs network.json 0.5,0.5 0.1,0.9 …
//   node apps/playground/scripts/evaluate-export.mjs network.json --points points.json   ([[x, y], …])
// Output: one JSON line {"scores": [...], "classes": [...]} (score in [−1, 1], class +1 where ≥ 0).
import { readFileSync } from "node:fs";
import { Matrix, nn } from "mytorch";

/** An nn.Sequential from the exported modules: Linear (W inFeatures × outFeatures, b) and activations. */
export function loadExport(json) {
  if (json.format !== "mytorch-mlp" || json.version !== 1) throw new TypeError(`evaluate-export: expected format "mytorch-mlp" version 1, got ${json.format} ${json.version}`);
  const modules = json.modules.map((m) => {
    if (m.type !== "Linear") return new nn[m.type]();
    const layer = new nn.Linear(m.inFeatures, m.outFeatures, { init: "zeros" });
    layer.W = Matrix.fromArray(m.W);
    layer.b = Matrix.row(m.b);
    return layer;
  });
  return new nn.Sequential(...modules).eval();
}

/** Scores: the tanh output itself, or p₊ − p₋ = tanh((o₊ − o₋)/2) for two softmax logits. */
export function scores(json, model, points) {
  const O = model.forward(Matrix.fromArray(points));
  if (json.output === "tanh-score") return Array.from(O.data);
  return points.map((_, i) => Math.tanh((O.data[2 * i + 1] - O.data[2 * i]) / 2));
}

const [file, ...rest] = process.argv.slice(2);
if (file === undefined) {
  console.error("usage: node apps/playground/scripts/evaluate-export.mjs network.json x,y [x,y …] | --points points.json");
  process.exit(2);
}
const json = JSON.parse(readFileSync(file, "utf8"));
const points = rest[0] === "--points" ? JSON.parse(readFileSync(rest[1], "utf8")) : rest.map((p) => p.split(",").map(Number));
const s = scores(json, loadExport(json), points);
console.log(JSON.stringify({ scores: s, classes: s.map((v) => (v >= 0 ? 1 : -1)) }));
