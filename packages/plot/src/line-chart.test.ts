import { describe, expect, it } from "vitest";
import { lineChart } from "./line-chart.js";
import { PALETTE } from "./palette.js";
import { findAll, parseXml, type XmlElement } from "./testing/xml.js";

const points = (polyline: XmlElement) => polyline.attributes["points"]!.split(" ").map((p) => p.split(",").map(Number) as [number, number]);
const texts = (svg: XmlElement, cls: string) => findAll(svg, "text").filter((t) => t.attributes["class"] === cls);

const epochs = [1, 2, 3, 4, 5];
const chart = lineChart({
  title: "Loss",
  xLabel: "epoch",
  yLabel: "cross entropy",
  series: [
    { name: "train", x: epochs, y: [0.9, 0.6, 0.5, 0.45, 0.42] },
    { name: "test", x: epochs, y: [0.95, 0.7, 0.6, 0.55, 0.53] },
  ],
});

describe("lineChart", () => {
  it("is a standalone, well-formed SVG document of the requested size (default 560×360)", () => {
    const svg = parseXml(chart);
    expect(svg.name).toBe("svg");
    expect(svg.attributes["xmlns"]).toBe("http://www.w3.org/2000/svg");
    expect([svg.attributes["width"], svg.attributes["height"], svg.attributes["viewBox"]]).toEqual(["560", "360", "0 0 560 360"]);
    const small = parseXml(lineChart({ series: [{ name: "a", y: [1, 2] }], width: 300, height: 200 }));
    expect([small.attributes["width"], small.attributes["height"]]).toEqual(["300", "200"]);
  });

  it("draws one polyline per series, in distinct colours, with one vertex per point", () => {
    const lines = findAll(parseXml(chart), "polyline");
    expect(lines.map((l) => l.attributes["data-name"])).toEqual(["train", "test"]);
    expect(lines.map((l) => l.attributes["stroke"])).toEqual([PALETTE[0], PALETTE[1]]);
    expect(lines.map((l) => points(l).length)).toEqual([5, 5]);
  });

  it("has the title, the axis labels and a legend naming every series in its colour", () => {
    const svg = parseXml(chart);
    expect(texts(svg, "title")[0]!.text).toBe("Loss");
    expect(texts(svg, "x-label")[0]!.text).toBe("epoch");
    expect(texts(svg, "y-label")[0]!.text).toBe("cross entropy");
    const legend = findAll(svg, "g").find((g) => g.attributes["class"] === "legend")!;
    expect(findAll(legend, "text").map((t) => t.text)).toEqual(["train", "test"]);
    expect(findAll(legend, "line").map((l) => l.attributes["stroke"])).toEqual([PALETTE[0], PALETTE[1]]);
  });

  it("places every point on its tick: a value equal to a tick label sits at that tick's height and position", () => {
    const svg = parseXml(lineChart({ series: [{ name: "s", x: [0, 10, 20, 30, 40], y: [0, 1, 2, 3, 4] }] }));
    const yTicks = new Map(texts(svg, "y-tick").map((t) => [Number(t.text), Number(t.attributes["y"]) - 4]));
    const xTicks = new Map(texts(svg, "x-tick").map((t) => [Number(t.text), Number(t.attributes["x"])]));
    const drawn = points(findAll(svg, "polyline")[0]!);
    [0, 1, 2, 3, 4].forEach((v, i) => {
      expect(drawn[i]![1]).toBeCloseTo(yTicks.get(v)!, 1);
      expect(drawn[i]![0]).toBeCloseTo(xTicks.get(10 * v)!, 1);
    });
  });

  it("labels y with evenly spaced round ticks covering the data", () => {
    const svg = parseXml(chart);
    const labels = texts(svg, "y-tick").map((t) => t.text);
    const values = labels.map(Number);
    expect(values[0]).toBeLessThanOrEqual(0.42);
    expect(values.at(-1)).toBeGreaterThanOrEqual(0.95);
    const steps = values.slice(1).map((v, i) => v - values[i]!);
    for (const step of steps) expect(step).toBeCloseTo(steps[0]!, 12);
    expect([0.1, 0.2, 0.5, 0.05]).toContain(Number(steps[0]!.toFixed(12)));
    expect(new Set(labels.map((l) => l.split(".")[1]?.length ?? 0)).size).toBe(1); // same number of decimals
  });

  it("x defaults to 0, 1, 2, …: whole-number ticks for whole-number x", () => {
    const svg = parseXml(lineChart({ series: [{ name: "s", y: [5, 4, 3] }] }));
    expect(texts(svg, "x-tick").map((t) => t.text)).toEqual(["0", "1", "2"]);
  });

  it("a log y scale puts ticks at powers of ten", () => {
    const svg = parseXml(lineChart({ yScale: "log", series: [{ name: "loss", y: [20, 1, 0.05, 0.002] }] }));
    expect(texts(svg, "y-tick").map((t) => t.text)).toEqual(["10⁻³", "10⁻²", "10⁻¹", "1", "10", "100"]);
  });

  it("escapes text: <, &, quotes in the title, labels and series names", () => {
    const nasty = `a < b & "c" 'd' </svg>`;
    const source = lineChart({ title: nasty, xLabel: nasty, series: [{ name: nasty, y: [1, 2] }] });
    expect(source).not.toContain("</svg>\n</svg>");
    const svg = parseXml(source);
    expect(texts(svg, "title")[0]!.text).toBe(nasty);
    expect(findAll(svg, "polyline")[0]!.attributes["data-name"]).toBe(nasty);
    expect(source).toContain("a &lt; b &amp; &quot;c&quot; &#39;d&#39; &lt;/svg&gt;");
  });

  it("twelve series stay distinguishable: no two share both colour and dash pattern", () => {
    const series = Array.from({ length: 12 }, (_, k) => ({ name: `s${k}`, y: [k, k + 1] }));
    const lines = findAll(parseXml(lineChart({ series })), "polyline");
    const styles = lines.map((l) => `${l.attributes["stroke"]}|${l.attributes["stroke-dasharray"] ?? ""}`);
    expect(new Set(styles).size).toBe(12);
  });

  it("dots mark the points of short series only (unless asked)", () => {
    expect(findAll(parseXml(chart), "circle")).toHaveLength(10);
    const long = lineChart({ series: [{ name: "s", y: Array.from({ length: 100 }, (_, i) => i) }] });
    expect(findAll(parseXml(long), "circle")).toHaveLength(0);
  });

  it("rejects NaN and ±Infinity, naming the series and the index", () => {
    expect(() => lineChart({ series: [{ name: "train loss", y: [1, 0.5, NaN] }] })).toThrow(
      /^lineChart: series "train loss" has y\[2\] = NaN; every value must be a finite number$/,
    );
    expect(() => lineChart({ series: [{ name: "a", x: [0, Infinity], y: [1, 2] }] })).toThrow(
      /^lineChart: series "a" has x\[1\] = Infinity; every value must be a finite number$/,
    );
  });

  it("rejects empty input, mismatched x and y, y ≤ 0 on a log scale, and a bad size", () => {
    expect(() => lineChart({ series: [] })).toThrow(/^lineChart: series must have at least one entry$/);
    expect(() => lineChart({ series: [{ name: "a", y: [] }] })).toThrow(/^lineChart: series "a" has no points$/);
    expect(() => lineChart({ series: [{ name: "a", x: [1], y: [1, 2] }] })).toThrow(/^lineChart: series "a" has 1 x values but 2 y values$/);
    expect(() => lineChart({ yScale: "log", series: [{ name: "a", y: [1, 0] }] })).toThrow(
      /^lineChart: series "a" has y\[1\] = 0; a log scale needs every y > 0$/,
    );
    expect(() => lineChart({ width: -5, series: [{ name: "a", y: [1] }] })).toThrow(/^lineChart: width must be a finite number > 0, got -5$/);
  });

  it("a single point or a flat line still gets a y range and ticks", () => {
    const svg = parseXml(lineChart({ series: [{ name: "a", y: [3, 3, 3] }] }));
    expect(texts(svg, "y-tick").length).toBeGreaterThanOrEqual(2);
    for (const [, y] of points(findAll(svg, "polyline")[0]!)) expect(Number.isFinite(y)).toBe(true);
  });
});

describe("lineChart legend placement", () => {
  it("goes to a corner that no line crosses", () => {
    // Two epochs of accuracies (a case that once put the legend over the rising line's end).
    const svg = parseXml(lineChart({
      series: [
        { name: "train (during the epoch)", x: [1, 2], y: [0.697, 0.818] },
        { name: "test (end of epoch)", x: [1, 2], y: [0.792, 0.766] },
      ],
    }));
    const box = findAll(svg, "g").find((g) => g.attributes["class"] === "legend")!.children[0]!;
    const [bx, by] = [Number(box.attributes["x"]), Number(box.attributes["y"])];
    const [bw, bh] = [Number(box.attributes["width"]), Number(box.attributes["height"])];
    for (const line of findAll(svg, "polyline").map(points)) for (let i = 1; i < line.length; i++) {
      const [[x0, y0], [x1, y1]] = [line[i - 1]!, line[i]!];
      for (let t = 0; t <= 1; t += 0.05) {
        const [px, py] = [x0 + (x1 - x0) * t, y0 + (y1 - y0) * t];
        expect(px >= bx && px <= bx + bw && py >= by && py <= by + bh).toBe(false);
      }
    }
  });
});
