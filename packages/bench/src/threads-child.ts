import { setMatmulBackend } from "@mytorch/matrix";
import { useParallelMatmul } from "@mytorch/parallel";
import { TwoCoreCeiling } from "./ceiling.js";
import { competitorById } from "./competitors.js";
import { SHAPES, flops } from "./shapes.js";
import { msPerRun } from "./sample.js";
import { median } from "./stats.js";

/**
 * Two threads against one, paired in one process: `node threads-child.js <rounds> [shape ids…]`.
 * For each shape, each round takes three samples back to back, in a rotating
 * order (a sample repeats the product for ≥ 100 ms): one thread, two threads,
 * and the two-core ceiling (both cores each running their own one-thread
 * product, see ceiling.ts). The per-round ratios compare samples taken
 * moments apart, so a busy minute on the machine moves all three; the table
 * gives their medians and the ratio of the best samples. Prints one line
 * `RESULT {json}`.
 */
const [roundsText = "8", ...only] = process.argv.slice(2);
const rounds = Number(roundsText);
const MIN_SAMPLE_MS = 100;

const sample = (run: () => void): number => msPerRun(run, MIN_SAMPLE_MS);

// One pool for the whole run: switching backends must not start new workers between samples.
const parallel = useParallelMatmul({ threads: 2 })!;
const useThreads = (threads: 1 | 2): void => void setMatmulBackend(threads === 1 ? null : parallel);

const results = [];
for (const shape of SHAPES.filter((s) => only.includes(s.id))) {
  const run = competitorById("ours-1t").prepare(shape); // the same operands for both thread counts
  const ms: Record<1 | 2, number[]> = { 1: [], 2: [] };
  const ceiling = new TwoCoreCeiling(shape.id);
  const together: { caller: number; worker: number }[] = [];
  useThreads(1);
  for (const threads of [1, 2] as const) {
    useThreads(threads);
    sample(run); // warm-up
  }
  useThreads(1);
  ceiling.sample(run, MIN_SAMPLE_MS);
  const kinds = ["1", "2", "ceiling"] as const;
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < kinds.length; i++) {
      const kind = kinds[(i + round) % kinds.length]!;
      useThreads(kind === "2" ? 2 : 1);
      if (kind === "ceiling") together.push(ceiling.sample(run, MIN_SAMPLE_MS));
      else ms[kind === "1" ? 1 : 2].push(sample(run));
    }
  }
  ceiling.close();
  // Per round: two independent products' throughput over one thread's, and 2t/1t as a share of it.
  const ceilingRatios = together.map(({ caller, worker }, r) => ms[1][r]! / caller + ms[1][r]! / worker);
  const gflops = (t: number): number => flops(shape) / (t * 1e6);
  results.push({
    shape: shape.id,
    label: shape.label,
    ms,
    medianRatio: median(ms[1].map((t1, r) => t1 / ms[2][r]!)),
    bestRatio: Math.min(...ms[1]) / Math.min(...ms[2]),
    ceiling: median(ceilingRatios),
    shareOfCeiling: median(ms[1].map((t1, r) => t1 / ms[2][r]! / ceilingRatios[r]!)),
    best: { 1: gflops(Math.min(...ms[1])), 2: gflops(Math.min(...ms[2])) },
  });
}
console.log(`RESULT ${JSON.stringify({ rounds, results })}`);
process.exit(0);
