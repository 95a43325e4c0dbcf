import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DataError } from "./data-error.js";
import { fashionMnistDirs, loadFashionMnist, loadFashionMnistFromDisk, nodeFileSource } from "./node.js";
import { tinySplit } from "./testing/idx-files.js";

const train = tinySplit(4, 3);
const test = tinySplit(2, 4);
let root = "";

/** Writes the four files into `dir`, gzipped or not, optionally replacing one. */
function writeSet(dir: string, gz: boolean, replace: Record<string, Uint8Array> = {}): string {
  mkdirSync(dir, { recursive: true });
  const files: Record<string, Uint8Array> = {
    "train-images-idx3-ubyte": train.images,
    "train-labels-idx1-ubyte": train.labelFile,
    "t10k-images-idx3-ubyte": test.images,
    "t10k-labels-idx1-ubyte": test.labelFile,
    ...replace,
  };
  for (const [name, bytes] of Object.entries(files)) {
    if (gz) writeFileSync(join(dir, `${name}.gz`), gzipSync(bytes));
    else writeFileSync(join(dir, name), bytes);
  }
  return dir;
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "mytorch-data-"));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const savedEnv = process.env["MYTORCH_DATA_DIR"];
afterEach(() => {
  if (savedEnv === undefined) delete process.env["MYTORCH_DATA_DIR"];
  else process.env["MYTORCH_DATA_DIR"] = savedEnv;
});

describe("nodeFileSource", () => {
  it("reads a plain file, gunzips a .gz file, returns null for a missing one", async () => {
    const dir = join(root, "source");
    writeSet(dir, false);
    writeFileSync(join(dir, "extra.gz"), gzipSync(Uint8Array.of(1, 2, 3)));
    const source = nodeFileSource(dir);
    expect(source.name).toBe(dir);
    expect(Array.from((await source.read("train-labels-idx1-ubyte"))!)).toEqual(Array.from(train.labelFile));
    expect(Array.from((await source.read("extra.gz"))!)).toEqual([1, 2, 3]);
    expect(await source.read("nothing-here")).toBeNull();
    expect(await nodeFileSource(join(root, "no-such-dir")).read("x")).toBeNull();
  });

  it("a corrupt .gz throws DataError naming the file", async () => {
    const dir = join(root, "corrupt-gz");
    mkdirSync(dir);
    writeFileSync(join(dir, "a.gz"), gzipSync(Uint8Array.of(1, 2, 3, 4, 5, 6)).subarray(0, 12));
    await expect(nodeFileSource(dir).read("a.gz")).rejects.toThrow(DataError);
    await expect(nodeFileSource(dir).read("a.gz")).rejects.toThrow(
      new RegExp(`^${join(dir, "a.gz")}: not valid gzip data \\(.+\\); the file is corrupt or truncated$`),
    );
  });
});

describe("loadFashionMnistFromDisk", () => {
  it("loads plain and gzipped sets alike", async () => {
    for (const gz of [false, true]) {
      const data = await loadFashionMnistFromDisk(writeSet(join(root, gz ? "gz" : "plain"), gz));
      expect(data.train.images.shape).toEqual([4, 784]);
      expect(Array.from(data.train.images.data)).toEqual(train.pixels.map((p) => p / 255));
      expect(Array.from(data.test.labels)).toEqual(test.labels);
    }
  });

  it("looks in dir, then MYTORCH_DATA_DIR, then /usr/share/datasets/fashion-mnist", () => {
    process.env["MYTORCH_DATA_DIR"] = "/from/env";
    expect(fashionMnistDirs("/given")).toEqual(["/given", "/from/env", "/usr/share/datasets/fashion-mnist"]);
    delete process.env["MYTORCH_DATA_DIR"];
    expect(fashionMnistDirs()).toEqual(["/usr/share/datasets/fashion-mnist"]);
  });

  it("uses MYTORCH_DATA_DIR when no directory is given", async () => {
    process.env["MYTORCH_DATA_DIR"] = writeSet(join(root, "env"), true);
    const data = await loadFashionMnistFromDisk(undefined, { limitTrain: 1 });
    expect(Array.from(data.train.labels)).toEqual(train.labels.slice(0, 1));
  });

  it("a missing file lists every directory looked in and how to get the data", async () => {
    const empty = join(root, "empty");
    mkdirSync(empty);
    const dirs = [empty, join(root, "no-such-dir")];
    const load = loadFashionMnist(dirs.map(nodeFileSource));
    await expect(load).rejects.toThrow(DataError);
    await expect(loadFashionMnist(dirs.map(nodeFileSource))).rejects.toThrow(
      new RegExp(
        "^loadFashionMnist: train-images-idx3-ubyte not found \\(neither plain nor \\.gz\\); looked in:\\n" +
          dirs.map((dir) => `  ${join(dir, "train-images-idx3-ubyte")}\\n  ${join(dir, "train-images-idx3-ubyte.gz")}\\n`).join("") +
          "How to get Fashion-MNIST: `apt-get install dataset-fashion-mnist`",
      ),
    );
  });

  it("a corrupt gzipped file on disk: the message names the file and how to get the data", async () => {
    const dir = writeSet(join(root, "bad-gz"), true);
    writeFileSync(join(dir, "t10k-labels-idx1-ubyte.gz"), Uint8Array.of(0x1f, 0x8b, 8, 0, 1, 2));
    await expect(loadFashionMnistFromDisk(dir)).rejects.toThrow(
      new RegExp(`^loadFashionMnist: ${join(dir, "t10k-labels-idx1-ubyte.gz")}: not valid gzip data .*\\nHow to get Fashion-MNIST`),
    );
  });

  it("a truncated gzipped IDX file: bad length with the .gz file's name", async () => {
    const dir = writeSet(join(root, "short"), true, { "train-images-idx3-ubyte": train.images.subarray(0, 100) });
    await expect(loadFashionMnistFromDisk(dir)).rejects.toThrow(
      new RegExp(`^loadFashionMnist: ${join(dir, "train-images-idx3-ubyte.gz")}: truncated: expected 16 \\+ 4×28×28 = 3152 bytes, got 100\\n`),
    );
  });
});
