import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { parseIdx } from "./idx.js";

/** Where Debian-style installs keep the dataset on this machine. */
export const FASHION_MNIST_DIR = "/usr/share/datasets/fashion-mnist";

/** Images as float32 in [0, 1] (count × 784, row-major) and labels 0…9. */
export interface Split {
  images: Float32Array;
  labels: Uint8Array;
  count: number;
}

export interface FashionMnist {
  train: Split;
  test: Split;
  /** "real" when read from the IDX files, "synthetic" (random, same shapes) when they are missing. */
  source: "real" | "synthetic";
}

function readIdx(dir: string, name: string): Uint8Array | null {
  for (const file of [join(dir, name), join(dir, `${name}.gz`)]) {
    if (existsSync(file)) {
      const raw = readFileSync(file);
      return file.endsWith(".gz") ? gunzipSync(raw) : raw;
    }
  }
  return null;
}

function readSplit(dir: string, prefix: string): Split | null {
  const images = readIdx(dir, `${prefix}-images-idx3-ubyte`), labels = readIdx(dir, `${prefix}-labels-idx1-ubyte`);
  if (images === null || labels === null) return null;
  const x = parseIdx(images), y = parseIdx(labels);
  const count = x.dims[0]!;
  if (x.dims[1]! * x.dims[2]! !== 784 || y.dims[0] !== count) {
    throw new Error(`fashion-mnist: expected N×28×28 images and N labels, got ${x.dims.join("×")} and ${y.dims.join("×")}`);
  }
  const pixels = new Float32Array(x.data.length);
  for (let i = 0; i < pixels.length; i++) pixels[i] = x.data[i]! / 255;
  return { images: pixels, labels: y.data.slice(), count };
}

/** Random images and labels of the real shapes, for machines without the dataset. */
function syntheticSplit(count: number, seed: number): Split {
  let state = seed >>> 0;
  const next = (): number => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0);
  const images = new Float32Array(count * 784), labels = new Uint8Array(count);
  for (let i = 0; i < images.length; i++) images[i] = next() / 2 ** 32;
  for (let i = 0; i < count; i++) labels[i] = next() % 10;
  return { images, labels, count };
}

/** The dataset from `dir`, or random data of the same shapes if the files are missing. */
export function loadFashionMnist(dir = FASHION_MNIST_DIR): FashionMnist {
  const train = readSplit(dir, "train"), test = readSplit(dir, "t10k");
  if (train !== null && test !== null) return { train, test, source: "real" };
  return { train: syntheticSplit(60000, 1), test: syntheticSplit(10000, 2), source: "synthetic" };
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
