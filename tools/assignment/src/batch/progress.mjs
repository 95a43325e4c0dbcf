// A progress line for long batch grades: the count, the rate, the time left.
// On a terminal it redraws one line; elsewhere (CI, a log) it prints a line
// every tenth of the class and at the end.

/** "1:05" or "12:30" from seconds. */
export function clock(seconds) {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${rest}` : `${m}:${rest}`;
}

/** The line for `done` of `total` after `seconds` (skipped ones are not counted in the rate). */
export function progressLine({ done, total, skipped, seconds }, width = 24) {
  const filled = total === 0 ? width : Math.round((done / total) * width);
  const graded = done - skipped;
  const rate = graded > 0 ? graded / seconds : 0;
  const left = rate > 0 ? clock((total - done) / rate) : "?";
  return `[${"█".repeat(filled)}${"░".repeat(width - filled)}] ${done}/${total}  ${(rate * 60).toFixed(1)}/min  ${clock(seconds)} elapsed, ${done === total ? "done" : `~${left} left`}${skipped > 0 ? `  (${skipped} unchanged, skipped)` : ""}`;
}

/** An onProgress for gradeClass writing to `stream`. */
export function progressReporter(stream = process.stderr) {
  let lastTenth = -1;
  return (progress) => {
    const line = progressLine(progress);
    if (stream.isTTY) {
      stream.write(`\r${line}${progress.done === progress.total ? "\n" : ""}`);
      return;
    }
    const tenth = Math.floor((progress.done / Math.max(1, progress.total)) * 10);
    if (tenth !== lastTenth || progress.done === progress.total) {
      lastTenth = tenth;
      stream.write(`${line}\n`);
    }
  };
}
