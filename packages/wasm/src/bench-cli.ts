// Speed of the TS kernel and the WebAssembly SIMD kernel on one thread, alternating:
//   node packages/wasm/dist/bench-cli.js [--reps 7]
// Prints GFLOP/s (2·m·n·k per product) per shape, the median over reps, per second of wall
// time and per second of CPU time, and the ratios.
import { loadavg } from "node:os";
import { Matrix, gemm, type GemmArgs } from "@mytorch/matrix";
import { wasmGemm } from "./wasm-gemm.js";

interface Shape { name: string; m: number; k: number; n: number; transA: boolean; transB: boolean }

const SHAPES: Shape[] = [
  { name: "512³", m: 512, k: 512, n: 512, transA: false, transB: false },
  { name: "X·W (256×784)·(784×256)", m: 256, k: 784, n: 256, transA: false, transB: false },
  { name: "Xᵀ·G (256×784)ᵀ·(256×256)", m: 784, k: 256, n: 256, transA: true, transB: false },
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

/**
 * GFLOP/s of `run` over ≥ 300 ms: per second of wall time, and per second of
 * this process's CPU time (steadier when other programs share the cores).
 */
function gflops(run: () => void, flops: number): { wall: number; cpu: number } {
  let reps = 0;
  const start = performance.now(), cpuStart = process.cpuUsage();
  let now = start;
  while (now - start < 300 || reps < 2) {
    run();
    reps++;
    now = performance.now();
  }
  const cpu = process.cpuUsage(cpuStart);
  return { wall: (flops * reps) / ((now - start) * 1e6), cpu: (flops * reps) / ((cpu.user + cpu.system) * 1e3) };
}

const median = (xs: number[]): number => [...xs].sort((x, y) => x - y)[xs.length >> 1]!;

const repsArg = process.argv.indexOf("--reps");
const reps = repsArg >= 0 ? Number(process.argv[repsArg + 1]) : 7;
console.log(`load average before: ${loadavg().map((x) => x.toFixed(2)).join(" ")}`);
console.log("| product | TS GFLOP/s | wasm GFLOP/s | wasm/TS | TS per CPU-s | wasm per CPU-s | wasm/TS (CPU) |");
console.log("|---|---:|---:|---:|---:|---:|---:|");
for (const s of SHAPES) {
  const args = problem(s);
  const flops = 2 * s.m * s.n * s.k;
  const ts: { wall: number; cpu: number }[] = [], wasm: { wall: number; cpu: number }[] = [];
  for (let r = 0; r < reps; r++) {
    ts.push(gflops(() => gemm(args), flops));
    wasm.push(gflops(() => wasmGemm(args), flops));
  }
  const t = median(ts.map((x) => x.wall)), w = median(wasm.map((x) => x.wall));
  const tc = median(ts.map((x) => x.cpu)), wc = median(wasm.map((x) => x.cpu));
  console.log(`| ${s.name} | ${t.toFixed(2)} | ${w.toFixed(2)} | ${(w / t).toFixed(2)}× | ${tc.toFixed(2)} | ${wc.toFixed(2)} | ${(wc / tc).toFixed(2)}× |`);
}
console.log(`load average after: ${loadavg().map((x) => x.toFixed(2)).join(" ")}`);
