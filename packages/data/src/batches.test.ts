import { describe, expect, it } from "vitest";
import { Matrix, ShapeError, createRng } from "@mytorch/matrix";
import { batches } from "./batches.js";
import { Dataset } from "./dataset.js";

// Ten examples whose single feature is their index, so a batch shows which rows it took.
const N = 10;
const data = new Dataset(Matrix.column(Array.from({ length: N }, (_, i) => i)), Int32Array.from({ length: N }, (_, i) => i % 3), 3);
const rowsOf = (X: Matrix) => Array.from(X.data);

describe("batches", () => {
  it("without shuffling: rows in order, batches of 4, 4 and a partial last batch of 2", () => {
    const all = [...batches(data, 4)];
    expect(all.map((b) => rowsOf(b.X))).toEqual([[0, 1, 2, 3], [4, 5, 6, 7], [8, 9]]);
    expect(batches(data, 4).batchCount).toBe(3);
    expect(batches(data, 4).exampleCount).toBe(10);
  });

  it("each batch carries its labels and their one-hot rows (B × classCount)", () => {
    const [first] = batches(data, 4);
    expect(Array.from(first!.labels)).toEqual([0, 1, 2, 0]);
    expect(first!.Y.toArray()).toEqual([[1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 0, 0]]);
  });

  it("with shuffling: every example exactly once per pass, labels kept with their rows", () => {
    for (const batchSize of [1, 3, 4, 10, 64]) {
      const seen: number[] = [];
      for (const { X, labels } of batches(data, batchSize, { shuffle: true, rng: createRng(5) })) {
        expect(X.rows).toBeLessThanOrEqual(batchSize);
        rowsOf(X).forEach((row, r) => expect(labels[r]).toBe(row % 3));
        seen.push(...rowsOf(X));
      }
      expect([...seen].sort((a, b) => a - b)).toEqual(Array.from({ length: N }, (_, i) => i));
    }
  });

  it("the same seed gives the same order; a new pass reshuffles", () => {
    const order = (seed: number) => [...batches(data, 3, { shuffle: true, rng: createRng(seed) })].flatMap((b) => rowsOf(b.X));
    expect(order(7)).toEqual(order(7));
    expect(order(7)).not.toEqual(order(8));
    const twoPasses = batches(data, 10, { shuffle: true, rng: createRng(7) });
    const [pass1] = twoPasses;
    const [pass2] = twoPasses;
    expect(rowsOf(pass1!.X)).not.toEqual(rowsOf(pass2!.X));
    expect(rowsOf(pass1!.X)).not.toEqual(Array.from({ length: N }, (_, i) => i));
  });

  it("batches a regression set { X, Y }, rows of X and Y kept together", () => {
    const X = Matrix.column([0, 1, 2, 3, 4]);
    const Y = X.scale(10);
    const all = [...batches({ X, Y }, 2, { shuffle: true, rng: createRng(1) })];
    expect(all.map((b) => b.X.rows)).toEqual([2, 2, 1]);
    for (const b of all) expect(rowsOf(b.Y)).toEqual(rowsOf(b.X).map((x) => 10 * x));
  });

  it("rejects a bad batch size and mismatched rows", () => {
    expect(() => batches(data, 0)).toThrow(/^batches: batchSize must be an integer ≥ 1, got 0$/);
    expect(() => batches(data, 2.5)).toThrow(/^batches: batchSize must be an integer ≥ 1, got 2.5$/);
    expect(() => batches({ X: Matrix.zeros(3, 2), Y: Matrix.zeros(2, 1) }, 2)).toThrow(ShapeError);
    expect(() => batches({ X: Matrix.zeros(3, 2), Y: Matrix.zeros(2, 1) }, 2)).toThrow(
      /^batches: X and Y must have the same number of rows, got 3×2 and 2×1$/,
    );
    expect(() => batches({ images: Matrix.zeros(3, 2), labels: new Int32Array(2) }, 2)).toThrow(
      /^batches: images has 3 rows \(3×2\) but there are 2 labels$/,
    );
  });
});
