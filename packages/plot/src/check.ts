/** Throws a RangeError naming the chart call, the series and the index of the first non-finite value. */
export function checkFinite(call: string, seriesName: string, axis: string, values: readonly number[]): void {
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (typeof value !== "number" || !Number.isFinite(value)) {
      throw new RangeError(`${call}: series "${seriesName}" has ${axis}[${i}] = ${String(value)}; every value must be a finite number`);
    }
  }
}

/** Throws a RangeError unless `value` is undefined or a finite number > 0 (a width or a height). */
export function checkSize(call: string, name: string, value: number | undefined): void {
  if (value !== undefined && !(Number.isFinite(value) && value > 0)) {
    throw new RangeError(`${call}: ${name} must be a finite number > 0, got ${value}`);
  }
}
