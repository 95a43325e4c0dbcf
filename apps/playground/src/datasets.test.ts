import { describe, expect, it } from "vitest";
import { createRng } from "@mytorch/matrix";
import { CIRCLE_RADIUS, circleDatasets, circleLabel } from "@mytorch/nn";
import { generatePoints, makeDatasets } from "./datasets.js";
import { DATASETS } from "./state.js";

describe("datasets", () => {
  it("circle, noise 0, 2000 points at 50%: exactly seed 001's train and test sets (circleDatasets)", () => {
    const { train, test } = makeDatasets({ dataset: "circle", noise: 0, points: 2000, trainPercent: 50, seed: 3 });
    const expected = circleDatasets(3);
    expect(train.X.shape).toEqual([1000, 2]);
    expect(test.Y.shape).toEqual([1000, 1]);
    expect(train.X.data).toEqual(expected.train.X.data);
    expect(train.Y.data).toEqual(expected.train.Y.data);
    expect(test.X.data).toEqual(expected.test.X.data);
    expect(test.Y.data).toEqual(expected.test.Y.data);
    expect(CIRCLE_RADIUS).toBeCloseTo(1 / Math.sqrt(2 * Math.PI), 15);
  });

  it.each(DATASETS)("%s: n points (n × 2), labels ±1, balanced within 10%, inside [0, 1]² without noise", (name) => {
    const { X, Y } = generatePoints(name, 2000, 0, createRng(5));
    expect(X.shape).toEqual([2000, 2]);
    expect(Y.shape).toEqual([2000, 1]);
    expect([...Y.data].every((y) => y === 1 || y === -1)).toBe(true);
    const positive = [...Y.data].filter((y) => y === 1).length;
    expect(Math.abs(positive / 2000 - 0.5)).toBeLessThan(0.1);
    const inside = [...X.data].filter((v) => v >= 0 && v <= 1).length;
    expect(inside / X.data.length).toBeGreaterThan(name === "gauss" ? 0.99 : 0.9999);
  });

  it("xor labels by quadrant; gauss labels by the nearer centre for almost every point", () => {
    const xor = generatePoints("xor", 500, 0, createRng(1));
    for (let i = 0; i < 500; i++) expect(xor.Y.data[i]).toBe((xor.X.data[2 * i]! - 0.5) * (xor.X.data[2 * i + 1]! - 0.5) >= 0 ? 1 : -1);
    const g = generatePoints("gauss", 1000, 0, createRng(1));
    let agree = 0;
    for (let i = 0; i < 1000; i++) agree += (g.X.data[2 * i]! + g.X.data[2 * i + 1]! > 1 ? 1 : -1) === g.Y.data[i] ? 1 : 0;
    expect(agree / 1000).toBeGreaterThan(0.99);
  });

  it("spiral: the two arms are point reflections of each other through (½, ½)", () => {
    const { X, Y } = generatePoints("spiral", 400, 0, createRng(2));
    const key = (x: number, y: number): string => `${x.toFixed(9)},${y.toFixed(9)}`;
    const positive = new Set<string>();
    for (let i = 0; i < 400; i++) if (Y.data[i] === 1) positive.add(key(X.data[2 * i]!, X.data[2 * i + 1]!));
    let mirrored = 0;
    for (let i = 0; i < 400; i++) if (Y.data[i] === -1 && positive.has(key(1 - X.data[2 * i]!, 1 - X.data[2 * i + 1]!))) mirrored++;
    expect(mirrored).toBe(200);
  });

  it("noise moves points but keeps the clean labels; the same seed gives the same numbers", () => {
    const clean = generatePoints("circle", 300, 0, createRng(9));
    const noisy = generatePoints("circle", 300, 0.1, createRng(9));
    expect(noisy.Y.data).toEqual(clean.Y.data);
    expect(noisy.X.data).not.toEqual(clean.X.data);
    expect(generatePoints("circle", 300, 0.1, createRng(9)).X.data).toEqual(noisy.X.data);
    let relabelled = 0;
    for (let i = 0; i < 300; i++) if (circleLabel(noisy.X.data[2 * i]!, noisy.X.data[2 * i + 1]!) !== noisy.Y.data[i]) relabelled++;
    expect(relabelled).toBeGreaterThan(0); // some points crossed the circle: that is the noise
  });

  it("the same settings give the same sets; another seed, others", () => {
    const s = { dataset: "spiral" as const, noise: 0.02, points: 300, trainPercent: 60, seed: 4 };
    expect(makeDatasets(s).train.X.data).toEqual(makeDatasets(s).train.X.data);
    expect(makeDatasets({ ...s, seed: 5 }).train.X.data).not.toEqual(makeDatasets(s).train.X.data);
    expect(makeDatasets(s).train.X.rows).toBe(180);
    expect(makeDatasets(s).test.X.rows).toBe(120);
  });
});
