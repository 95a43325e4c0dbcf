import { setMatmulBackend } from "@mytorch/matrix";
import { useParallelMatmul } from "@mytorch/parallel";
import { competitorById } from "./competitors.js";
import { SHAPES, flops } from "./shapes.js";
import { msPerRun } from "./sample.js";
import { median } from "./stats.js";

/**
 * Two threads against one, paired in one process: `node threads-child.js <rounds> [shape ids…]`.
 * For each shape, each round times a sample on 1 thread and one on 2 (the order
 * alternates between rounds; a sample repeats the product for ≥ 100 ms). The
 * per-round ratio t₁/t₂ compares two samples taken moments apart, so a busy
 * minute on the machine moves both; the table gives the median ratio and the
 * ratio of the best samples. Prints one line `RESULT {json}`.
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
  for (const threads of [1, 2] as const) {
    useThreads(threads);
    sample(run); // warm-up
  }
  for (let round = 0; round < rounds; round++) {
    for (const threads of round % 2 === 0 ? ([1, 2] as const) : ([2, 1] as const)) {
      useThreads(threads);
      ms[threads].push(sample(run));
    }
  }
  const gflops = (t: number): number => flops(shape) / (t * 1e6);
  results.push({
    shape: shape.id,
    label: shape.label,
    ms,
    medianRatio: median(ms[1].map((t1, r) => t1 / ms[2][r]!)),
    bestRatio: Math.min(...ms[1]) / Math.min(...ms[2]),
    best: { 1: gflops(Math.min(...ms[1])), 2: gflops(Math.min(...ms[2])) },
  });
}
console.log(`RESULT ${JSON.stringify({ rounds, results })}`);
process.exit(0);
