import { TILE_COLS, TILE_ROWS } from "./generated/gemm-wasm.js";

// Module-local copies: TurboFan folds a module's own constants, not imported bindings.
const MR: number = TILE_ROWS, NR: number = TILE_COLS;
// The fast paths below are written out for a 2×4 tile.
if (MR !== 2 || NR !== 4) throw new Error(`pack: written for a 2×4 tile, the kernel has ${MR}×${NR}`);

/**
 * Packing into the wasm memory (viewed as a Float64Array), in the order the
 * wasm micro-kernel reads, partial panels padded with zeros. Operands are
 * strided views, as in GemmArgs:
 *   op(A)[i][p] = a[aOffset + i·rowStride + p·colStride]
 *   op(B)[p][j] = b[bOffset + p·rowStride + j·colStride]
 * Packing only copies numbers, so it cannot change a single bit of the result.
 */

/**
 * Rows i0…i0+rows−1, columns p0…p0+kc−1 of op(A) as panels of MR rows:
 *   dst[offset + r·kc·MR + p·MR + i] = op(A)[i0 + r·MR + i][p0 + p]   (0 past the last row)
 */
export function packA(
  a: Float64Array, aOffset: number, rowStride: number, colStride: number,
  i0: number, rows: number, p0: number, kc: number,
  dst: Float64Array, offset: number,
): void {
  let o = offset;
  for (let r = 0; r < rows; r += MR) {
    const height = Math.min(MR, rows - r);
    const s = aOffset + (i0 + r) * rowStride + p0 * colStride; // op(A)[i0 + r][p0]
    if (height === 2 && colStride === 1) {
      // Rows of op(A) contiguous: two rows side by side.
      const s1 = s + rowStride;
      for (let p = 0; p < kc; p++, o += 2) {
        dst[o] = a[s + p]!; dst[o + 1] = a[s1 + p]!;
      }
    } else if (height === 2 && rowStride === 1) {
      // Columns of op(A) contiguous (a stored Aᵀ): two neighbours per step p.
      for (let p = 0, sp = s; p < kc; p++, o += 2, sp += colStride) {
        dst[o] = a[sp]!; dst[o + 1] = a[sp + 1]!;
      }
    } else {
      for (let p = 0; p < kc; p++) {
        const sp = s + p * colStride;
        let i = 0;
        for (; i < height; i++) dst[o++] = a[sp + i * rowStride]!;
        for (; i < MR; i++) dst[o++] = 0;
      }
    }
  }
}

/**
 * Rows p0…p0+kc−1, columns j0…j0+cols−1 of op(B) as panels of NR columns:
 *   dst[offset + q·kc·NR + p·NR + j] = op(B)[p0 + p][j0 + q·NR + j]   (0 past the last column)
 */
export function packB(
  b: Float64Array, bOffset: number, rowStride: number, colStride: number,
  p0: number, kc: number, j0: number, cols: number,
  dst: Float64Array, offset: number,
): void {
  const panelSize = kc * NR;
  let q = 0;
  if (colStride === 1) {
    // Rows of op(B) contiguous: each row segment read once, four entries to each full panel.
    const fullCols = cols - (cols % NR);
    for (let p = 0; p < kc; p++) {
      const sp = bOffset + (p0 + p) * rowStride + j0;
      let o = offset + p * NR;
      for (let j = 0; j < fullCols; j += 4, o += panelSize) {
        dst[o] = b[sp + j]!; dst[o + 1] = b[sp + j + 1]!; dst[o + 2] = b[sp + j + 2]!; dst[o + 3] = b[sp + j + 3]!;
      }
    }
    q = fullCols;
  }
  for (; q < cols; q += NR) {
    const width = Math.min(NR, cols - q);
    const s = bOffset + p0 * rowStride + (j0 + q) * colStride; // op(B)[p0][j0 + q]
    let o = offset + (q / NR) * panelSize;
    if (width === 4 && rowStride === 1) {
      // Columns of op(B) contiguous (a stored Bᵀ): four columns side by side.
      const s0 = s, s1 = s0 + colStride, s2 = s1 + colStride, s3 = s2 + colStride;
      for (let p = 0; p < kc; p++, o += 4) {
        dst[o] = b[s0 + p]!; dst[o + 1] = b[s1 + p]!; dst[o + 2] = b[s2 + p]!; dst[o + 3] = b[s3 + p]!;
      }
    } else {
      for (let p = 0; p < kc; p++) {
        const sp = s + p * rowStride;
        let j = 0;
        for (; j < width; j++) dst[o++] = b[sp + j * colStride]!;
        for (; j < NR; j++) dst[o++] = 0;
      }
    }
  }
}
