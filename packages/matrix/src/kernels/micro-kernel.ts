/**
 * The innermost piece of the matrix product: one MR×NR tile of C from an
 * MR-row panel of A and an NR-column panel of B, both packed into PACK.
 *
 *   C[i][j] += Σₚ Ã[p][i]·B̃[p][j]     0 ≤ i < MR, 0 ≤ j < NR, 0 ≤ p < kc
 *
 * Packed layouts (see pack.ts): Ã[p][i] = PACK[aOffset + p·MR + i] and
 * B̃[p][j] = PACK[bOffset + p·NR + j], so each step p reads MR + NR
 * consecutive numbers and does MR·NR multiply-adds.
 *
 * Why it is written this way (V8, scalar float64, measured on x86-64):
 * - PACK and TILE are module constants, so TurboFan knows their length and
 *   address: no map check, no reload of the backing store inside the loop.
 * - Indices are masked with PACK_MASK: a cheap `and` instead of overflow
 *   checks and sign extensions on every load.
 * - x86-64 has 16 float registers, too few for 30 accumulators plus the
 *   operands. The accumulators live in TILE instead (constant indices, so
 *   each update is one load-add-store with no bounds check); holding them in
 *   locals makes TurboFan spill far worse. This runs ~1.5× faster than a
 *   register-only 4×4 tile (6.5 against 4.2 GFLOP/s with L1-resident panels).
 */

/** Rows of A per micro-panel. */
export const MR = 6;
/** Columns of B per micro-panel. */
export const NR = 5;

/** Size of the packing buffer: a power of two so that PACK_MASK is a valid mask. */
export const PACK_SIZE = 1 << 18;
const PACK_MASK = PACK_SIZE - 1;

/**
 * The packing buffer (2 MiB): gemm.ts puts Ã's block first and B̃'s after it.
 * One per JavaScript realm; a product runs to completion before the next starts.
 * Not exported as a binding: TurboFan constant-folds a module's own `const`,
 * but not an exported one (measured: 3× slower). packBuffer() hands it out.
 */
const PACK = new Float64Array(PACK_SIZE);

/** The packing buffer the micro-kernel reads. */
export function packBuffer(): Float64Array {
  return PACK;
}

/** The tile's accumulators, row-major MR×NR: TILE[i·NR + j] ↔ C[i][j]. */
const TILE = new Float64Array(MR * NR);

/**
 * C[cOffset + i·ldc + j] += (Ã·B̃)[i][j] for i < rows, j < cols (rows ≤ MR, cols ≤ NR):
 * the tile is always computed in full (packing pads with zeros) and only
 * its valid rows × cols corner is added to C.
 */
export function microKernel(
  aOffset: number, bOffset: number, kc: number,
  C: Float64Array, cOffset: number, ldc: number, rows: number, cols: number,
): void {
  TILE.fill(0);
  // Two steps p, p+1 at a time: columns p and p+1 of Ã (a… and e…), then for
  // each column j of the tile rows p and p+1 of B̃ (y, z); every accumulator
  // takes both products in one update, which halves the load-add-stores on
  // TILE (~10% faster than one step at a time).
  let p = 0;
  for (; p + 1 < kc; p += 2) {
    const a = (aOffset + 6 * p) | 0, b = (bOffset + 5 * p) | 0; // MR·p, NR·p (literals: TurboFan does not fold exported consts)
    const a0 = PACK[a & PACK_MASK]!, a1 = PACK[(a + 1) & PACK_MASK]!, a2 = PACK[(a + 2) & PACK_MASK]!;
    const a3 = PACK[(a + 3) & PACK_MASK]!, a4 = PACK[(a + 4) & PACK_MASK]!, a5 = PACK[(a + 5) & PACK_MASK]!;
    const e0 = PACK[(a + 6) & PACK_MASK]!, e1 = PACK[(a + 7) & PACK_MASK]!, e2 = PACK[(a + 8) & PACK_MASK]!;
    const e3 = PACK[(a + 9) & PACK_MASK]!, e4 = PACK[(a + 10) & PACK_MASK]!, e5 = PACK[(a + 11) & PACK_MASK]!;
    let y = PACK[b & PACK_MASK]!, z = PACK[(b + 5) & PACK_MASK]!;
    TILE[0] += a0 * y + e0 * z; TILE[5] += a1 * y + e1 * z; TILE[10] += a2 * y + e2 * z;
    TILE[15] += a3 * y + e3 * z; TILE[20] += a4 * y + e4 * z; TILE[25] += a5 * y + e5 * z;
    y = PACK[(b + 1) & PACK_MASK]!; z = PACK[(b + 6) & PACK_MASK]!;
    TILE[1] += a0 * y + e0 * z; TILE[6] += a1 * y + e1 * z; TILE[11] += a2 * y + e2 * z;
    TILE[16] += a3 * y + e3 * z; TILE[21] += a4 * y + e4 * z; TILE[26] += a5 * y + e5 * z;
    y = PACK[(b + 2) & PACK_MASK]!; z = PACK[(b + 7) & PACK_MASK]!;
    TILE[2] += a0 * y + e0 * z; TILE[7] += a1 * y + e1 * z; TILE[12] += a2 * y + e2 * z;
    TILE[17] += a3 * y + e3 * z; TILE[22] += a4 * y + e4 * z; TILE[27] += a5 * y + e5 * z;
    y = PACK[(b + 3) & PACK_MASK]!; z = PACK[(b + 8) & PACK_MASK]!;
    TILE[3] += a0 * y + e0 * z; TILE[8] += a1 * y + e1 * z; TILE[13] += a2 * y + e2 * z;
    TILE[18] += a3 * y + e3 * z; TILE[23] += a4 * y + e4 * z; TILE[28] += a5 * y + e5 * z;
    y = PACK[(b + 4) & PACK_MASK]!; z = PACK[(b + 9) & PACK_MASK]!;
    TILE[4] += a0 * y + e0 * z; TILE[9] += a1 * y + e1 * z; TILE[14] += a2 * y + e2 * z;
    TILE[19] += a3 * y + e3 * z; TILE[24] += a4 * y + e4 * z; TILE[29] += a5 * y + e5 * z;
  }
  // An odd kc leaves one step: the outer product of column p of Ã and row p of B̃.
  if (p < kc) {
    const a = (aOffset + 6 * p) | 0, b = (bOffset + 5 * p) | 0; // MR·p, NR·p (literals: TurboFan does not fold exported consts)
    const a0 = PACK[a & PACK_MASK]!, a1 = PACK[(a + 1) & PACK_MASK]!, a2 = PACK[(a + 2) & PACK_MASK]!;
    const a3 = PACK[(a + 3) & PACK_MASK]!, a4 = PACK[(a + 4) & PACK_MASK]!, a5 = PACK[(a + 5) & PACK_MASK]!;
    let y = PACK[b & PACK_MASK]!;
    TILE[0] += a0 * y; TILE[5] += a1 * y; TILE[10] += a2 * y; TILE[15] += a3 * y; TILE[20] += a4 * y; TILE[25] += a5 * y;
    y = PACK[(b + 1) & PACK_MASK]!;
    TILE[1] += a0 * y; TILE[6] += a1 * y; TILE[11] += a2 * y; TILE[16] += a3 * y; TILE[21] += a4 * y; TILE[26] += a5 * y;
    y = PACK[(b + 2) & PACK_MASK]!;
    TILE[2] += a0 * y; TILE[7] += a1 * y; TILE[12] += a2 * y; TILE[17] += a3 * y; TILE[22] += a4 * y; TILE[27] += a5 * y;
    y = PACK[(b + 3) & PACK_MASK]!;
    TILE[3] += a0 * y; TILE[8] += a1 * y; TILE[13] += a2 * y; TILE[18] += a3 * y; TILE[23] += a4 * y; TILE[28] += a5 * y;
    y = PACK[(b + 4) & PACK_MASK]!;
    TILE[4] += a0 * y; TILE[9] += a1 * y; TILE[14] += a2 * y; TILE[19] += a3 * y; TILE[24] += a4 * y; TILE[29] += a5 * y;
  }
  // Only the valid rows × cols corner goes to C.
  for (let i = 0; i < rows; i++) {
    const rowC = cOffset + i * ldc, rowT = i * NR;
    for (let j = 0; j < cols; j++) C[rowC + j] += TILE[rowT + j]!;
  }
}
