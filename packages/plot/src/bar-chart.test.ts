import { describe, expect, it } from "vitest";
import { barChart } from "./bar-chart.js";
import { PALETTE } from "./palette.js";
import { findAll, parseXml } from "./testing/xml.js";

const source = barChart({
  title: "Test accuracy",
  yLabel: "accuracy",
  categories: ["regression", "Fashion-MNIST"],
  series: [
    { name: "MyTorch", values: [0.9, 0.6] },
    { name: "TF.js", values: [0.3, 0.45] },
  ],
});

describe("barChart", () => {
  it("one group of bars per series, one bar per category, heights proportional to the values", () => {
    const svg = parseXml(source);
    const groups = findAll(svg, "g").filter((g) => g.attributes["class"] === "series");
    expect(groups.map((g) => g.attributes["data-name"])).toEqual(["MyTorch", "TF.js"]);
    const heights = groups.map((g) => findAll(g, "rect").map((r) => Number(r.attributes["height"])));
    const unit = heights[0]![0]! / 0.9;
    [[0.9, 0.6], [0.3, 0.45]].forEach((values, k) => values.forEach((v, c) => expect(heights[k]![c]).toBeCloseTo(v * unit, 1)));
    expect(groups.map((g) => findAll(g, "rect")[0]!.attributes["fill"])).toEqual([PALETTE[0], PALETTE[1]]);
  });

  it("labels the categories along x and names the series in a legend", () => {
    const svg = parseXml(source);
    const xTicks = findAll(svg, "text").filter((t) => t.attributes["class"] === "x-tick").map((t) => t.text);
    expect(xTicks).toEqual(["regression", "Fashion-MNIST"]);
    const legend = findAll(svg, "g").find((g) => g.attributes["class"] === "legend")!;
    expect(findAll(legend, "text").map((t) => t.text)).toEqual(["MyTorch", "TF.js"]);
  });

  it("negative values hang below the zero line", () => {
    const svg = parseXml(barChart({ categories: ["a", "b"], series: [{ name: "s", values: [2, -1] }] }));
    const [up, down] = findAll(svg, "rect").filter((r) => r.attributes["fill"] === PALETTE[0]);
    expect(Number(up!.attributes["y"]) + Number(up!.attributes["height"])).toBeCloseTo(Number(down!.attributes["y"]), 6);
    expect(Number(up!.attributes["height"])).toBeCloseTo(2 * Number(down!.attributes["height"]), 6);
  });

  it("rejects mismatched lengths and non-finite values", () => {
    expect(() => barChart({ categories: ["a"], series: [{ name: "s", values: [1, 2] }] })).toThrow(
      /^barChart: series "s" has 2 values but there are 1 categories$/,
    );
    expect(() => barChart({ categories: ["a"], series: [{ name: "s", values: [NaN] }] })).toThrow(
      /^barChart: series "s" has values\[0\] = NaN; every value must be a finite number$/,
    );
  });
});
