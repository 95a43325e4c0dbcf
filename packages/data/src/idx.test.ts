import { describe, expect, it } from "vitest";
import { DataError } from "./data-error.js";
import { encodeIdx, parseIdx } from "./idx.js";

// Files written byte by byte from the IDX specification (big-endian sizes), not by encodeIdx.
const labelsFile = Uint8Array.of(0, 0, 8, 1, /* n = 3 */ 0, 0, 0, 3, /* data */ 7, 0, 9);
const imagesFile = Uint8Array.of(
  0, 0, 8, 3,
  0, 0, 0, 2, /* count 2 */ 0, 0, 0, 2, /* rows 2 */ 0, 0, 0, 3, /* cols 3 */
  1, 2, 3, 4, 5, 6, /* image 0 */ 250, 251, 252, 253, 254, 255, /* image 1 */
);

describe("parseIdx", () => {
  it("reads a 1-D label file: magic 0x00000801, dims [3]", () => {
    const { dims, data } = parseIdx(labelsFile, "labels");
    expect(dims).toEqual([3]);
    expect(Array.from(data)).toEqual([7, 0, 9]);
  });

  it("reads a 3-D image file: magic 0x00000803, dims [2, 2, 3], row-major data", () => {
    const { dims, data } = parseIdx(imagesFile, "images", 3);
    expect(dims).toEqual([2, 2, 3]);
    expect(Array.from(data)).toEqual([1, 2, 3, 4, 5, 6, 250, 251, 252, 253, 254, 255]);
  });

  it("reads sizes ≥ 2⁸ big-endian (n = 0x0102 = 258)", () => {
    const bytes = new Uint8Array(8 + 258);
    bytes.set([0, 0, 8, 1, 0, 0, 1, 2]);
    bytes[8 + 257] = 42;
    const { dims, data } = parseIdx(bytes, "big");
    expect(dims).toEqual([258]);
    expect(data[257]).toBe(42);
  });

  it("works on a view that does not start at offset 0 of its buffer", () => {
    const padded = new Uint8Array(5 + labelsFile.length);
    padded.set(labelsFile, 5);
    expect(Array.from(parseIdx(padded.subarray(5), "labels").data)).toEqual([7, 0, 9]);
  });

  it("rejects a bad magic number, showing the expected and the received value", () => {
    const bad = labelsFile.slice();
    bad[2] = 0x0d; // type 0x0D = float, not unsigned byte
    expect(() => parseIdx(bad, "labels.idx")).toThrow(DataError);
    expect(() => parseIdx(bad, "labels.idx")).toThrow(/^labels\.idx: bad magic number: expected 0x000008XX, got 0x00000d01$/);
    expect(() => parseIdx(labelsFile, "x-labels", 3)).toThrow(/^x-labels: bad magic number: expected 0x00000803, got 0x00000801$/);
  });

  it("recognises gzip data that was not decompressed", () => {
    const gz = Uint8Array.of(0x1f, 0x8b, 8, 0, 0, 0, 0, 0);
    expect(() => parseIdx(gz, "t.gz", 1)).toThrow(
      /^t\.gz: bad magic number: expected 0x00000801, got 0x1f8b0800 \(this is gzip data: decompress it first\)$/,
    );
  });

  it("rejects truncated files: no magic, a cut header, cut data", () => {
    expect(() => parseIdx(Uint8Array.of(0, 0), "f")).toThrow(/^f: truncated: expected at least 4 bytes \(the magic number\), got 2$/);
    expect(() => parseIdx(imagesFile.subarray(0, 10), "f")).toThrow(
      /^f: truncated: expected a 16-byte header \(magic \+ 3 sizes\), got 10 bytes$/,
    );
    expect(() => parseIdx(imagesFile.subarray(0, 20), "f")).toThrow(/^f: truncated: expected 16 \+ 2×2×3 = 28 bytes, got 20$/);
  });

  it("rejects trailing bytes after the data", () => {
    const long = new Uint8Array(labelsFile.length + 2);
    long.set(labelsFile);
    expect(() => parseIdx(long, "f")).toThrow(/^f: 2 unexpected bytes after the data: expected 8 \+ 3 = 11 bytes, got 13$/);
  });
});

describe("encodeIdx", () => {
  it("writes the bytes of the specification (inverse of parseIdx)", () => {
    expect(Array.from(encodeIdx([3], Uint8Array.of(7, 0, 9)))).toEqual(Array.from(labelsFile));
    expect(Array.from(encodeIdx([2, 2, 3], imagesFile.subarray(16)))).toEqual(Array.from(imagesFile));
  });

  it("rejects data of the wrong length", () => {
    expect(() => encodeIdx([2, 2], new Uint8Array(3))).toThrow(/^encodeIdx: data must have 2×2 = 4 bytes, got 3$/);
  });
});
