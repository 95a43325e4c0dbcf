import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEBIAN_FASHION_MNIST_DIR } from "./fashion-mnist.js";
import { loadFashionMnistFromDisk } from "./node.js";

// The real data set, when Debian's dataset-fashion-mnist is installed. Expected values were computed
// independently with Python's gzip + struct on the same files (first labels, pixel sums), and the
// class balance (6,000 train / 1,000 test per class) is the data set's published design.
const present = existsSync(join(DEBIAN_FASHION_MNIST_DIR, "train-images-idx3-ubyte.gz"));
const reason = present ? "" : ` [SKIPPED: ${DEBIAN_FASHION_MNIST_DIR} not found; apt-get install dataset-fashion-mnist]`;
if (!present) console.warn(`real-fashion-mnist.test.ts: skipping the real-data test:${reason}`);

describe("Fashion-MNIST from /usr/share/datasets/fashion-mnist", () => {
  it.skipIf(!present)(`loads 60,000 + 10,000 images of 784 pixels in [0, 1], 10 balanced classes${reason}`, async () => {
    const { train, test, classNames } = await loadFashionMnistFromDisk(DEBIAN_FASHION_MNIST_DIR);
    expect(train.images.shape).toEqual([60_000, 784]);
    expect(test.images.shape).toEqual([10_000, 784]);
    expect(Array.from(train.labels.subarray(0, 10))).toEqual([9, 0, 0, 3, 0, 2, 7, 2, 5, 5]);
    expect(Array.from(test.labels.subarray(0, 10))).toEqual([9, 2, 1, 1, 6, 1, 4, 6, 5, 7]);
    expect(classNames[9]).toBe("Ankle boot");
    const perClass = (labels: Int32Array) => labels.reduce((counts, y) => (counts[y]!++, counts), new Array<number>(10).fill(0));
    expect(perClass(train.labels)).toEqual(new Array(10).fill(6000));
    expect(perClass(test.labels)).toEqual(new Array(10).fill(1000));
    // Σ pixel/255 = (Σ pixel)/255; the byte sums are 76,247 (first image), 3,431,114,169 (train), 573,469,082 (test).
    expect(train.images.sliceRows(0, 1).sum() * 255).toBeCloseTo(76_247, 6);
    expect(train.images.sum() * 255).toBeCloseTo(3_431_114_169, 0);
    expect(test.images.sum() * 255).toBeCloseTo(573_469_082, 1);
    expect(train.images.maxAbs()).toBeLessThanOrEqual(1);
  });
});
