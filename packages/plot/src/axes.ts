import type { Box } from "./legend.js";
import type { Scale } from "./scale.js";
import { element, text, textWidth } from "./svg.js";

export interface Frame {
  title?: string | undefined;
  xLabel?: string | undefined;
  yLabel?: string | undefined;
  width: number;
  height: number;
}

/** The plot area inside the frame, leaving room for the title, the axis labels, the y tick labels and `extraTop` px more at the top. */
export function plotBox(frame: Frame, yTickLabels: readonly string[], extraTop = 0): Box {
  const tickWidth = Math.max(0, ...yTickLabels.map((label) => textWidth(label, 11)));
  return {
    left: 10 + (frame.yLabel ? 20 : 0) + tickWidth + 8,
    top: (frame.title ? 36 : 14) + extraTop,
    right: frame.width - 16,
    bottom: frame.height - 22 - (frame.xLabel ? 22 : 0),
  };
}

/** Title, axis labels, horizontal grid lines with y tick labels, and the two axis lines. */
export function frameAndYAxis(frame: Frame, box: Box, y: Scale): string {
  const parts: string[] = [];
  if (frame.title) parts.push(text(frame.width / 2, 22, frame.title, { "text-anchor": "middle", "font-size": 14, "font-weight": "bold", class: "title" }));
  if (frame.xLabel) {
    parts.push(text((box.left + box.right) / 2, frame.height - 8, frame.xLabel, { "text-anchor": "middle", class: "x-label" }));
  }
  if (frame.yLabel) {
    const cx = 16, cy = (box.top + box.bottom) / 2;
    parts.push(text(cx, cy, frame.yLabel, { "text-anchor": "middle", transform: `rotate(-90 ${cx} ${cy})`, class: "y-label" }));
  }
  for (const tick of y.ticks) {
    const py = y(tick);
    parts.push(element("line", { x1: box.left, y1: py, x2: box.right, y2: py, stroke: "#e6e6e6" }));
    parts.push(element("line", { x1: box.left - 4, y1: py, x2: box.left, y2: py, stroke: "#333" }));
    parts.push(text(box.left - 7, py + 4, y.format(tick), { "text-anchor": "end", "font-size": 11, fill: "#333", class: "y-tick" }));
  }
  parts.push(element("line", { x1: box.left, y1: box.bottom, x2: box.right, y2: box.bottom, stroke: "#333" }));
  parts.push(element("line", { x1: box.left, y1: box.top, x2: box.left, y2: box.bottom, stroke: "#333" }));
  return parts.join("\n");
}

/** Tick marks and labels under the plot at the given x positions. */
export function xTicks(box: Box, ticks: readonly { x: number; label: string }[]): string {
  return ticks
    .map(
      ({ x, label }) =>
        element("line", { x1: x, y1: box.bottom, x2: x, y2: box.bottom + 4, stroke: "#333" }) +
        text(x, box.bottom + 17, label, { "text-anchor": "middle", "font-size": 11, fill: "#333", class: "x-tick" }),
    )
    .join("\n");
}
