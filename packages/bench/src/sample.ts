/** One timing sample: runs `run` repeatedly until minMs have passed; milliseconds per run. */
export function msPerRun(run: () => void, minMs: number): number {
  let count = 0;
  const start = performance.now();
  let now: number;
  do {
    run();
    count++;
    now = performance.now();
  } while (now - start < minMs);
  return (now - start) / count;
}
