import { element, text, textWidth } from "./svg.js";

export interface LegendEntry {
  name: string;
  color: string;
  dash?: string | undefined;
}

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const ROW = 16;
const PAD = 6;
const SAMPLE = 20;

/** Width and height of the legend box for these entries. */
export function legendSize(entries: readonly LegendEntry[]): { width: number; height: number } {
  const longest = Math.max(...entries.map((e) => textWidth(e.name)));
  return { width: PAD + SAMPLE + 6 + longest + PAD, height: PAD * 2 + ROW * entries.length - 4 };
}

/**
 * The legend inside `plot`, in the corner covering the fewest of `points` (the lines' pixels)
 * (top-right first on a tie): a white box, one row per entry with a line
 * sample in the entry's colour and its name.
 */
export function legend(entries: readonly LegendEntry[], plot: Box, points: readonly [number, number][]): string {
  const { width, height } = legendSize(entries);
  const inset = 8;
  const corners: [number, number][] = [
    [plot.right - inset - width, plot.top + inset],
    [plot.left + inset, plot.top + inset],
    [plot.right - inset - width, plot.bottom - inset - height],
    [plot.left + inset, plot.bottom - inset - height],
  ];
  const covered = ([x, y]: [number, number]) =>
    points.filter(([px, py]) => px >= x - 6 && px <= x + width + 6 && py >= y - 6 && py <= y + height + 6).length;
  const [x, y] = corners.reduce((best, corner) => (covered(corner) < covered(best) ? corner : best));
  const rows = entries.map((entry, k) => {
    const cy = y + PAD + ROW * k + 6;
    const sample = element("line", { x1: x + PAD, y1: cy, x2: x + PAD + SAMPLE, y2: cy, stroke: entry.color, "stroke-width": 2.5, "stroke-dasharray": entry.dash });
    return sample + text(x + PAD + SAMPLE + 6, cy + 4, entry.name, { fill: "#222" });
  });
  const box = element("rect", { x, y, width, height, rx: 3, fill: "white", "fill-opacity": 0.9, stroke: "#bbb" });
  return element("g", { class: "legend" }, box + rows.join(""));
}

/** The legend as one row of entries ending at `right`, its text baseline at `y` (for charts whose plot area is full, like bars). */
export function legendRow(entries: readonly LegendEntry[], right: number, y: number): string {
  const widths = entries.map((e) => SAMPLE / 2 + 6 + textWidth(e.name) + 14);
  let x = right - widths.reduce((a, b) => a + b, 0);
  const items = entries.map((entry, k) => {
    const item =
      element("rect", { x, y: y - 9, width: SAMPLE / 2, height: 10, fill: entry.color }) +
      text(x + SAMPLE / 2 + 6, y, entry.name, { fill: "#222" });
    x += widths[k]!;
    return item;
  });
  return element("g", { class: "legend" }, items.join(""));
}
