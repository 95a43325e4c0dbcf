import { Matrix } from "@mytorch/matrix";
import { DataError } from "./data-error.js";
import { Dataset } from "./dataset.js";
import type { FileSource } from "./file-source.js";
import { parseIdx } from "./idx.js";

/** The ten Fashion-MNIST classes, indexed by label. */
export const FASHION_MNIST_CLASSES: readonly string[] = Object.freeze([
  "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot",
]);

/** The four standard IDX files (each may also be gzipped, with `.gz` appended). */
export const FASHION_MNIST_FILES = Object.freeze({
  trainImages: "train-images-idx3-ubyte",
  trainLabels: "train-labels-idx1-ubyte",
  testImages: "t10k-images-idx3-ubyte",
  testLabels: "t10k-labels-idx1-ubyte",
});

/** Where Debian's `dataset-fashion-mnist` package puts the files. */
export const DEBIAN_FASHION_MNIST_DIR = "/usr/share/datasets/fashion-mnist";

/** Appended to every loading error. */
export const HOW_TO_GET_FASHION_MNIST =
  "How to get Fashion-MNIST: `apt-get install dataset-fashion-mnist` (Debian; puts the four .gz files in " +
  `${DEBIAN_FASHION_MNIST_DIR}), or put ${Object.values(FASHION_MNIST_FILES).join(", ")} (gzipped or not) ` +
  "in a directory and pass it (loadFashionMnistFromDisk(dir), pnpm train --data-dir DIR) or set MYTORCH_DATA_DIR=DIR.";

export interface FashionMnistOptions {
  /** Keep only the first limitTrain training examples (all 60,000 by default). */
  limitTrain?: number;
  /** Keep only the first limitTest test examples (all 10,000 by default). */
  limitTest?: number;
}

export interface FashionMnist {
  /** 60,000 examples: images N × 784 (pixel / 255, row-major 28×28), labels 0–9. */
  train: Dataset;
  /** 10,000 examples, the same layout. */
  test: Dataset;
  /** The class names, indexed by label. */
  classNames: string[];
}

const IMAGE_SIDE = 28;

/**
 * Loads Fashion-MNIST from the first source that has each file, trying the
 * plain name and then the name with `.gz` (the source gunzips). Images become
 * rows of pixel/255 (N × 784), labels an Int32Array.
 * Throws DataError naming the file when one is missing (listing every place
 * looked in), has a bad magic number, is truncated, or when the image and
 * label counts differ; every message ends with how to get the data.
 */
export async function loadFashionMnist(
  source: FileSource | readonly FileSource[],
  options: FashionMnistOptions = {},
): Promise<FashionMnist> {
  const sources = Array.isArray(source) ? (source as readonly FileSource[]) : [source as FileSource];
  const limitTrain = checkLimit("limitTrain", options.limitTrain);
  const limitTest = checkLimit("limitTest", options.limitTest);
  try {
    const train = await loadSplit(sources, FASHION_MNIST_FILES.trainImages, FASHION_MNIST_FILES.trainLabels, limitTrain);
    const test = await loadSplit(sources, FASHION_MNIST_FILES.testImages, FASHION_MNIST_FILES.testLabels, limitTest);
    return { train, test, classNames: [...FASHION_MNIST_CLASSES] };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new DataError(`loadFashionMnist: ${message}\n${HOW_TO_GET_FASHION_MNIST}`, { cause: error });
  }
}

/** Reads, parses and checks one split (images + labels), keeping the first `limit` examples. */
async function loadSplit(sources: readonly FileSource[], imagesName: string, labelsName: string, limit: number): Promise<Dataset> {
  const imagesFile = await findFile(sources, imagesName);
  const labelsFile = await findFile(sources, labelsName);
  const images = parseIdx(imagesFile.bytes, imagesFile.where, 3);
  const labels = parseIdx(labelsFile.bytes, labelsFile.where, 1);
  const [count, rows, cols] = images.dims as [number, number, number];
  if (rows !== IMAGE_SIDE || cols !== IMAGE_SIDE) {
    throw new DataError(`${imagesFile.where}: expected ${IMAGE_SIDE}×${IMAGE_SIDE} images, got ${rows}×${cols}`);
  }
  if (labels.dims[0] !== count) {
    throw new DataError(
      `count mismatch: ${imagesFile.where} has ${count} images but ${labelsFile.where} has ${labels.dims[0]} labels`,
    );
  }
  const n = Math.min(count, limit);
  const features = rows * cols;
  const X = new Matrix(n, features);
  for (let k = 0; k < n * features; k++) X.data[k] = images.data[k]! / 255;
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const label = labels.data[i]!;
    if (label >= FASHION_MNIST_CLASSES.length) {
      throw new DataError(`${labelsFile.where}: label ${i} is ${label}, expected 0–${FASHION_MNIST_CLASSES.length - 1}`);
    }
    y[i] = label;
  }
  return new Dataset(X, y, FASHION_MNIST_CLASSES.length);
}

/** The first source holding `name` or `name.gz`; a DataError listing every place tried otherwise. */
async function findFile(sources: readonly FileSource[], name: string): Promise<{ bytes: Uint8Array; where: string }> {
  const tried: string[] = [];
  for (const source of sources) {
    for (const fileName of [name, `${name}.gz`]) {
      const where = joinName(source.name, fileName);
      const bytes = await source.read(fileName);
      if (bytes !== null) return { bytes, where };
      tried.push(where);
    }
  }
  const list = tried.length > 0 ? tried.map((where) => `  ${where}`).join("\n") : "  (no places given)";
  throw new DataError(`${name} not found (neither plain nor .gz); looked in:\n${list}`);
}

function joinName(sourceName: string, fileName: string): string {
  return sourceName.endsWith("/") ? sourceName + fileName : `${sourceName}/${fileName}`;
}

function checkLimit(name: string, limit: number | undefined): number {
  if (limit === undefined) return Infinity;
  if (!Number.isInteger(limit) || limit < 1) {
    throw new RangeError(`loadFashionMnist: ${name} must be an integer ≥ 1, got ${limit}`);
  }
  return limit;
}
