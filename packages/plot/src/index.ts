// @mytorch/plot: charts as standalone SVG strings; no DOM, runs anywhere.
export { lineChart, type LineChartOptions, type LineSeries } from "./line-chart.js";
export { barChart, type BarChartOptions, type BarSeries } from "./bar-chart.js";
export { chartGrid } from "./chart-grid.js";
export { escapeXml } from "./svg.js";
export { PALETTE } from "./palette.js";
