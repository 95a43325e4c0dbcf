import { frameAndYAxis, plotBox, xTicks, type Frame } from "./axes.js";
import { checkFinite, checkSize } from "./check.js";
import { legendRow } from "./legend.js";
import { seriesStyle } from "./palette.js";
import { linearScale } from "./scale.js";
import { element, escapeXml, px, svgRoot, text } from "./svg.js";

/** One group member: a value per category. */
export interface BarSeries {
  name: string;
  values: readonly number[];
}

export interface BarChartOptions {
  title?: string;
  xLabel?: string;
  yLabel?: string;
  /** One label per group of bars along x. */
  categories: readonly string[];
  /** One bar per category from each series, side by side in distinct colours. */
  series: readonly BarSeries[];
  width?: number;
  height?: number;
  /** y limits, widened to include the data and 0. */
  yMin?: number;
  yMax?: number;
  /** Print each bar's value above it (default true). */
  valueLabels?: boolean;
}

/**
 * A grouped bar chart as a standalone SVG document: one <g class="series">
 * of <rect>s per series, categories along x, a legend row above the plot
 * when there are two or more series. Throws RangeError on a non-finite value or a values/categories
 * length mismatch.
 */
export function barChart(options: BarChartOptions): string {
  const call = "barChart";
  const { categories, series, width = 560, height = 360, valueLabels = true } = options;
  checkSize(call, "width", width);
  checkSize(call, "height", height);
  if (categories.length === 0) throw new RangeError(`${call}: categories must have at least one entry`);
  if (series.length === 0) throw new RangeError(`${call}: series must have at least one entry`);
  for (const s of series) {
    if (s.values.length !== categories.length) {
      throw new RangeError(`${call}: series "${s.name}" has ${s.values.length} values but there are ${categories.length} categories`);
    }
    checkFinite(call, s.name, "values", s.values);
  }
  const values = series.flatMap((s) => s.values);
  let lo = Math.min(0, options.yMin ?? 0, ...values), hi = Math.max(0, options.yMax ?? 0, ...values);
  if (valueLabels) {
    // Headroom for the value printed beyond each bar's end.
    const margin = 0.08 * (hi - lo || 1);
    if (Math.max(...values) > 0) hi = Math.max(hi, Math.max(...values) + margin);
    if (Math.min(...values) < 0) lo = Math.min(lo, Math.min(...values) - margin);
  }
  const frame: Frame = { title: options.title, xLabel: options.xLabel, yLabel: options.yLabel, width, height };
  const probe = linearScale(lo, hi, [0, 1]);
  const showLegend = series.length > 1;
  const box = plotBox(frame, probe.ticks.map(probe.format), showLegend ? 20 : 0);
  const y = linearScale(lo, hi, [box.bottom, box.top]);
  const band = (box.right - box.left) / categories.length;
  const barWidth = (band * 0.8) / series.length;
  const zero = y(0);
  const groups = series.map((s, k) => {
    const { color } = seriesStyle(k);
    const bars = s.values.map((value, c) => {
      const x = box.left + band * c + band * 0.1 + barWidth * k;
      const top = Math.min(y(value), zero);
      const rect = element("rect", { x, y: top, width: barWidth, height: Math.abs(y(value) - zero), fill: color }, `<title>${escapeXml(`${s.name}, ${categories[c]}: ${value}`)}</title>`);
      const label = valueLabels
        ? text(x + barWidth / 2, value >= 0 ? top - 4 : top + Math.abs(y(value) - zero) + 12, formatValue(value), { "text-anchor": "middle", "font-size": 10, fill: "#333" })
        : "";
      return rect + label;
    });
    return element("g", { class: "series", "data-name": s.name }, bars.join(""));
  });
  const body = [
    frameAndYAxis(frame, box, y),
    xTicks(box, categories.map((label, c) => ({ x: box.left + band * (c + 0.5), label }))),
    groups.join("\n"),
    showLegend ? legendRow(series.map((s, k) => ({ name: s.name, color: seriesStyle(k).color })), box.right, box.top - 10) : "",
  ].join("\n");
  return svgRoot(width, height, body);
}

/** Up to 4 significant digits, no exponent for ordinary sizes. */
function formatValue(value: number): string {
  return Math.abs(value) >= 1e-3 && Math.abs(value) < 1e6 ? String(Number(value.toPrecision(4))) : px(value) === "0" ? value.toExponential(2) : value.toPrecision(4);
}
