// Speed of the TS kernel and the WebAssembly SIMD kernel on one thread, alternating:
//   node packages/wasm/dist/bench-cli.js [--reps 7]
// Prints GFLOP/s (2·m·n·k per product) per shape: the median over reps, and the ratio.
import { loadavg } from "node:os";
import { Matrix, gemm, type GemmArgs } from "@mytorch/matrix";
import { wasmGemm } from "./wasm-gemm.js";

interface Shape { name: string; m: number; k: number; n: number; transA: boolean; transB: boolean }

const SHAPES: Shape[] = [
  { name: "512³ A·B", m: 512, k: 512, n: 512, transA: false, transB: false },
  { name: "(256×784)·(784×256) A·B", m: 256, k: 784, n: 256, transA: false, transB: false },
  { name: "(784×256)ᵀ·(256×256)… Xᵀ·G (784×256)", m: 784, k: 256, n: 256, transA: true, transB: false },
  { name: "G·Wᵀ (256×256)·(784×256)ᵀ", m: 256, k: 256, n: 784, transA: false, transB: true },
];

/** GemmArgs for op(A) (m×k) · op(B) (k×n), operands stored transposed when asked. */
function problem(s: Shape): GemmArgs {
  const a = Matrix.randn(s.transA ? s.k : s.m, s.transA ? s.m : s.k).data;
  const b = Matrix.randn(s.transB ? s.n : s.k, s.transB ? s.k : s.n).data;
  return {
    m: s.m, n: s.n, k: s.k,
    a, aRowStride: s.transA ? 1 : s.k, aColStride: s.transA ? s.m : 1,
    b, bRowStride: s.transB ? 1 : s.n, bColStride: s.transB ? s.k : 1,
    c: new Float64Array(s.m * s.n),
  };
}

function gflops(run: () => void, flops: number): number {
  let reps = 0;
  const start = performance.now();
  let now = start;
  while (now - start < 300 || reps < 2) {
    run();
    reps++;
    now = performance.now();
  }
  return (flops * reps) / ((now - start) * 1e6);
}

const median = (xs: number[]): number => [...xs].sort((x, y) => x - y)[xs.length >> 1]!;

const repsArg = process.argv.indexOf("--reps");
const reps = repsArg >= 0 ? Number(process.argv[repsArg + 1]) : 7;
console.log(`load average before: ${loadavg().map((x) => x.toFixed(2)).join(" ")}`);
console.log("| product | TS GFLOP/s | wasm GFLOP/s | wasm/TS |");
console.log("|---|---:|---:|---:|");
for (const s of SHAPES) {
  const args = problem(s);
  const flops = 2 * s.m * s.n * s.k;
  const ts: number[] = [], wasm: number[] = [];
  for (let r = 0; r < reps; r++) {
    ts.push(gflops(() => gemm(args), flops));
    wasm.push(gflops(() => wasmGemm(args), flops));
  }
  const t = median(ts), w = median(wasm);
  console.log(`| ${s.name} | ${t.toFixed(2)} | ${w.toFixed(2)} | ${(w / t).toFixed(2)}× |`);
}
console.log(`load average after: ${loadavg().map((x) => x.toFixed(2)).join(" ")}`);
