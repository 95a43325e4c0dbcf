import { describe, expect, it } from "vitest";
import { DataError } from "./data-error.js";
import { FASHION_MNIST_CLASSES, loadFashionMnist } from "./fashion-mnist.js";
import { memoryFileSource, type FileSource } from "./file-source.js";
import { idxBytes, tinySplit } from "./testing/idx-files.js";

const train = tinySplit(5, 1);
const test = tinySplit(3, 2);
const files = {
  "train-images-idx3-ubyte": train.images,
  "train-labels-idx1-ubyte": train.labelFile,
  "t10k-images-idx3-ubyte": test.images,
  "t10k-labels-idx1-ubyte": test.labelFile,
};
const HOW_TO = /How to get Fashion-MNIST: `apt-get install dataset-fashion-mnist`.*MYTORCH_DATA_DIR=DIR\.$/;

describe("loadFashionMnist", () => {
  it("images become N×784 rows of pixel/255, labels an Int32Array; one-hot N×10", async () => {
    const data = await loadFashionMnist(memoryFileSource("mem", files));
    expect(data.train.images.shape).toEqual([5, 784]);
    expect(data.test.images.shape).toEqual([3, 784]);
    expect(Array.from(data.train.images.data)).toEqual(train.pixels.map((p) => p / 255));
    expect(Array.from(data.train.labels)).toEqual(train.labels);
    expect(Array.from(data.test.labels)).toEqual(test.labels);
    expect(data.train.oneHot().shape).toEqual([5, 10]);
    expect(data.train.oneHot().get(0, train.labels[0]!)).toBe(1);
    expect(data.classNames).toEqual([...FASHION_MNIST_CLASSES]);
    expect(data.classNames).toHaveLength(10);
  });

  it("limitTrain / limitTest keep the first examples", async () => {
    const data = await loadFashionMnist(memoryFileSource("mem", files), { limitTrain: 2, limitTest: 1 });
    expect(data.train.images.shape).toEqual([2, 784]);
    expect(Array.from(data.train.labels)).toEqual(train.labels.slice(0, 2));
    expect(data.test.size).toBe(1);
    await expect(loadFashionMnist(memoryFileSource("mem", files), { limitTrain: 0 })).rejects.toThrow(
      /^loadFashionMnist: limitTrain must be an integer ≥ 1, got 0$/,
    );
  });

  it("takes each file from the first source that has it, plain or .gz name", async () => {
    const { "t10k-labels-idx1-ubyte": testLabels, ...rest } = files;
    const first = memoryFileSource("first", rest);
    const second = memoryFileSource("second", { "t10k-labels-idx1-ubyte.gz": testLabels, ...rest });
    const data = await loadFashionMnist([first, second]);
    expect(Array.from(data.test.labels)).toEqual(test.labels);
  });

  it("a missing file: DataError naming it and every place looked in, then how to get the data", async () => {
    const rest: Record<string, Uint8Array> = { ...files };
    delete rest["train-labels-idx1-ubyte"];
    const load = loadFashionMnist([memoryFileSource("/a", rest), memoryFileSource("/b/", {})]);
    await expect(load).rejects.toThrow(DataError);
    await expect(loadFashionMnist([memoryFileSource("/a", rest), memoryFileSource("/b/", {})])).rejects.toThrow(
      new RegExp(
        "^loadFashionMnist: train-labels-idx1-ubyte not found \\(neither plain nor \\.gz\\); looked in:\\n" +
          "  /a/train-labels-idx1-ubyte\\n  /a/train-labels-idx1-ubyte\\.gz\\n" +
          "  /b/train-labels-idx1-ubyte\\n  /b/train-labels-idx1-ubyte\\.gz\\n" +
          HOW_TO.source.slice(0, -1) + "$",
      ),
    );
  });

  it("a bad magic number names the file, expected and received magic", async () => {
    const source = memoryFileSource("mem", { ...files, "train-images-idx3-ubyte": files["train-labels-idx1-ubyte"] });
    await expect(loadFashionMnist(source)).rejects.toThrow(
      /^loadFashionMnist: mem\/train-images-idx3-ubyte: bad magic number: expected 0x00000803, got 0x00000801\n/,
    );
    await expect(loadFashionMnist(source)).rejects.toThrow(HOW_TO);
  });

  it("a truncated file names it with the expected and received byte counts", async () => {
    const cut = files["t10k-images-idx3-ubyte"].subarray(0, 1000);
    const source = memoryFileSource("mem", { ...files, "t10k-images-idx3-ubyte": cut });
    await expect(loadFashionMnist(source)).rejects.toThrow(
      /^loadFashionMnist: mem\/t10k-images-idx3-ubyte: truncated: expected 16 \+ 3×28×28 = 2368 bytes, got 1000\n/,
    );
  });

  it("a count mismatch between images and labels names both files and counts", async () => {
    const source = memoryFileSource("mem", { ...files, "train-labels-idx1-ubyte": idxBytes([4], [1, 2, 3, 4]) });
    await expect(loadFashionMnist(source)).rejects.toThrow(
      /^loadFashionMnist: count mismatch: mem\/train-images-idx3-ubyte has 5 images but mem\/train-labels-idx1-ubyte has 4 labels\n/,
    );
  });

  it("images that are not 28×28 and labels above 9 are rejected", async () => {
    const small = memoryFileSource("mem", { ...files, "train-images-idx3-ubyte": idxBytes([5, 2, 2], new Array(20).fill(0)) });
    await expect(loadFashionMnist(small)).rejects.toThrow(/^loadFashionMnist: mem\/train-images-idx3-ubyte: expected 28×28 images, got 2×2\n/);
    const badLabel = memoryFileSource("mem", { ...files, "train-labels-idx1-ubyte": idxBytes([5], [0, 1, 12, 3, 4]) });
    await expect(loadFashionMnist(badLabel)).rejects.toThrow(/^loadFashionMnist: mem\/train-labels-idx1-ubyte: label 2 is 12, expected 0–9\n/);
  });

  it("an error thrown by a source is passed on with how to get the data", async () => {
    const broken: FileSource = { name: "broken", read: () => Promise.reject(new Error("disk on fire")) };
    await expect(loadFashionMnist(broken)).rejects.toThrow(/^loadFashionMnist: disk on fire\nHow to get Fashion-MNIST/);
  });
});
