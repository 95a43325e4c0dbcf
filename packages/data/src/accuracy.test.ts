import { describe, expect, it } from "vitest";
import { Matrix, ShapeError } from "@mytorch/matrix";
import { accuracy, countCorrect } from "./accuracy.js";

describe("accuracy", () => {
  it("counts rows whose largest logit is at the label: 2 of 3", () => {
    const logits = Matrix.fromArray([[0.1, 2, -1], [5, 4, 3], [0, 0, 1]]);
    expect(accuracy(logits, Int32Array.of(1, 1, 2))).toBe(2 / 3);
  });

  it("countCorrect gives the count itself: 2 of 3", () => {
    const logits = Matrix.fromArray([[0.1, 2, -1], [5, 4, 3], [0, 0, 1]]);
    expect(countCorrect(logits, Int32Array.of(1, 1, 2))).toBe(2);
    expect(countCorrect(Matrix.zeros(0, 3), [])).toBe(0);
    expect(() => countCorrect(Matrix.zeros(2, 3), [0])).toThrow(/^countCorrect: logits has 2 rows \(2×3\) but there are 1 labels$/);
  });

  it("takes the first maximum on ties", () => {
    expect(accuracy(Matrix.fromArray([[1, 1]]), [0])).toBe(1);
    expect(accuracy(Matrix.fromArray([[1, 1]]), [1])).toBe(0);
  });

  it("throws ShapeError on a count mismatch or no examples", () => {
    expect(() => accuracy(Matrix.zeros(2, 3), [0])).toThrow(ShapeError);
    expect(() => accuracy(Matrix.zeros(2, 3), [0])).toThrow(/^accuracy: logits has 2 rows \(2×3\) but there are 1 labels$/);
    expect(() => accuracy(Matrix.zeros(0, 3), [])).toThrow(/^accuracy: needs at least one example, got 0×3$/);
  });
});
