// Test helpers (not exported): tiny Fashion-MNIST-shaped IDX files.
import { createRng } from "@mytorch/matrix";

/** An IDX file of unsigned bytes, header written field by field (big-endian). */
export function idxBytes(dims: number[], data: ArrayLike<number>, magic = 0x800 + dims.length): Uint8Array {
  const header = new DataView(new ArrayBuffer(4 + 4 * dims.length));
  header.setUint32(0, magic);
  dims.forEach((n, d) => header.setUint32(4 + 4 * d, n));
  const bytes = new Uint8Array(header.byteLength + data.length);
  bytes.set(new Uint8Array(header.buffer));
  bytes.set(Array.from(data), header.byteLength);
  return bytes;
}

/** `count` random 28×28 images and labels 0–9 (seeded), as raw pixel arrays and IDX files. */
export function tinySplit(count: number, seed: number): { pixels: number[]; labels: number[]; images: Uint8Array; labelFile: Uint8Array } {
  const rng = createRng(seed);
  const pixels = Array.from({ length: count * 784 }, () => rng.int(256));
  const labels = Array.from({ length: count }, () => rng.int(10));
  return { pixels, labels, images: idxBytes([count, 28, 28], pixels), labelFile: idxBytes([count], labels) };
}
