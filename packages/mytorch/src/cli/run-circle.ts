/// <reference types="node" />
// `pnpm train --task circle`: seed 001's experiment (the four rows of its table),
// the table on stdout, progress on stderr, and one SVG with the loss curves and
// each row's learned decision boundary over the test points.
import { mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { CIRCLE_TABLE, circleDatasets, decisionBoundarySvg, formatCircleTable, runCircleExperiment, type CircleRunSpec } from "@mytorch/nn";
import { chartGrid, lineChart } from "@mytorch/plot";
import type { TrainIo } from "./run-train.js";
import type { TrainOptions } from "./train-options.js";

/** Runs every row of the table; returns the rows (accuracies as fractions) and where the picture went. */
export async function runCircle(options: TrainOptions, io: TrainIo) {
  const losses = new Map<string, number[]>();
  const started = performance.now();
  io.stderr.write(`circle: ${CIRCLE_TABLE.length} runs × ${options.epochs} epochs on 1,000 points, seed ${options.seed}\n`);
  const onEpoch = (run: CircleRunSpec, epoch: number, loss: number): void => {
    const curve = losses.get(run.label) ?? [];
    curve.push(loss);
    losses.set(run.label, curve);
    if ((epoch + 1) % 10 === 0 || epoch + 1 === options.epochs) {
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      io.stderr.write(`  ${run.label.padEnd(34)} epoch ${String(epoch + 1).padStart(3)}/${options.epochs}  loss ${loss.toFixed(4)}  (${seconds} s)\n`);
    }
  };
  const rows = runCircleExperiment({ seed: options.seed, epochs: options.epochs, onEpoch });
  io.stdout.write(formatCircleTable(rows) + "\n");

  const { test } = circleDatasets(options.seed);
  const lossChart = lineChart({
    title: "circle: training loss (MSE) per epoch",
    xLabel: "epoch",
    yLabel: "MSE (log scale)",
    yScale: "log",
    series: rows.map((r) => ({ name: r.label, y: losses.get(r.label) ?? [] })),
  });
  const boundaries = rows.map((r) =>
    decisionBoundarySvg((X) => r.model.forward(X), test, { title: `${r.label}: test ${(100 * r.testAccuracy).toFixed(1)}%` }),
  );
  const svgPath = options.out;
  await mkdir(dirname(svgPath), { recursive: true });
  await writeFile(svgPath, chartGrid([lossChart, ...boundaries], { columns: 3 }));
  io.stdout.write(`curves and decision boundaries: ${svgPath}\n`);
  return { rows, svgPath };
}
