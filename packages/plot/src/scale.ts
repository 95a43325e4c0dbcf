/** Maps data values in [domain0, domain1] onto pixels [range0, range1], with the tick positions to label. */
export interface Scale {
  (value: number): number;
  ticks: number[];
  format(value: number): string;
}

/** The "nice" step (1, 2 or 5 × 10ᵏ) closest to span / count. */
export function niceStep(span: number, count: number): number {
  const raw = span / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  return (fraction < 1.5 ? 1 : fraction < 3.5 ? 2 : fraction < 7.5 ? 5 : 10) * power;
}

/**
 * A linear scale over [min, max], widened to whole ticks when `nice`; about
 * `tickCount` ticks (whole numbers only when `integer`). A zero span (one
 * value) is widened by ±1 (or ±|value|/10).
 */
export function linearScale(
  min: number,
  max: number,
  range: [number, number],
  options: { tickCount?: number; nice?: boolean; integer?: boolean } = {},
): Scale {
  const { tickCount = 6, nice = true, integer = false } = options;
  if (max === min) {
    const pad = min === 0 ? 1 : Math.abs(min) / 10;
    min -= pad;
    max += pad;
  }
  const step = integer ? Math.max(1, niceStep(max - min, tickCount)) : niceStep(max - min, tickCount);
  if (nice) {
    min = Math.floor(min / step + 1e-9) * step;
    max = Math.ceil(max / step - 1e-9) * step;
  }
  const ticks: number[] = [];
  for (let t = Math.ceil(min / step - 1e-9) * step; t <= max + step * 1e-9; t += step) ticks.push(Math.abs(t) < step * 1e-9 ? 0 : t);
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  const scale = ((value: number) => range[0] + ((value - min) / (max - min)) * (range[1] - range[0])) as Scale;
  scale.ticks = ticks;
  scale.format = (value) => {
    const magnitude = Math.max(Math.abs(ticks[0]!), Math.abs(ticks.at(-1)!));
    if (magnitude < 1e6 && decimals <= 5) return value.toFixed(decimals);
    // Very large or small: as many significant digits as the step needs, 1.5e-7.
    const digits = Math.max(0, Math.floor(Math.log10(magnitude) + 1e-9) - Math.floor(Math.log10(step) + 1e-9));
    return value === 0 ? "0" : value.toExponential(Math.min(digits, 6)).replace("e+", "e");
  };
  return scale;
}

const SUPERSCRIPT: Record<string, string> = { "-": "⁻", "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹" };

/** A base-10 log scale over [min, max] (both > 0), widened to whole decades; ticks at powers of 10. */
export function logScale(min: number, max: number, range: [number, number]): Scale {
  let lo = Math.floor(Math.log10(min) + 1e-9);
  let hi = Math.ceil(Math.log10(max) - 1e-9);
  if (hi === lo) hi = lo + 1;
  const every = Math.max(1, Math.ceil((hi - lo) / 8));
  lo = Math.floor(lo / every) * every;
  hi = Math.ceil(hi / every) * every;
  const scale = ((value: number) => range[0] + ((Math.log10(value) - lo) / (hi - lo)) * (range[1] - range[0])) as Scale;
  scale.ticks = [];
  for (let k = lo; k <= hi; k += every) scale.ticks.push(10 ** k);
  scale.format = (value) => {
    const k = Math.round(Math.log10(value));
    return k >= 0 && k <= 3 ? String(10 ** k) : "10" + String(k).replace(/./g, (c) => SUPERSCRIPT[c]!);
  };
  return scale;
}
