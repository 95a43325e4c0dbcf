import { Matrix, createRng, matmulInto, transposeMatmulInto, matmulTransposeInto } from "@mytorch/matrix";
const rng = createRng(1);
const X = Matrix.randn(256, 784, { rng }), W = Matrix.randn(784, 256, { rng }), G = Matrix.randn(256, 256, { rng });
const O = Matrix.zeros(256, 256), dW = Matrix.zeros(784, 256), dX = Matrix.zeros(256, 784);
function t(name, f) { for (let i = 0; i < 5; i++) f(); const n = 40; const s = performance.now(); for (let i = 0; i < n; i++) f(); const ms = (performance.now() - s) / n; console.log(name, ms.toFixed(2), "ms", (2*256*784*256/ms/1e6).toFixed(2), "GFLOP/s"); }
for (let r = 0; r < 2; r++) {
t("X·W", () => matmulInto(X, W, O));
t("Xᵀ·G", () => transposeMatmulInto(X, G, dW));
t("G·Wᵀ", () => matmulTransposeInto(G, W, dX));
}
