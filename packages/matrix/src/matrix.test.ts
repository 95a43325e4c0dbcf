import { describe, expect, it } from "vitest";
import { Matrix } from "./matrix.js";
import { ShapeError } from "./shape-error.js";
import { NotImplementedError } from "./not-implemented-error.js";

describe("Matrix construction", () => {
  it("zeros(2, 3) is 2×3 of zeros, row-major", () => {
    const m = Matrix.zeros(2, 3);
    expect(m.shape).toEqual([2, 3]);
    expect(Array.from(m.data)).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it("uses the data it is given as is", () => {
    const data = Float64Array.of(1, 2, 3, 4, 5, 6);
    const m = new Matrix(2, 3, data);
    expect(m.data).toBe(data);
    expect(m.get(1, 0)).toBe(4); // data[i * cols + j]
  });

  it("fromArray and toArray round-trip, including 1×1, 1×n, n×1 and 0×0", () => {
    for (const values of [[[7]], [[1, 2, 3]], [[1], [2], [3]], [], [[1.5, -2], [3, 4e-300]]]) {
      expect(Matrix.fromArray(values).toArray()).toEqual(values);
    }
  });

  it("row, column, full and identity build what they say", () => {
    expect(Matrix.row([1, 2]).shape).toEqual([1, 2]);
    expect(Matrix.column([1, 2]).shape).toEqual([2, 1]);
    expect(Matrix.full(2, 2, 3).toArray()).toEqual([[3, 3], [3, 3]]);
    expect(Matrix.identity(2).toArray()).toEqual([[1, 0], [0, 1]]);
  });

  it("rejects data of the wrong length, naming both sizes", () => {
    expect(() => new Matrix(2, 3, new Float64Array(5))).toThrow(ShapeError);
    expect(() => new Matrix(2, 3, new Float64Array(5))).toThrow(/^Matrix: data has length 5, expected 2×3 = 6$/);
  });

  it("rejects negative or fractional sizes", () => {
    expect(() => new Matrix(-1, 2)).toThrow(/^Matrix: rows and cols must be integers ≥ 0, got -1×2$/);
    expect(() => new Matrix(1.5, 2)).toThrow(ShapeError);
  });

  it("rejects ragged rows in fromArray", () => {
    expect(() => Matrix.fromArray([[1, 2], [3]])).toThrow(/^Matrix.fromArray: every row must have 2 entries \(as row 0\), row 1 has 1$/);
  });

  it("get and set check their indices", () => {
    const m = Matrix.zeros(2, 2).set(1, 1, 5);
    expect(m.get(1, 1)).toBe(5);
    expect(() => m.get(2, 0)).toThrow(/^Matrix.get: index \(2, 0\) is outside a 2×2 matrix$/);
    expect(() => m.set(0, -1, 1)).toThrow(RangeError);
  });

  it("clone copies the data", () => {
    const a = Matrix.fromArray([[1, 2]]);
    const b = a.clone();
    b.set(0, 0, 9);
    expect(a.get(0, 0)).toBe(1);
  });

  it("selectRows gathers rows in the given order and checks indices", () => {
    const m = Matrix.fromArray([[1, 2], [3, 4], [5, 6]]);
    expect(m.selectRows([2, 0, 2]).toArray()).toEqual([[5, 6], [1, 2], [5, 6]]);
    expect(m.selectRows([]).shape).toEqual([0, 2]);
    expect(() => m.selectRows([3])).toThrow(/^Matrix.selectRows: row index 3 is outside 0..2$/);
  });

  it("sliceRows takes a contiguous block", () => {
    const m = Matrix.fromArray([[1], [2], [3], [4]]);
    expect(m.sliceRows(1, 3).toArray()).toEqual([[2], [3]]);
    expect(m.sliceRows(4, 4).shape).toEqual([0, 1]);
    expect(() => m.sliceRows(3, 5)).toThrow(/^Matrix.sliceRows: need 0 ≤ start ≤ end ≤ 4, got 3..5$/);
  });

  it("toString shows the shape and elides large matrices", () => {
    expect(String(Matrix.fromArray([[1, 0.5]]))).toBe("Matrix 1×2\n  [1, 0.500000]");
    const big = String(Matrix.zeros(10, 10));
    expect(big.split("\n")).toHaveLength(8);
    expect(big).toContain("⋮");
  });
});

describe("Matrix element-wise ops and broadcasting", () => {
  const a = Matrix.fromArray([[1, 2, 3], [4, 5, 6]]);

  it("(2×3) + (2×3) adds entry by entry", () => {
    expect(a.add(a).toArray()).toEqual([[2, 4, 6], [8, 10, 12]]);
  });

  it("(2×3) + (1×3) repeats the row over the batch", () => {
    expect(a.add(Matrix.row([10, 20, 30])).toArray()).toEqual([[11, 22, 33], [14, 25, 36]]);
  });

  it("(2×3) − (2×1) repeats the column over the columns", () => {
    expect(a.sub(Matrix.column([1, 4])).toArray()).toEqual([[0, 1, 2], [0, 1, 2]]);
  });

  it("(1×3) ⊙ (2×1) broadcasts both ways to 2×3", () => {
    expect(Matrix.row([1, 2, 3]).mul(Matrix.column([1, 10])).toArray()).toEqual([[1, 2, 3], [10, 20, 30]]);
  });

  it("numbers broadcast like 1×1", () => {
    expect(a.mul(2).toArray()).toEqual([[2, 4, 6], [8, 10, 12]]);
    expect(a.div(2).get(0, 0)).toBe(0.5);
    expect(a.scale(-1).equals(a.neg())).toBe(true);
  });

  it("(0×3) + (1×3) gives an empty 0×3 batch", () => {
    expect(Matrix.zeros(0, 3).add(Matrix.row([1, 2, 3])).shape).toEqual([0, 3]);
  });

  it("incompatible shapes throw ShapeError naming the call and both shapes", () => {
    expect(() => a.add(Matrix.zeros(3, 2))).toThrow(ShapeError);
    expect(() => a.add(Matrix.zeros(3, 2))).toThrow(/^add: shapes 2×3 and 3×2 cannot be broadcast \(each axis must match or be 1\)$/);
    expect(() => a.mul(Matrix.zeros(2, 2))).toThrow(/^mul: shapes 2×3 and 2×2/);
  });

  it("addRow adds a bias row and insists on 1×cols", () => {
    expect(a.addRow(Matrix.row([1, 1, 1])).toArray()).toEqual([[2, 3, 4], [5, 6, 7]]);
    expect(() => a.addRow(Matrix.column([1, 1]))).toThrow(/^addRow: row must be 1×3, got 2×1$/);
  });

  it("map, exp and log apply entry by entry", () => {
    expect(Matrix.row([0, 1]).exp().get(0, 1)).toBeCloseTo(Math.E, 15);
    expect(Matrix.row([1, Math.E]).log().toArray()).toEqual([[0, 1]]);
    expect(a.map((x) => x * x).get(1, 2)).toBe(36);
  });
});

describe("Matrix reductions", () => {
  const a = Matrix.fromArray([[1, -2, 3], [4, 5, -6]]);

  it("sumRows adds the rows: (2×3) → (1×3)", () => {
    expect(a.sumRows().toArray()).toEqual([[5, 3, -3]]);
  });

  it("sumCols adds the columns: (2×3) → (2×1)", () => {
    expect(a.sumCols().toArray()).toEqual([[2], [3]]);
  });

  it("sum, mean and maxAbs", () => {
    expect(a.sum()).toBe(5);
    expect(a.mean()).toBeCloseTo(5 / 6, 15);
    expect(a.maxAbs()).toBe(6);
    expect(() => Matrix.zeros(0, 3).mean()).toThrow(/^mean: needs at least one entry, got 0×3$/);
  });

  it("an empty batch sums to zeros", () => {
    expect(Matrix.zeros(0, 2).sumRows().toArray()).toEqual([[0, 0]]);
  });

  it("maxCols and argmaxCols find each row's largest entry (first on ties)", () => {
    expect(a.maxCols().toArray()).toEqual([[3], [5]]);
    expect(Array.from(Matrix.fromArray([[1, 3, 3], [-1, -2, -3]]).argmaxCols())).toEqual([1, 0]);
    expect(() => Matrix.zeros(2, 0).maxCols()).toThrow(/^maxCols: needs at least one column, got 2×0$/);
  });
});

describe("Matrix in-place ops and checks", () => {
  it("addScaledInPlace computes this + alpha·x into this", () => {
    const w = Matrix.row([1, 2]);
    const same = w.addScaledInPlace(Matrix.row([10, 20]), -0.5);
    expect(same).toBe(w);
    expect(w.toArray()).toEqual([[-4, -8]]);
    expect(() => w.addScaledInPlace(Matrix.zeros(2, 1), 1)).toThrow(/^addScaledInPlace: x must be 1×2, got 2×1$/);
  });

  it("scaleInPlace, fill and copyFrom write into this", () => {
    const w = Matrix.row([1, 2]).scaleInPlace(3);
    expect(w.toArray()).toEqual([[3, 6]]);
    expect(w.fill(1).toArray()).toEqual([[1, 1]]);
    expect(w.copyFrom(Matrix.row([5, 6])).toArray()).toEqual([[5, 6]]);
    expect(() => w.copyFrom(Matrix.zeros(1, 3))).toThrow(/^copyFrom: source must be 1×2, got 1×3$/);
  });

  it("findNonFinite reports the first NaN or Infinity with its position", () => {
    expect(Matrix.row([1, 2]).findNonFinite()).toBeNull();
    expect(Matrix.fromArray([[1, 2], [Infinity, NaN]]).findNonFinite()).toEqual({ i: 1, j: 0, value: Infinity });
  });

  it("findNonFinite finds one bad entry anywhere in a large matrix, huge finite values are fine", () => {
    const m = Matrix.full(7, 11, 1e308); // 77 entries: four-wide blocks plus a tail of 1
    expect(m.findNonFinite()).toBeNull();
    for (const [k, value] of [[0, NaN], [38, -Infinity], [75, Infinity], [76, NaN]] as const) {
      const bad = m.clone();
      bad.data[k] = value;
      expect(bad.findNonFinite()).toEqual({ i: Math.floor(k / 11), j: k % 11, value });
    }
  });

  it("equals compares shape and every entry", () => {
    expect(Matrix.row([1, 2]).equals(Matrix.row([1, 2]))).toBe(true);
    expect(Matrix.row([1, 2]).equals(Matrix.column([1, 2]))).toBe(false);
    expect(Matrix.row([NaN]).equals(Matrix.row([NaN]))).toBe(false);
  });
});

describe("NotImplementedError", () => {
  it("names the method and the problem", () => {
    const error = new NotImplementedError("Linear.forward", "1(b)");
    expect(error.message).toBe("Linear.forward is not implemented yet (Problem 1(b))");
    expect(error.name).toBe("NotImplementedError");
    expect(error).toBeInstanceOf(Error);
  });
});
