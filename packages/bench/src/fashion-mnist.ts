import { DataError, loadFashionMnistFromDisk } from "@mytorch/data/node";

/** One split as flat arrays: images pixel/255 (count × 784, row-major) and labels 0…9. */
export interface Split {
  images: Float64Array;
  labels: Int32Array;
  count: number;
}

export interface FashionMnist {
  train: Split;
  test: Split;
  /** "real" when read from the IDX files, "synthetic" (random, same shapes) when they are missing. */
  source: "real" | "synthetic";
}

/**
 * Fashion-MNIST through @mytorch/data (the given dir, $MYTORCH_DATA_DIR, then
 * Debian's /usr/share/datasets/fashion-mnist), or random data of the same
 * shapes when the files are missing, so that the bench still times an epoch.
 */
export async function loadBenchData(dir?: string): Promise<FashionMnist> {
  try {
    const { train, test } = await loadFashionMnistFromDisk(dir);
    const split = (d: typeof train): Split => ({ images: d.images.data, labels: d.labels, count: d.size });
    return { train: split(train), test: split(test), source: "real" };
  } catch (error) {
    if (!(error instanceof DataError)) throw error;
    return { train: syntheticSplit(60000, 1), test: syntheticSplit(10000, 2), source: "synthetic" };
  }
}

/** Random images and labels of the real shapes, for machines without the dataset. */
function syntheticSplit(count: number, seed: number): Split {
  let state = seed >>> 0;
  const next = (): number => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0);
  const images = new Float64Array(count * 784), labels = new Int32Array(count);
  for (let i = 0; i < images.length; i++) images[i] = next() / 2 ** 32;
  for (let i = 0; i < count; i++) labels[i] = next() % 10;
  return { images, labels, count };
}

/** A seeded permutation of 0…n−1 (Fisher–Yates over a linear congruential stream). */
export function permutation(n: number, seed: number): Int32Array {
  const order = Int32Array.from({ length: n }, (_, i) => i);
  let state = seed >>> 0;
  for (let i = n - 1; i > 0; i--) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const j = state % (i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}
