import { Matrix, createRng } from "@mytorch/matrix";
import { MLP1 } from "@mytorch/mlp";
import { CrossEntropyLoss } from "@mytorch/loss";
import { SGD } from "@mytorch/optim";
const rng = createRng(1);
const X = Matrix.rand ? Matrix.randn(256, 784, { rng }) : null;
const Y = Matrix.zeros(256, 10); for (let r = 0; r < 256; r++) Y.data[r * 10 + (r % 10)] = 1;
const model = new MLP1(784, 256, 10, { rng }); const crit = new CrossEntropyLoss(); const opt = new SGD(model, 0.01);
const [l1, l2] = model.layers, [p1, p2] = model.activations;
const T = {}; const tic = (k, f) => { const s = performance.now(); const r = f(); T[k] = (T[k] ?? 0) + performance.now() - s; return r; };
function step() {
  const H1 = tic("l1.fwd", () => l1.forward(X)); const A1 = tic("relu.fwd", () => p1.forward(H1));
  const H2 = tic("l2.fwd", () => l2.forward(A1)); const A2 = tic("id.fwd", () => p2.forward(H2));
  tic("loss.fwd", () => crit.forward(A2, Y)); const g = tic("loss.bwd", () => crit.backward());
  const dH2 = tic("mul2", () => g.mul(p2.backward())); const dA1 = tic("l2.bwd", () => l2.backward(dH2));
  const dH1 = tic("relu.bwd", () => dA1.mul(p1.backward())); tic("l1.bwd", () => l1.backward(dH1));
  tic("sgd", () => opt.step());
}
for (let i = 0; i < 20; i++) step();
for (const k in T) T[k] = 0;
const n = 50, s = performance.now(); for (let i = 0; i < n; i++) step(); const tot = (performance.now() - s) / n;
console.log("total ms/step", tot.toFixed(2)); for (const k in T) console.log(k.padEnd(10), (T[k] / n).toFixed(2));
