import { frameAndYAxis, plotBox, xTicks, type Frame } from "./axes.js";
import { checkFinite, checkSize } from "./check.js";
import { legend } from "./legend.js";
import { seriesStyle } from "./palette.js";
import { linearScale, logScale, type Scale } from "./scale.js";
import { element, px, svgRoot } from "./svg.js";

/** One line: y values, at x (0, 1, 2, … when omitted). */
export interface LineSeries {
  name: string;
  x?: readonly number[];
  y: readonly number[];
}

export interface LineChartOptions {
  title?: string;
  xLabel?: string;
  yLabel?: string;
  series: readonly LineSeries[];
  /** Pixels (default 560 × 360). */
  width?: number;
  height?: number;
  /** "log" for losses that fall over decades (every y must be > 0). Default "linear". */
  yScale?: "linear" | "log";
  /** y limits (e.g. 0 and 1 for an accuracy), widened if the data go beyond; by default the data's range, widened to whole ticks. */
  yMin?: number;
  yMax?: number;
  /** A dot at every point; by default when no series has more than 40 points. */
  markers?: boolean;
}

/**
 * A line chart as a standalone SVG document (a string): title, axes with
 * ticks and labels, one <polyline class="series"> per series in distinct
 * colours, and a legend. Text is escaped. Throws RangeError on a non-finite
 * value, an x/y length mismatch, an empty series, or y ≤ 0 on a log scale.
 */
export function lineChart(options: LineChartOptions): string {
  const call = "lineChart";
  const { series, width = 560, height = 360, yScale = "linear" } = options;
  checkSize(call, "width", width);
  checkSize(call, "height", height);
  if (series.length === 0) throw new RangeError(`${call}: series must have at least one entry`);
  const lines = series.map((s) => {
    if (s.y.length === 0) throw new RangeError(`${call}: series "${s.name}" has no points`);
    const x = s.x ?? s.y.map((_, i) => i);
    if (x.length !== s.y.length) throw new RangeError(`${call}: series "${s.name}" has ${x.length} x values but ${s.y.length} y values`);
    checkFinite(call, s.name, "x", x);
    checkFinite(call, s.name, "y", s.y);
    if (yScale === "log") {
      const i = s.y.findIndex((v) => v <= 0);
      if (i >= 0) throw new RangeError(`${call}: series "${s.name}" has y[${i}] = ${s.y[i]}; a log scale needs every y > 0`);
    }
    return { name: s.name, x, y: s.y };
  });
  for (const [name, value] of [["yMin", options.yMin], ["yMax", options.yMax]] as const) {
    if (value !== undefined && !Number.isFinite(value)) throw new RangeError(`${call}: ${name} must be a finite number, got ${value}`);
  }

  const xs = lines.flatMap((l) => l.x), ys = lines.flatMap((l) => l.y);
  // The y axis covers [yMin, yMax] when given, widened if the data go beyond.
  const yLo = Math.min(options.yMin ?? Infinity, ...ys), yHi = Math.max(options.yMax ?? -Infinity, ...ys);
  const fixedY = yLo === options.yMin && yHi === options.yMax;
  const makeY = (range: [number, number]): Scale =>
    yScale === "log" ? logScale(yLo, yHi, range) : linearScale(yLo, yHi, range, { nice: !fixedY });
  const frame: Frame = { title: options.title, xLabel: options.xLabel, yLabel: options.yLabel, width, height };
  const probe = makeY([0, 1]);
  const box = plotBox(frame, probe.ticks.map(probe.format));
  const y = makeY([box.bottom, box.top]);
  const x = linearScale(Math.min(...xs), Math.max(...xs), [box.left, box.right], {
    nice: false,
    integer: xs.every(Number.isInteger),
  });

  const markers = options.markers ?? lines.every((l) => l.y.length <= 40);
  const points: [number, number][] = [];
  const drawn = lines.map((line, k) => {
    const { color, dash } = seriesStyle(k);
    const pixels = line.y.map((v, i) => [x(line.x[i]!), y(v)] as [number, number]);
    points.push(...alongSegments(pixels, 8));
    const polyline = element("polyline", {
      class: "series",
      "data-name": line.name,
      points: pixels.map(([px_, py]) => `${px(px_)},${px(py)}`).join(" "),
      fill: "none",
      stroke: color,
      "stroke-width": 2,
      "stroke-linejoin": "round",
      "stroke-dasharray": dash,
    });
    const dots = markers ? pixels.map(([cx, cy]) => element("circle", { cx, cy, r: 2.8, fill: color })).join("") : "";
    return polyline + dots;
  });
  const entries = lines.map((line, k) => ({ name: line.name, ...seriesStyle(k) }));
  const body = [
    frameAndYAxis(frame, box, y),
    xTicks(box, x.ticks.map((t) => ({ x: x(t), label: x.format(t) }))),
    element("g", { class: "lines" }, drawn.join("\n")),
    legend(entries, box, points),
  ].join("\n");
  return svgRoot(width, height, body);
}

/** The vertices and points every `spacing` px along the segments between them (where a legend would hide the line). */
function alongSegments(pixels: readonly [number, number][], spacing: number): [number, number][] {
  const out: [number, number][] = pixels.length > 0 ? [pixels[0]!] : [];
  for (let i = 1; i < pixels.length; i++) {
    const [x0, y0] = pixels[i - 1]!, [x1, y1] = pixels[i]!;
    const steps = Math.min(200, Math.ceil(Math.hypot(x1 - x0, y1 - y0) / spacing));
    for (let k = 1; k <= steps; k++) out.push([x0 + ((x1 - x0) * k) / steps, y0 + ((y1 - y0) * k) / steps]);
  }
  return out;
}
