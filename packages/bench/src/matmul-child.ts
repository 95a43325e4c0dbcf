import { competitorById } from "./competitors.js";
import { msPerRun } from "./sample.js";
import { SHAPES } from "./shapes.js";

/**
 * One competitor in its own process: `node matmul-child.js <id> <samples> <warmupMs> <minSampleMs> [shape ids…]`.
 * For each shape: warm up, then take `samples` timings (at most 3 when one
 * product takes over 0.5 s); a sample repeats the product until minSampleMs
 * has passed and records the time per product.
 * Prints one line `RESULT {json}` (libraries may print their own notices).
 */
const [id = "", samplesText = "5", warmupText = "300", minSampleText = "30", ...only] = process.argv.slice(2);
const competitor = competitorById(id);
const samples = Number(samplesText), warmupMs = Number(warmupText), minSampleMs = Number(minSampleText);
await competitor.setup();

const results: { shape: string; msPerProduct: number[] }[] = [];
for (const shape of SHAPES.filter((s) => only.length === 0 || only.includes(s.id))) {
  const run = competitor.prepare(shape);
  const warmupStart = performance.now();
  let warmupRuns = 0;
  do {
    run();
    warmupRuns++;
  } while (performance.now() < warmupStart + warmupMs);
  // Products slower than half a second (1024³ for the slow libraries) get 3 samples, to keep the bench short.
  const slow = (performance.now() - warmupStart) / warmupRuns > 500;
  const msPerProduct: number[] = [];
  for (let s = 0; s < (slow ? Math.min(samples, 3) : samples); s++) msPerProduct.push(msPerRun(run, minSampleMs));
  results.push({ shape: shape.id, msPerProduct });
}
console.log(`RESULT ${JSON.stringify({ competitor: id, results })}`);
process.exit(0); // the parallel backend's worker is unref'd; exit explicitly anyway
