import { MR as KERNEL_MR, NR as KERNEL_NR } from "./micro-kernel.js";

// Module-local copies: TurboFan folds a module's own constants, not imported bindings.
const MR = KERNEL_MR, NR = KERNEL_NR;

/**
 * Packing: copy a block of an operand into the interleaved order the
 * micro-kernel reads, padding partial panels with zeros. Operands are strided
 * views, so the same code packs a matrix or its transpose without forming it:
 *   op(A)[i][p] = a[aOffset + i·aRowStride + p·aColStride]   (A: strides (k, 1); a stored Aᵀ: (1, m))
 *   op(B)[p][j] = b[bOffset + p·bRowStride + j·bColStride]
 * Each operand has a fast path for either stride being 1 (the layouts the
 * three products produce) and a plain loop for anything else.
 */

/**
 * Rows i0…i0+rows−1, columns p0…p0+kc−1 of op(A) into dst as panels of MR rows:
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
    if (height === MR && colStride === 1) {
      // Rows of A are contiguous: read sixteen rows side by side, write one panel in order
      // (written out: the copies measured slower as loops, and packing Ã is on the skinny products' critical path).
      const s0 = s, s1 = s0 + rowStride, s2 = s1 + rowStride, s3 = s2 + rowStride;
      const s4 = s3 + rowStride, s5 = s4 + rowStride, s6 = s5 + rowStride, s7 = s6 + rowStride;
      const s8 = s7 + rowStride, s9 = s8 + rowStride, s10 = s9 + rowStride, s11 = s10 + rowStride;
      const s12 = s11 + rowStride, s13 = s12 + rowStride, s14 = s13 + rowStride, s15 = s14 + rowStride;
      for (let p = 0; p < kc; p++) {
        dst[o + 0] = a[s0 + p]!; dst[o + 1] = a[s1 + p]!; dst[o + 2] = a[s2 + p]!; dst[o + 3] = a[s3 + p]!;
        dst[o + 4] = a[s4 + p]!; dst[o + 5] = a[s5 + p]!; dst[o + 6] = a[s6 + p]!; dst[o + 7] = a[s7 + p]!;
        dst[o + 8] = a[s8 + p]!; dst[o + 9] = a[s9 + p]!; dst[o + 10] = a[s10 + p]!; dst[o + 11] = a[s11 + p]!;
        dst[o + 12] = a[s12 + p]!; dst[o + 13] = a[s13 + p]!; dst[o + 14] = a[s14 + p]!; dst[o + 15] = a[s15 + p]!;
        o += MR;
      }
    } else if (height === MR && rowStride === 1) {
      // Columns of op(A) are contiguous (a stored Aᵀ): sixteen neighbours per step p.
      for (let p = 0; p < kc; p++) {
        const sp = s + p * colStride;
        dst[o + 0] = a[sp + 0]!; dst[o + 1] = a[sp + 1]!; dst[o + 2] = a[sp + 2]!; dst[o + 3] = a[sp + 3]!;
        dst[o + 4] = a[sp + 4]!; dst[o + 5] = a[sp + 5]!; dst[o + 6] = a[sp + 6]!; dst[o + 7] = a[sp + 7]!;
        dst[o + 8] = a[sp + 8]!; dst[o + 9] = a[sp + 9]!; dst[o + 10] = a[sp + 10]!; dst[o + 11] = a[sp + 11]!;
        dst[o + 12] = a[sp + 12]!; dst[o + 13] = a[sp + 13]!; dst[o + 14] = a[sp + 14]!; dst[o + 15] = a[sp + 15]!;
        o += MR;
      }
    } else {
      // A partial panel, or unusual strides: entry by entry, zeros below the last row.
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
 * Rows p0…p0+kc−1, columns j0…j0+cols−1 of op(B) into dst as panels of NR columns:
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
    // Rows of B are contiguous: read each row segment once, five entries to each full panel.
    const fullCols = cols - (cols % NR);
    for (let p = 0; p < kc; p++) {
      const sp = bOffset + (p0 + p) * rowStride + j0;
      let o = offset + p * NR;
      for (let j = 0; j < fullCols; j += NR, o += panelSize) {
        dst[o] = b[sp + j]!; dst[o + 1] = b[sp + j + 1]!; dst[o + 2] = b[sp + j + 2]!; dst[o + 3] = b[sp + j + 3]!; dst[o + 4] = b[sp + j + 4]!;
      }
    }
    q = fullCols;
  }
  for (; q < cols; q += NR) {
    const width = Math.min(NR, cols - q);
    const s = bOffset + p0 * rowStride + (j0 + q) * colStride; // op(B)[p0][j0 + q]
    let o = offset + (q / NR) * panelSize;
    if (width === NR && rowStride === 1) {
      // Columns of op(B) are contiguous (a stored Bᵀ): read five columns side by side.
      const s0 = s, s1 = s0 + colStride, s2 = s1 + colStride, s3 = s2 + colStride, s4 = s3 + colStride;
      for (let p = 0; p < kc; p++) {
        dst[o] = b[s0 + p]!; dst[o + 1] = b[s1 + p]!; dst[o + 2] = b[s2 + p]!; dst[o + 3] = b[s3 + p]!; dst[o + 4] = b[s4 + p]!;
        o += NR;
      }
    } else {
      // The last, partial panel, or unusual strides: entry by entry, zeros right of the last column.
      for (let p = 0; p < kc; p++) {
        const sp = s + p * rowStride;
        let j = 0;
        for (; j < width; j++) dst[o++] = b[sp + j * colStride]!;
        for (; j < NR; j++) dst[o++] = 0;
      }
    }
  }
}
