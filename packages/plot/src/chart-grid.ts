import { svgRoot } from "./svg.js";

/**
 * Several standalone SVG charts (from lineChart / barChart) laid out in a
 * grid as one SVG document, `columns` per row (default: all in one row).
 * Each chart is nested as an <svg> at its place; cells are as large as the
 * largest chart.
 */
export function chartGrid(charts: readonly string[], options: { columns?: number } = {}): string {
  if (charts.length === 0) throw new RangeError("chartGrid: needs at least one chart");
  const columns = options.columns ?? charts.length;
  if (!Number.isInteger(columns) || columns < 1) throw new RangeError(`chartGrid: columns must be an integer ≥ 1, got ${columns}`);
  const sizes = charts.map((svg, k) => {
    const match = /^<svg [^>]*width="([\d.]+)" height="([\d.]+)"/.exec(svg);
    if (match === null) throw new RangeError(`chartGrid: chart ${k} is not an SVG from lineChart or barChart`);
    return { width: Number(match[1]), height: Number(match[2]) };
  });
  const cellWidth = Math.max(...sizes.map((s) => s.width)), cellHeight = Math.max(...sizes.map((s) => s.height));
  const rows = Math.ceil(charts.length / columns);
  const body = charts
    .map((svg, k) => {
      const x = (k % columns) * cellWidth, y = Math.floor(k / columns) * cellHeight;
      return svg.trim().replace(/^<svg /, `<svg x="${x}" y="${y}" `);
    })
    .join("\n");
  return svgRoot(cellWidth * Math.min(columns, charts.length), cellHeight * rows, body);
}
