import { DataError } from "./data-error.js";

/** An IDX array of unsigned bytes: its dimensions and its entries, row-major. */
export interface IdxArray {
  dims: number[];
  data: Uint8Array;
}

/**
 * Parses an IDX file of unsigned bytes (the format of MNIST and Fashion-MNIST).
 *
 * Layout, all big-endian:
 *   bytes 0–3   magic number 0x00 0x00 0x08 D (0x08 = unsigned byte, D = number of dimensions)
 *   then D      32-bit sizes n₁ … n_D
 *   then        n₁·…·n_D bytes of data, row-major
 * Labels are 0x00000801 (D = 1), images 0x00000803 (D = 3: count × rows × cols).
 *
 * `fileName` only serves the error messages. When `expectedDims` is given, the
 * magic number must say exactly that many dimensions. The data is a view into
 * `bytes`, not a copy. Throws DataError on a bad magic number, a truncated
 * file or trailing bytes.
 */
export function parseIdx(bytes: Uint8Array, fileName: string, expectedDims?: number): IdxArray {
  const expectedMagic = expectedDims === undefined ? "0x000008XX" : hex32(0x800 + expectedDims);
  if (bytes.length < 4) {
    throw new DataError(`${fileName}: truncated: expected at least 4 bytes (the magic number), got ${bytes.length}`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = view.getUint32(0, false);
  const dimCount = magic & 0xff;
  const typeCode = (magic >>> 8) & 0xff;
  const isUnsignedBytes = magic >>> 16 === 0 && typeCode === 0x08 && dimCount >= 1;
  if (!isUnsignedBytes || (expectedDims !== undefined && dimCount !== expectedDims)) {
    const gzipHint = bytes[0] === 0x1f && bytes[1] === 0x8b ? " (this is gzip data: decompress it first)" : "";
    throw new DataError(`${fileName}: bad magic number: expected ${expectedMagic}, got ${hex32(magic)}${gzipHint}`);
  }
  const headerLength = 4 + 4 * dimCount;
  if (bytes.length < headerLength) {
    throw new DataError(
      `${fileName}: truncated: expected a ${headerLength}-byte header (magic + ${dimCount} sizes), got ${bytes.length} bytes`,
    );
  }
  const dims: number[] = [];
  for (let d = 0; d < dimCount; d++) dims.push(view.getUint32(4 + 4 * d, false));
  const dataLength = dims.reduce((product, n) => product * n, 1);
  const expectedLength = headerLength + dataLength;
  const sizes = `${headerLength} + ${dims.join("×")}`;
  if (bytes.length < expectedLength) {
    throw new DataError(`${fileName}: truncated: expected ${sizes} = ${expectedLength} bytes, got ${bytes.length}`);
  }
  if (bytes.length > expectedLength) {
    throw new DataError(
      `${fileName}: ${bytes.length - expectedLength} unexpected bytes after the data: expected ${sizes} = ${expectedLength} bytes, got ${bytes.length}`,
    );
  }
  return { dims, data: bytes.subarray(headerLength, expectedLength) };
}

/** Encodes an IDX file of unsigned bytes (the inverse of parseIdx). */
export function encodeIdx(dims: readonly number[], data: Uint8Array): Uint8Array {
  const dataLength = dims.reduce((product, n) => product * n, 1);
  if (dims.length < 1 || dims.length > 255 || data.length !== dataLength) {
    throw new RangeError(`encodeIdx: data must have ${dims.join("×")} = ${dataLength} bytes, got ${data.length}`);
  }
  const headerLength = 4 + 4 * dims.length;
  const bytes = new Uint8Array(headerLength + dataLength);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, 0x800 + dims.length, false);
  dims.forEach((n, d) => view.setUint32(4 + 4 * d, n, false));
  bytes.set(data, headerLength);
  return bytes;
}

function hex32(x: number): string {
  return "0x" + (x >>> 0).toString(16).padStart(8, "0");
}
