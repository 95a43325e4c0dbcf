/**
 * Counts the Float64Arrays (every Matrix's storage) created while `run` runs,
 * by standing a counting subclass in for the global Float64Array. Code that
 * reads the global at call time (new Float64Array, Float64Array.from) is
 * counted; `slice()` of an existing array is not. The swap deoptimises the
 * callers, so measure outside the timed runs.
 */
export function countFloat64Allocations(run: () => void): { arrays: number; bytes: number } {
  const Original = globalThis.Float64Array;
  const counts = { arrays: 0, bytes: 0 };
  class Counting extends Original {
    constructor(...args: ConstructorParameters<Float64ArrayConstructor>) {
      super(...args);
      counts.arrays++;
      counts.bytes += this.byteLength;
    }
  }
  globalThis.Float64Array = Counting as Float64ArrayConstructor;
  try {
    run();
  } finally {
    globalThis.Float64Array = Original;
  }
  return counts;
}
