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
 * - x86-64 has 16 float registers. Row 0 of the tile lives in 5 local
 *   accumulators; rows 1…5 accumulate in TILE (constant indices, so each
 *   update is one load-add-store with no bounds check). Holding all 30 in
 *   locals makes TurboFan spill far worse; this split runs ~1.5× faster
 *   than a register-only 4×4 tile.
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

/** Accumulators for rows 1…MR−1 of the tile, row-major (MR−1)×NR. */
const TILE = new Float64Array((MR - 1) * NR);

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
  let c00 = 0, c01 = 0, c02 = 0, c03 = 0, c04 = 0;
  // One step p: load column p of Ã (6 numbers) and row p of B̃ (5), add their outer product.
  for (let p = 0; p < kc; p++) {
    const a = (aOffset + MR * p) | 0, b = (bOffset + NR * p) | 0;
    const a0 = PACK[a & PACK_MASK]!, a1 = PACK[(a + 1) & PACK_MASK]!, a2 = PACK[(a + 2) & PACK_MASK]!;
    const a3 = PACK[(a + 3) & PACK_MASK]!, a4 = PACK[(a + 4) & PACK_MASK]!, a5 = PACK[(a + 5) & PACK_MASK]!;
    let y = PACK[b & PACK_MASK]!;
    c00 += a0 * y; TILE[0] += a1 * y; TILE[5] += a2 * y; TILE[10] += a3 * y; TILE[15] += a4 * y; TILE[20] += a5 * y;
    y = PACK[(b + 1) & PACK_MASK]!;
    c01 += a0 * y; TILE[1] += a1 * y; TILE[6] += a2 * y; TILE[11] += a3 * y; TILE[16] += a4 * y; TILE[21] += a5 * y;
    y = PACK[(b + 2) & PACK_MASK]!;
    c02 += a0 * y; TILE[2] += a1 * y; TILE[7] += a2 * y; TILE[12] += a3 * y; TILE[17] += a4 * y; TILE[22] += a5 * y;
    y = PACK[(b + 3) & PACK_MASK]!;
    c03 += a0 * y; TILE[3] += a1 * y; TILE[8] += a2 * y; TILE[13] += a3 * y; TILE[18] += a4 * y; TILE[23] += a5 * y;
    y = PACK[(b + 4) & PACK_MASK]!;
    c04 += a0 * y; TILE[4] += a1 * y; TILE[9] += a2 * y; TILE[14] += a3 * y; TILE[19] += a4 * y; TILE[24] += a5 * y;
  }
  // Row 0 from the locals, rows 1… from TILE; only the valid rows × cols corner.
  C[cOffset] += c00;
  if (cols > 1) C[cOffset + 1] += c01;
  if (cols > 2) C[cOffset + 2] += c02;
  if (cols > 3) C[cOffset + 3] += c03;
  if (cols > 4) C[cOffset + 4] += c04;
  for (let i = 1; i < rows; i++) {
    const rowC = cOffset + i * ldc, rowT = (i - 1) * NR;
    for (let j = 0; j < cols; j++) C[rowC + j] += TILE[rowT + j]!;
  }
}
