import { describe, expect, it } from "vitest";
import { parseIdx } from "./idx.js";

describe("parseIdx", () => {
  it("reads a 2×3 unsigned-byte array: magic 0 0 8 2, dims 2 and 3 big-endian, 6 bytes", () => {
    const bytes = Uint8Array.from([0, 0, 8, 2, 0, 0, 0, 2, 0, 0, 0, 3, 1, 2, 3, 4, 5, 255]);
    const idx = parseIdx(bytes);
    expect(idx.dims).toEqual([2, 3]);
    expect(Array.from(idx.data)).toEqual([1, 2, 3, 4, 5, 255]);
  });

  it("rejects a truncated file, naming both sizes", () => {
    expect(() => parseIdx(Uint8Array.from([0, 0, 8, 1, 0, 0, 0, 4, 7, 7]))).toThrow(
      /^parseIdx: header says 4 = 4 bytes of data, the file has 2$/,
    );
  });

  it("rejects other element types and non-IDX bytes", () => {
    expect(() => parseIdx(Uint8Array.from([0, 0, 0x0d, 1, 0, 0, 0, 0]))).toThrow(/type 0xd/);
    expect(() => parseIdx(Uint8Array.from([0x1f, 0x8b, 8, 0]))).toThrow(/^parseIdx: not an IDX file/);
  });
});
