/// <reference types="node" />
// The progress display of `pnpm train`, on stderr: one line per epoch, redrawn in place
// (carriage return) while the epoch runs when the stream is a terminal.
import type { BatchInfo, EpochStats } from "../fit.js";

/** Where progress goes: process.stderr, or a test double. */
export interface TextStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
  /** The terminal's width: the redrawn line is cut to fit, since a wrapped line cannot be redrawn with \r. */
  columns?: number;
}

const BAR_CELLS = 24;

/** A loss with 4 decimals, or 3 significant digits in e-notation below 0.001. */
export function formatLoss(x: number): string {
  return Math.abs(x) >= 1e-3 || x === 0 ? x.toFixed(4) : x.toExponential(2);
}

export function formatPercent(x: number): string {
  return `${(100 * x).toFixed(2)}%`;
}

function formatRate(samplesPerSecond: number): string {
  return `${Math.round(samplesPerSecond).toLocaleString("en-US")} samples/s`;
}

function formatSeconds(s: number): string {
  return s < 60 ? `${s.toFixed(1)}s` : `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, "0")}s`;
}

/** [██████░░░░] with `done / total` of the cells filled. */
export function bar(done: number, total: number, cells = BAR_CELLS): string {
  const filled = total > 0 ? Math.round((cells * done) / total) : cells;
  return `[${"█".repeat(filled)}${"░".repeat(cells - filled)}]`;
}

/** The in-place line while an epoch runs: bar, batches, running loss and accuracy, speed, time left. */
export function formatBatchLine(info: BatchInfo): string {
  const eta = info.batch > 0 ? ((info.batches - info.batch) * info.seconds) / info.batch : 0;
  const parts = [
    `epoch ${info.epoch}/${info.epochs} ${bar(info.batch, info.batches)} ${info.batch}/${info.batches}`,
    `loss ${formatLoss(info.loss)}`,
    ...(info.accuracy !== undefined ? [`acc ${formatPercent(info.accuracy)}`] : []),
    formatRate(info.samplesPerSecond),
    `${formatSeconds(info.seconds)} (${formatSeconds(eta)} left)`,
  ];
  return parts.join("  ");
}

/** The line an epoch leaves behind: its loss and accuracies, speed and duration. */
export function formatEpochLine(stats: EpochStats, epochs: number, batches: number): string {
  const parts = [
    `epoch ${stats.epoch}/${epochs} ${bar(batches, batches)} ${batches}/${batches}`,
    `loss ${formatLoss(stats.loss)}`,
    ...(stats.trainAccuracy !== undefined ? [`train acc ${formatPercent(stats.trainAccuracy)}`] : []),
    ...(stats.testLoss !== undefined ? [`test loss ${formatLoss(stats.testLoss)}`] : []),
    ...(stats.testAccuracy !== undefined ? [`test acc ${formatPercent(stats.testAccuracy)}`] : []),
    formatRate(stats.samplesPerSecond),
    formatSeconds(stats.seconds),
  ];
  return parts.join("  ");
}

/**
 * Draws the progress of fit: on a terminal, the batch line is redrawn in
 * place ("\r", clear to the end of the line) at most every `intervalMs`; on
 * anything else (a pipe, a CI log) only the epoch lines are written.
 */
export class ProgressBar {
  private lastDraw = -Infinity;
  private batches = 0;

  constructor(
    private readonly stream: TextStream,
    private readonly intervalMs = 100,
    private readonly clock: () => number = () => performance.now(),
  ) {}

  batch(info: BatchInfo): void {
    this.batches = info.batches;
    if (!this.stream.isTTY) return;
    const t = this.clock();
    if (t - this.lastDraw < this.intervalMs && info.batch < info.batches) return;
    this.lastDraw = t;
    const line = formatBatchLine(info);
    const width = this.stream.columns;
    this.stream.write(`\r${width !== undefined && line.length >= width ? line.slice(0, Math.max(0, width - 1)) : line}\x1b[K`);
  }

  epoch(stats: EpochStats, epochs: number): void {
    const line = formatEpochLine(stats, epochs, this.batches);
    this.stream.write(this.stream.isTTY ? `\r${line}\x1b[K\n` : `${line}\n`);
    this.lastDraw = -Infinity;
  }
}
