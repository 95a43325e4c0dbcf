import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { barChart } from "@mytorch/plot";
import { COMPETITORS } from "./competitors.js";
import { WARMUP_STEPS, type EpochResult } from "./epoch-result.js";
import { THREAD_SHAPES, checkGoals, type BenchRun, type PairedResult } from "./goals.js";
import { SHAPES, flops } from "./shapes.js";
import { median } from "./stats.js";

/**
 * pnpm bench [--quick] [--no-matmul] [--no-threads] [--no-epoch]
 *
 * Part 1, matmul: each competitor runs in its own Node process, one after the
 * other, in rounds with a rotating order (so a noisy minute hits all of them);
 * each process warms up, then times samples of every shape. The table shows
 * the median GFLOP/s over all samples and ours/theirs ratios.
 * Part 2, two threads against one for the large products, paired in one
 * process with the two-core ceiling (threads-child.ts, ceiling.ts); writes
 * out/bench/threads.json.
 * Part 3, one Fashion-MNIST epoch (784→256→10, batch 256, SGD) for ours on 1
 * and 2 threads (@mytorch/nn; on the TS kernel and on @mytorch/wasm's), the homework's MLP1 and SGD on 1 thread, and
 * TF.js on its wasm and cpu backends with the same recipe (the same initial
 * weights, order of examples, learning rate and batch size), each in its own
 * process, timed after 10 warm-up steps on a throwaway copy of the network
 * (their time is reported too).
 * Last, the goals checked against this run (goals.ts).
 * Writes out/bench/matmul.json and .svg, out/bench/threads.json, out/bench/epoch.json and .svg, out/bench/goals.json.
 */
const args = new Set(process.argv.slice(2));
const quick = args.has("--quick");
const here = dirname(fileURLToPath(import.meta.url));
const outDir = join(here, "..", "..", "..", "out", "bench");
mkdirSync(outDir, { recursive: true });

function runChild(script: string, childArgs: string[]): unknown {
  const child = spawnSync(process.execPath, [join(here, script), ...childArgs], { encoding: "utf8", maxBuffer: 1 << 26 });
  const line = child.stdout.split("\n").find((l) => l.startsWith("RESULT "));
  if (child.status !== 0 || line === undefined) {
    throw new Error(`bench: ${script} ${childArgs.join(" ")} failed (exit ${child.status}):\n${child.stderr}${child.stdout}`);
  }
  return JSON.parse(line.slice("RESULT ".length));
}

const run: BenchRun = {};

const machine = `${cpus().length} × ${cpus()[0]?.model ?? "?"}, Node ${process.version}`;
console.log(`MyTorch bench — ${machine}; load average at start ${loadavg().map((x) => x.toFixed(2)).join(" ")}`);

if (!args.has("--no-matmul")) {
  const rounds = quick ? 1 : 3, samples = quick ? 3 : 5;
  const samplesOf = new Map<string, number[]>(); // "competitor/shape" → ms per product
  for (let round = 0; round < rounds; round++) {
    for (let c = 0; c < COMPETITORS.length; c++) {
      const competitor = COMPETITORS[(c + round) % COMPETITORS.length]!;
      process.stdout.write(`  round ${round + 1}/${rounds}: ${competitor.label}…\n`);
      const result = runChild("matmul-child.js", [competitor.id, String(samples), quick ? "150" : "300", "30"]) as {
        results: { shape: string; msPerProduct: number[] }[];
      };
      for (const r of result.results) {
        const key = `${competitor.id}/${r.shape}`;
        samplesOf.set(key, [...(samplesOf.get(key) ?? []), ...r.msPerProduct]);
      }
    }
  }
  const gflops = (competitorId: string, shapeId: string): number => {
    const shape = SHAPES.find((s) => s.id === shapeId)!;
    return flops(shape) / (median(samplesOf.get(`${competitorId}/${shapeId}`)!) * 1e6);
  };
  const table = SHAPES.map((shape) => {
    const row: Record<string, number> = {};
    for (const c of COMPETITORS) row[c.id] = gflops(c.id, shape.id);
    return { shape, gflops: row };
  });

  run.products = new Map(table.map((t) => [t.shape.id, t.gflops]));

  const ratio = (a: number, b: number): string => (a / b).toFixed(a / b < 1 ? 2 : 1) + "×";
  const header = ["shape", "product", ...COMPETITORS.map((c) => c.id), "1t/ml-matrix", "1t/tfjs-cpu", "1t/tfjs-wasm", "2t/tfjs-wasm", "2t/1t", "wasm-1t/1t", "wasm-1t/tfjs-wasm"];
  const lines = table.map(({ shape, gflops: g }) => [
    shape.label, shape.product, ...COMPETITORS.map((c) => g[c.id]!.toFixed(2)),
    ratio(g["ours-1t"]!, g["ml-matrix"]!), ratio(g["ours-1t"]!, g["tfjs-cpu"]!), ratio(g["ours-1t"]!, g["tfjs-wasm"]!),
    ratio(g["ours-2t"]!, g["tfjs-wasm"]!), (g["ours-2t"]! / g["ours-1t"]!).toFixed(2) + "×",
    ratio(g["ours-wasm-1t"]!, g["ours-1t"]!), ratio(g["ours-wasm-1t"]!, g["tfjs-wasm"]!),
  ]);
  console.log(`\nMatrix products, GFLOP/s (median of ${rounds * samples} samples per cell; TF.js in float32 on one thread, the rest float64)\n`);
  console.log(markdownTable(header, lines));
  writeFileSync(join(outDir, "matmul.json"), JSON.stringify({ machine, loadAverageEnd: loadavg(), quick, table, samples: Object.fromEntries(samplesOf) }, null, 2));
  writeFileSync(join(outDir, "matmul.svg"), barChart({
    title: "Matrix products on one machine, GFLOP/s (higher is better)",
    yLabel: "GFLOP/s",
    categories: SHAPES.map((s) => s.short),
    series: COMPETITORS.map((c) => ({ name: c.label, values: table.map((t) => Number(t.gflops[c.id]!.toFixed(1))) })),
    width: 1200,
    height: 420,
  }));
}

if (!args.has("--no-threads")) {
  // Two threads against one, paired in one process (see threads-child.ts).
  const rounds = quick ? 4 : 10;
  console.log(`\nTwo threads against one, paired in one process (${rounds} rounds, samples of ≥ 100 ms)\n`);
  const paired = runChild("threads-child.js", [String(rounds), ...THREAD_SHAPES]) as {
    results: (PairedResult & { bestRatio: number; best: Record<"1" | "2", number>; shareOfCeiling: number })[];
  };
  console.log(markdownTable(
    ["shape", "2t/1t, median of the rounds", "2t/1t, best samples", "best GFLOP/s, 1t → 2t", "two-core ceiling", "2t/1t ÷ ceiling"],
    paired.results.map((r) => [
      r.label, r.medianRatio.toFixed(2) + "×", r.bestRatio.toFixed(2) + "×", `${r.best["1"].toFixed(2)} → ${r.best["2"].toFixed(2)}`,
      r.ceiling.toFixed(2) + "×", (100 * r.shareOfCeiling).toFixed(0) + " %",
    ]),
  ));
  run.paired = paired.results;
  console.log("\nTwo-core ceiling: both cores each running their own 1-thread product at the same time, over one thread alone (2× on free cores).");
  writeFileSync(join(outDir, "threads.json"), JSON.stringify({ machine, loadAverageEnd: loadavg(), quick, ...paired }, null, 2));
}

if (!args.has("--no-epoch")) {
  console.log("\nOne Fashion-MNIST epoch: 784→256 (ReLU)→10, batch 256, SGD lr 0.1, cross-entropy\n");
  // Ours and TF.js WASM are quick: several rounds in alternation (a busy minute on the machine
  // hits all three), reported as the median and the range. The homework MLP1 and TF.js cpu run once.
  const rounds = quick ? 1 : 3;
  const fast = ["ours-1t", "ours-2t", "ours-wasm-1t", "ours-wasm-2t", "tfjs-wasm"];
  const runs: (readonly [string, string])[] = [];
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < fast.length; i++) runs.push([fast[(i + round) % fast.length]!, "Infinity"]);
  }
  runs.push(["homework-1t", quick ? "60" : "Infinity"], ["tfjs-cpu", quick ? "30" : "Infinity"]);
  const byWho = new Map<string, EpochResult[]>();
  for (const [who, steps] of runs) {
    process.stdout.write(`  ${who}…\n`);
    const result = runChild("epoch-child.js", [who, steps]) as EpochResult;
    byWho.set(who, [...(byWho.get(who) ?? []), result]);
  }
  // One summary per who (median seconds over its runs), in the order they first ran.
  const summaryOf = new Map([...byWho].map(([who, all]): [string, EpochResult] => [who, {
    ...all[0]!,
    seconds: median(all.map((r) => r.seconds)),
    secondsAll: all.map((r) => r.seconds),
    warmupSeconds: median(all.map((r) => r.warmupSeconds)),
  }]));
  const results = [...summaryOf.values()];
  const ours1 = summaryOf.get("ours-1t")!, ours2 = summaryOf.get("ours-2t")!;
  const tfWasm = summaryOf.get("tfjs-wasm")!, tfCpu = summaryOf.get("tfjs-cpu")!, homework = summaryOf.get("homework-1t")!;
  const header = ["who", `epoch (s)${rounds > 1 ? `, median (range) of ${rounds}` : ""}`, `warm-up, ${WARMUP_STEPS} steps before (s)`, "steps timed", "loss first→last 10", "test accuracy", "Float64Arrays/step", "GCs (pause)"];
  const lines = results.map((r) => [
    r.who,
    r.secondsAll !== undefined && r.secondsAll.length > 1
      ? `${r.seconds.toFixed(2)} (${Math.min(...r.secondsAll).toFixed(2)}–${Math.max(...r.secondsAll).toFixed(2)})`
      : r.seconds.toFixed(2),
    r.warmupSeconds.toFixed(2),
    `${r.steps}/${r.epochSteps}${r.steps < r.epochSteps ? " (scaled)" : ""}`,
    `${r.lossStart.toFixed(3)} → ${r.lossEnd.toFixed(3)}`, (100 * r.testAccuracy).toFixed(1) + " %",
    r.allocation ? `${r.allocation.arraysPerStep} (${(r.allocation.bytesPerStep / 2 ** 20).toFixed(1)} MiB)` : "–",
    r.allocation ? `${r.allocation.gcCount} (${r.allocation.gcMs.toFixed(0)} ms)` : "–",
  ]);
  console.log(markdownTable(header, lines));
  if (results[0]!.data === "synthetic") console.log("\nNOTE: the Fashion-MNIST files were not found; the epoch ran on random data of the same shapes.");
  run.epoch = {
    oneThreadSeconds: ours1.seconds,
    twoThreadSeconds: ours2.seconds,
    arraysPerStep: Math.max(ours1.allocation?.arraysPerStep ?? Infinity, ours2.allocation?.arraysPerStep ?? Infinity),
    tfjsWasmSeconds: tfWasm.seconds,
    wasmOneThreadSeconds: summaryOf.get("ours-wasm-1t")!.seconds,
  };
  console.log(`\nours/TF.js wasm: ${(tfWasm.seconds / ours1.seconds).toFixed(2)}× faster on 1 thread, ${(tfWasm.seconds / ours2.seconds).toFixed(2)}× on 2 (TF.js wasm on one thread)`);
  const wasm1 = summaryOf.get("ours-wasm-1t")!, wasm2 = summaryOf.get("ours-wasm-2t")!;
  console.log(`ours on the wasm kernel/TF.js wasm: ${(tfWasm.seconds / wasm1.seconds).toFixed(2)}× faster on 1 thread, ${(tfWasm.seconds / wasm2.seconds).toFixed(2)}× on 2; wasm/TS kernel: ${(ours1.seconds / wasm1.seconds).toFixed(2)}× on 1 thread, ${(ours2.seconds / wasm2.seconds).toFixed(2)}× on 2`);
  console.log(`ours/TF.js cpu: ${(tfCpu.seconds / ours1.seconds).toFixed(1)}× faster on 1 thread, ${(tfCpu.seconds / ours2.seconds).toFixed(1)}× on 2`);
  console.log(`ours/homework MLP1 (1 thread): ${(homework.seconds / ours1.seconds).toFixed(2)}× faster (no dL/dX of the data, no allocation)`);
  writeFileSync(join(outDir, "epoch.json"), JSON.stringify({ machine, loadAverageEnd: loadavg(), quick, results }, null, 2));
  writeFileSync(join(outDir, "epoch.svg"), barChart({
    title: "One Fashion-MNIST epoch, seconds (lower is better)",
    yLabel: "seconds",
    categories: results.map((r) => r.who.replace("ours (homework MLP1)", "homework MLP1")),
    series: [{ name: "epoch", values: results.map((r) => Number(r.seconds.toFixed(1))) }],
    width: 720,
  }));
}
const goals = checkGoals(run);
console.log(`\nThe goals in this run${quick ? " (--quick: fewer samples)" : ""} (a two-thread goal is machine-limited when the cores together gave less than the goal)\n`);
console.log(markdownTable(["goal", "measured", "status"], goals.map((g) => [g.goal, g.measured, g.status])));
writeFileSync(join(outDir, "goals.json"), JSON.stringify({ machine, loadAverageEnd: loadavg(), quick, goals }, null, 2));

console.log(`\nload average at end ${loadavg().map((x) => x.toFixed(2)).join(" ")}; results in ${outDir}`);

function markdownTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (cells: string[]): string => "| " + cells.map((cell, c) => cell.padEnd(widths[c]!)).join(" | ") + " |";
  return [line(header), "| " + widths.map((w) => "-".repeat(w)).join(" | ") + " |", ...rows.map(line)].join("\n");
}
