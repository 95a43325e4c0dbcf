import { mapInto, zipInto, broadcastShape } from "./kernels/broadcast.js";
import { matmulInto, matmulTransposeInto, transposeMatmulInto } from "./kernels/matmul.js";
import { argmaxCols, maxColsInto, sumColsInto, sumRowsInto } from "./kernels/reduce.js";
import { transposeInto } from "./kernels/transpose.js";
import { defaultRng, type Rng } from "./rng.js";
import { ShapeError } from "./shape-error.js";
import { sameShape, shapeOf } from "./shape.js";

/** A matrix, or a number that broadcasts like a 1×1 matrix. */
export type MatrixLike = Matrix | number;

/**
 * A dense rows × cols matrix of float64, stored row-major in one Float64Array:
 * entry (i, j) is `data[i * cols + j]`.
 *
 * Methods return new matrices and never change their inputs, except the ones
 * whose names end in `InPlace` (and `set`, `fill`, `copyFrom`), which write
 * into `this` and return it. Element-wise methods broadcast like numpy in 2-D:
 * a 1×n row repeats over the rows, an m×1 column over the columns, a number
 * (or 1×1) everywhere.
 */
export class Matrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;

  /** A rows × cols matrix over `data` (used as is, not copied); zeros if omitted. */
  constructor(rows: number, cols: number, data?: Float64Array) {
    if (!Number.isInteger(rows) || rows < 0 || !Number.isInteger(cols) || cols < 0) {
      throw new ShapeError(`Matrix: rows and cols must be integers ≥ 0, got ${rows}×${cols}`);
    }
    if (data !== undefined && data.length !== rows * cols) {
      throw new ShapeError(`Matrix: data has length ${data.length}, expected ${rows}×${cols} = ${rows * cols}`);
    }
    this.rows = rows;
    this.cols = cols;
    this.data = data ?? new Float64Array(rows * cols);
  }

  // ---- construction -------------------------------------------------------

  /** A rows × cols matrix of zeros. */
  static zeros(rows: number, cols: number): Matrix {
    return new Matrix(rows, cols);
  }

  /** A rows × cols matrix with every entry equal to `value`. */
  static full(rows: number, cols: number, value: number): Matrix {
    return new Matrix(rows, cols).fill(value);
  }

  /** The n × n identity. */
  static identity(n: number): Matrix {
    const m = new Matrix(n, n);
    for (let i = 0; i < n; i++) m.data[i * n + i] = 1;
    return m;
  }

  /** From nested arrays, one inner array per row. Throws ShapeError on ragged rows. */
  static fromArray(values: readonly (readonly number[])[]): Matrix {
    const rows = values.length;
    const cols = rows === 0 ? 0 : values[0]!.length;
    const m = new Matrix(rows, cols);
    for (let i = 0; i < rows; i++) {
      const row = values[i]!;
      if (row.length !== cols) {
        throw new ShapeError(`Matrix.fromArray: every row must have ${cols} entries (as row 0), row ${i} has ${row.length}`);
      }
      m.data.set(row, i * cols);
    }
    return m;
  }

  /** A 1 × n row vector. */
  static row(values: readonly number[]): Matrix {
    return new Matrix(1, values.length, Float64Array.from(values));
  }

  /** An n × 1 column vector. */
  static column(values: readonly number[]): Matrix {
    return new Matrix(values.length, 1, Float64Array.from(values));
  }

  /** Entries drawn from N(mean, std²) with `rng` (the default Rng if omitted). */
  static randn(rows: number, cols: number, options: { rng?: Rng; mean?: number; std?: number } = {}): Matrix {
    const { rng = defaultRng(), mean = 0, std = 1 } = options;
    const m = new Matrix(rows, cols);
    for (let i = 0; i < m.data.length; i++) m.data[i] = mean + std * rng.normal();
    return m;
  }

  /** Entries drawn uniformly from [low, high) with `rng` (the default Rng if omitted). */
  static rand(rows: number, cols: number, options: { rng?: Rng; low?: number; high?: number } = {}): Matrix {
    const { rng = defaultRng(), low = 0, high = 1 } = options;
    const m = new Matrix(rows, cols);
    for (let i = 0; i < m.data.length; i++) m.data[i] = low + (high - low) * rng.uniform();
    return m;
  }

  // ---- access ---------------------------------------------------------------

  /** [rows, cols]. */
  get shape(): [number, number] {
    return [this.rows, this.cols];
  }

  /** Entry (i, j). Throws RangeError outside the matrix. */
  get(i: number, j: number): number {
    this.checkIndex("get", i, j);
    return this.data[i * this.cols + j]!;
  }

  /** Sets entry (i, j) and returns this. Throws RangeError outside the matrix. */
  set(i: number, j: number, value: number): this {
    this.checkIndex("set", i, j);
    this.data[i * this.cols + j] = value;
    return this;
  }

  /** Nested arrays, one per row. */
  toArray(): number[][] {
    const out: number[][] = [];
    for (let i = 0; i < this.rows; i++) {
      out.push(Array.from(this.data.subarray(i * this.cols, (i + 1) * this.cols)));
    }
    return out;
  }

  /** A copy with its own data. */
  clone(): Matrix {
    return new Matrix(this.rows, this.cols, this.data.slice());
  }

  /** The rows at `indices`, in that order: (indices.length × cols). Gathers a minibatch. */
  selectRows(indices: ArrayLike<number>): Matrix {
    const out = new Matrix(indices.length, this.cols);
    for (let r = 0; r < indices.length; r++) {
      const i = indices[r]!;
      if (!Number.isInteger(i) || i < 0 || i >= this.rows) {
        throw new RangeError(`Matrix.selectRows: row index ${i} is outside 0..${this.rows - 1}`);
      }
      out.data.set(this.data.subarray(i * this.cols, (i + 1) * this.cols), r * this.cols);
    }
    return out;
  }

  /** Rows start ≤ i < end as a new matrix ((end − start) × cols). */
  sliceRows(start: number, end: number): Matrix {
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > this.rows || start > end) {
      throw new RangeError(`Matrix.sliceRows: need 0 ≤ start ≤ end ≤ ${this.rows}, got ${start}..${end}`);
    }
    return new Matrix(end - start, this.cols, this.data.slice(start * this.cols, end * this.cols));
  }

  // ---- products -------------------------------------------------------------

  /** A·B. this (m×k), other (k×n) → (m×n). Throws ShapeError if the inner dimensions differ. */
  matmul(other: Matrix): Matrix {
    return matmulInto(this, other, new Matrix(this.rows, other.cols));
  }

  /** Aᵀ·B without forming Aᵀ. this (k×m), other (k×n) → (m×n). */
  transposeMatmul(other: Matrix): Matrix {
    return transposeMatmulInto(this, other, new Matrix(this.cols, other.cols));
  }

  /** A·Bᵀ without forming Bᵀ. this (m×k), other (n×k) → (m×n). */
  matmulTranspose(other: Matrix): Matrix {
    return matmulTransposeInto(this, other, new Matrix(this.rows, other.rows));
  }

  /** Aᵀ. (m×n) → (n×m). */
  transpose(): Matrix {
    return transposeInto(this, new Matrix(this.cols, this.rows));
  }

  // ---- element-wise, with broadcasting ----------------------------------------

  /** this + other, broadcast. */
  add(other: MatrixLike): Matrix {
    return this.zip("add", other, (x, y) => x + y);
  }

  /** this − other, broadcast. */
  sub(other: MatrixLike): Matrix {
    return this.zip("sub", other, (x, y) => x - y);
  }

  /** this ⊙ other (element-wise product), broadcast. */
  mul(other: MatrixLike): Matrix {
    return this.zip("mul", other, (x, y) => x * y);
  }

  /** this ⊘ other (element-wise quotient), broadcast. */
  div(other: MatrixLike): Matrix {
    return this.zip("div", other, (x, y) => x / y);
  }

  /**
   * O = this + 1_N·rowᵀ: adds a 1×cols row vector to every row (a bias).
   * Stricter than add: the row must be exactly 1×cols.
   */
  addRow(row: Matrix): Matrix {
    if (row.rows !== 1 || row.cols !== this.cols) {
      throw new ShapeError(`addRow: row must be 1×${this.cols}, got ${shapeOf(row)}`);
    }
    return this.add(row);
  }

  /** s·this. */
  scale(s: number): Matrix {
    return this.map((x) => s * x);
  }

  /** −this. */
  neg(): Matrix {
    return this.map((x) => -x);
  }

  /** f applied to every entry. */
  map(f: (x: number) => number): Matrix {
    return mapInto("map", this, new Matrix(this.rows, this.cols), f);
  }

  /** eˣ element-wise. */
  exp(): Matrix {
    return this.map(Math.exp);
  }

  /** ln x element-wise. */
  log(): Matrix {
    return this.map(Math.log);
  }

  // ---- reductions -------------------------------------------------------------

  /** Σ of all entries (0 for an empty matrix). */
  sum(): number {
    let s = 0;
    for (let i = 0; i < this.data.length; i++) s += this.data[i]!;
    return s;
  }

  /** The mean of all entries. Throws ShapeError for an empty matrix. */
  mean(): number {
    if (this.data.length === 0) throw new ShapeError(`mean: needs at least one entry, got ${shapeOf(this)}`);
    return this.sum() / this.data.length;
  }

  /** Adds the rows together (a sum over the batch): (m×n) → (1×n). */
  sumRows(): Matrix {
    return sumRowsInto(this, new Matrix(1, this.cols));
  }

  /** Adds the columns together (a sum within each row): (m×n) → (m×1). */
  sumCols(): Matrix {
    return sumColsInto(this, new Matrix(this.rows, 1));
  }

  /** The largest entry of each row: (m×n) → (m×1). */
  maxCols(): Matrix {
    return maxColsInto(this, new Matrix(this.rows, 1));
  }

  /** The column of each row's largest entry (first on ties): length m. */
  argmaxCols(): Int32Array {
    return argmaxCols(this);
  }

  /** The largest |entry| (0 for an empty matrix). */
  maxAbs(): number {
    let m = 0;
    for (let i = 0; i < this.data.length; i++) m = Math.max(m, Math.abs(this.data[i]!));
    return m;
  }

  // ---- checks ---------------------------------------------------------------

  /** True when the shapes match and every entry is equal (NaN equals nothing). */
  equals(other: Matrix): boolean {
    if (!sameShape(this, other)) return false;
    for (let i = 0; i < this.data.length; i++) if (this.data[i] !== other.data[i]) return false;
    return true;
  }

  /** The first entry that is NaN or ±Infinity, or null when all are finite. */
  findNonFinite(): { i: number; j: number; value: number } | null {
    // Fast pass without branches: x·0 is 0 for finite x and NaN for NaN or ±Infinity,
    // so the four sums stay 0 exactly when every entry is finite (4 sums: no long add chain).
    const d = this.data;
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0, k = 0;
    for (; k + 3 < d.length; k += 4) {
      s0 += d[k]! * 0; s1 += d[k + 1]! * 0; s2 += d[k + 2]! * 0; s3 += d[k + 3]! * 0;
    }
    for (; k < d.length; k++) s0 += d[k]! * 0;
    if (s0 + s1 + s2 + s3 === 0) return null;
    for (k = 0; k < d.length; k++) {
      const value = d[k]!;
      if (!Number.isFinite(value)) return { i: Math.floor(k / this.cols), j: k % this.cols, value };
    }
    return null;
  }

  // ---- in place ---------------------------------------------------------------

  /** Sets every entry to `value`; returns this. */
  fill(value: number): this {
    this.data.fill(value);
    return this;
  }

  /** Copies `source` (same shape) into this; returns this. */
  copyFrom(source: Matrix): this {
    if (!sameShape(this, source)) {
      throw new ShapeError(`copyFrom: source must be ${shapeOf(this)}, got ${shapeOf(source)}`);
    }
    this.data.set(source.data);
    return this;
  }

  /** this ← this + alpha·x (same shape); returns this. */
  addScaledInPlace(x: Matrix, alpha: number): this {
    if (!sameShape(this, x)) {
      throw new ShapeError(`addScaledInPlace: x must be ${shapeOf(this)}, got ${shapeOf(x)}`);
    }
    const T = this.data, X = x.data;
    for (let i = 0; i < T.length; i++) T[i] += alpha * X[i]!;
    return this;
  }

  /** this ← s·this; returns this. */
  scaleInPlace(s: number): this {
    const T = this.data;
    for (let i = 0; i < T.length; i++) T[i] *= s;
    return this;
  }

  // ---- display ----------------------------------------------------------------

  /** A readable summary: shape, then up to 6 rows and 6 columns with 6 significant digits. */
  toString(): string {
    const show = (x: number): string => (Number.isInteger(x) ? String(x) : x.toPrecision(6));
    const rowIndices = pickIndices(this.rows);
    const colIndices = pickIndices(this.cols);
    const lines = rowIndices.map((i) =>
      i < 0 ? "  ⋮" : "  [" + colIndices.map((j) => (j < 0 ? "…" : show(this.data[i * this.cols + j]!))).join(", ") + "]",
    );
    return `Matrix ${shapeOf(this)}` + (lines.length > 0 ? "\n" + lines.join("\n") : "");
  }

  // ---- helpers ----------------------------------------------------------------

  private zip(call: string, other: MatrixLike, f: (x: number, y: number) => number): Matrix {
    const b = typeof other === "number" ? new Matrix(1, 1, Float64Array.of(other)) : other;
    const shape = broadcastShape(call, this, b);
    return zipInto(call, this, b, new Matrix(shape.rows, shape.cols), f);
  }

  private checkIndex(call: string, i: number, j: number): void {
    if (!Number.isInteger(i) || !Number.isInteger(j) || i < 0 || j < 0 || i >= this.rows || j >= this.cols) {
      throw new RangeError(`Matrix.${call}: index (${i}, ${j}) is outside a ${shapeOf(this)} matrix`);
    }
  }
}

/** 0..n−1, or the first three, a gap (−1) and the last three when n > 6. */
function pickIndices(n: number): number[] {
  if (n <= 6) return Array.from({ length: n }, (_, k) => k);
  return [0, 1, 2, -1, n - 3, n - 2, n - 1];
}
