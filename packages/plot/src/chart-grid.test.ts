import { describe, expect, it } from "vitest";
import { chartGrid } from "./chart-grid.js";
import { lineChart } from "./line-chart.js";
import { findAll, parseXml } from "./testing/xml.js";

describe("chartGrid", () => {
  const a = lineChart({ title: "a", series: [{ name: "x", y: [1, 2] }], width: 300, height: 200 });
  const b = lineChart({ title: "b", series: [{ name: "y", y: [2, 1] }], width: 300, height: 200 });

  it("nests the charts side by side in one SVG, each at its offset", () => {
    const svg = parseXml(chartGrid([a, b]));
    expect([svg.attributes["width"], svg.attributes["height"]]).toEqual(["600", "200"]);
    const nested = svg.children.filter((c) => c.name === "svg");
    expect(nested.map((s) => [s.attributes["x"], s.attributes["y"]])).toEqual([["0", "0"], ["300", "0"]]);
    expect(findAll(svg, "polyline")).toHaveLength(2);
  });

  it("wraps into rows with `columns`", () => {
    const svg = parseXml(chartGrid([a, b, a], { columns: 2 }));
    expect([svg.attributes["width"], svg.attributes["height"]]).toEqual(["600", "400"]);
    expect(svg.children.filter((c) => c.name === "svg").map((s) => s.attributes["y"])).toEqual(["0", "0", "200"]);
  });

  it("rejects no charts and text that is not one of our charts", () => {
    expect(() => chartGrid([])).toThrow(/^chartGrid: needs at least one chart$/);
    expect(() => chartGrid(["<p>hi</p>"])).toThrow(/^chartGrid: chart 0 is not an SVG from lineChart or barChart$/);
  });
});
