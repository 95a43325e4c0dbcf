/**
 * The IDX format of (Fashion-)MNIST: a 4-byte magic (0, 0, element type, number
 * of dimensions), one big-endian uint32 per dimension, then the elements. Only
 * unsigned bytes (type 0x08) are needed here.
 */
export interface IdxArray {
  dims: number[];
  data: Uint8Array;
}

export function parseIdx(bytes: Uint8Array): IdxArray {
  if (bytes.length < 4 || bytes[0] !== 0 || bytes[1] !== 0) {
    throw new Error("parseIdx: not an IDX file (the first two bytes must be 0)");
  }
  if (bytes[2] !== 0x08) throw new Error(`parseIdx: only unsigned-byte data (type 0x08) is supported, got type 0x${bytes[2]!.toString(16)}`);
  const rank = bytes[3]!;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dims: number[] = [];
  for (let d = 0; d < rank; d++) dims.push(view.getUint32(4 + 4 * d, false));
  const start = 4 + 4 * rank;
  const count = dims.reduce((x, y) => x * y, 1);
  if (bytes.length - start !== count) {
    throw new Error(`parseIdx: header says ${dims.join("×")} = ${count} bytes of data, the file has ${bytes.length - start}`);
  }
  return { dims, data: bytes.subarray(start) };
}
