import { Matrix, ShapeError, shapeOf } from "@mytorch/matrix";
import { defaultClassCount, oneHot } from "./one-hot.js";

/**
 * A labelled data set: N examples as the rows of `images` (N × features) and
 * their class labels (length N, integers in [0, classCount)).
 */
export class Dataset {
  readonly images: Matrix;
  readonly labels: Int32Array;
  readonly classCount: number;
  private oneHotCache: Matrix | null = null;

  /** classCount defaults to the largest label + 1. Throws ShapeError if the counts differ. */
  constructor(images: Matrix, labels: Int32Array, classCount?: number) {
    if (images.rows !== labels.length) {
      throw new ShapeError(`Dataset: images has ${images.rows} rows (${shapeOf(images)}) but there are ${labels.length} labels`);
    }
    const count = classCount ?? defaultClassCount(labels);
    for (let i = 0; i < labels.length; i++) {
      if (labels[i]! < 0 || labels[i]! >= count) {
        throw new RangeError(`Dataset: labels must be in [0, ${count}), got ${labels[i]} at index ${i}`);
      }
    }
    this.images = images;
    this.labels = labels;
    this.classCount = count;
  }

  /** The number of examples N. */
  get size(): number {
    return this.labels.length;
  }

  /** The labels as one-hot rows, N × classCount (computed once). */
  oneHot(): Matrix {
    this.oneHotCache ??= oneHot(this.labels, this.classCount);
    return this.oneHotCache;
  }

  /** Examples start ≤ i < end as a new Dataset (same classCount). */
  slice(start: number, end: number): Dataset {
    return new Dataset(this.images.sliceRows(start, end), this.labels.slice(start, end), this.classCount);
  }
}
