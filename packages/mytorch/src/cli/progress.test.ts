import { describe, expect, it } from "vitest";
import type { BatchInfo, EpochStats } from "../fit.js";
import { ProgressBar, bar, formatBatchLine, formatEpochLine, formatLoss } from "./progress.js";

const info = (batch: number, extra: Partial<BatchInfo> = {}): BatchInfo => ({
  epoch: 2, epochs: 5, batch, batches: 4, batchLoss: 0.5, loss: 0.4567, accuracy: 0.8123, samples: batch * 64,
  samplesPerSecond: 1234.4, seconds: batch * 2, ...extra,
});
const stats: EpochStats = { epoch: 2, loss: 0.41, trainAccuracy: 0.85, testLoss: 0.45, testAccuracy: 0.8421, samplesPerSecond: 1500, seconds: 40 };

function recorder(isTTY: boolean) {
  const chunks: string[] = [];
  return { stream: { isTTY, write: (chunk: string) => chunks.push(chunk) }, chunks };
}

describe("progress lines", () => {
  it("a bar fills in proportion", () => {
    expect(bar(0, 4, 8)).toBe("[░░░░░░░░]");
    expect(bar(1, 4, 8)).toBe("[██░░░░░░]");
    expect(bar(4, 4, 8)).toBe("[████████]");
  });

  it("the batch line shows batches done/total, running loss and accuracy, samples/s and time left", () => {
    expect(formatBatchLine(info(1))).toBe(
      "epoch 2/5 [██████░░░░░░░░░░░░░░░░░░] 1/4  loss 0.4567  acc 81.23%  1,234 samples/s  2.0s (6.0s left)",
    );
    expect(formatBatchLine(info(1, { accuracy: undefined }))).not.toContain("acc");
  });

  it("the epoch line shows train and test numbers", () => {
    expect(formatEpochLine(stats, 5, 938)).toBe(
      "epoch 2/5 [████████████████████████] 938/938  loss 0.4100  train acc 85.00%  test loss 0.4500  test acc 84.21%  1,500 samples/s  40.0s",
    );
  });

  it("small losses switch to e-notation", () => {
    expect(formatLoss(0.01234)).toBe("0.0123");
    expect(formatLoss(0.0000987)).toBe("9.87e-5");
  });
});

describe("ProgressBar", () => {
  it("on a terminal: redraws in place with \\r at most every interval, ends the epoch with a newline", () => {
    const { stream, chunks } = recorder(true);
    let t = 0;
    const progress = new ProgressBar(stream, 100, () => t);
    progress.batch(info(1)); // drawn
    t = 50;
    progress.batch(info(2)); // too soon: skipped
    t = 150;
    progress.batch(info(3)); // drawn
    t = 160;
    progress.batch(info(4)); // last batch: always drawn
    progress.epoch(stats, 5);
    expect(chunks).toHaveLength(4);
    expect(chunks.slice(0, 3).every((c) => c.startsWith("\r") && c.endsWith("\x1b[K") && !c.includes("\n"))).toBe(true);
    expect(chunks[3]).toBe(`\r${formatEpochLine(stats, 5, 4)}\x1b[K\n`);
  });

  it("on a narrow terminal the redrawn line is cut to one row (columns − 1 characters)", () => {
    const chunks: string[] = [];
    const progress = new ProgressBar({ isTTY: true, columns: 40, write: (c: string) => chunks.push(c) });
    progress.batch(info(1));
    expect(chunks[0]).toBe(`\r${formatBatchLine(info(1)).slice(0, 39)}\x1b[K`);
  });

  it("elsewhere (a pipe, a CI log): one plain line per epoch, no control characters", () => {
    const { stream, chunks } = recorder(false);
    const progress = new ProgressBar(stream);
    for (let b = 1; b <= 4; b++) progress.batch(info(b));
    progress.epoch(stats, 5);
    expect(chunks).toEqual([`${formatEpochLine(stats, 5, 4)}\n`]);
  });
});
