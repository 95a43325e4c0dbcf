import { describe, expect, it } from "vitest";
import { Matrix, ShapeError } from "@mytorch/matrix";
import { Dataset } from "./dataset.js";
import { oneHot } from "./one-hot.js";

describe("oneHot", () => {
  it("labels [2, 0] with 3 classes → [[0, 0, 1], [1, 0, 0]]", () => {
    expect(oneHot([2, 0], 3).toArray()).toEqual([[0, 0, 1], [1, 0, 0]]);
  });

  it("rejects a label outside [0, classCount)", () => {
    expect(() => oneHot([0, 3], 3)).toThrow(/^oneHot: labels must be integers in \[0, 3\), got 3 at index 1$/);
  });
});

describe("Dataset", () => {
  const images = Matrix.fromArray([[0, 1], [2, 3], [4, 5]]);

  it("holds images and labels; classCount defaults to the largest label + 1", () => {
    const data = new Dataset(images, Int32Array.of(1, 0, 4));
    expect(data.size).toBe(3);
    expect(data.classCount).toBe(5);
    expect(data.oneHot().toArray()).toEqual([[0, 1, 0, 0, 0], [1, 0, 0, 0, 0], [0, 0, 0, 0, 1]]);
    expect(data.oneHot()).toBe(data.oneHot()); // computed once
  });

  it("slice keeps the rows, the labels and classCount", () => {
    const part = new Dataset(images, Int32Array.of(1, 0, 2), 10).slice(1, 3);
    expect(part.images.toArray()).toEqual([[2, 3], [4, 5]]);
    expect(Array.from(part.labels)).toEqual([0, 2]);
    expect(part.oneHot().shape).toEqual([2, 10]);
  });

  it("rejects a count mismatch and labels outside [0, classCount)", () => {
    expect(() => new Dataset(images, Int32Array.of(0, 1))).toThrow(ShapeError);
    expect(() => new Dataset(images, Int32Array.of(0, 1))).toThrow(/^Dataset: images has 3 rows \(3×2\) but there are 2 labels$/);
    expect(() => new Dataset(images, Int32Array.of(0, 1, 2), 2)).toThrow(/^Dataset: labels must be in \[0, 2\), got 2 at index 2$/);
  });
});
