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
 * - x86-64 has 16 float registers, too few for the accumulators. They live
 *   in TILE instead (constant indices, so each update is one load-add-store
 *   with no bounds check); accumulators in locals spill far worse (−30 to −40 %).
 * - What stays in registers is the B̃ side: rows p and p+1 of the 5-column
 *   panel (y0…y4, z0…z4). Each row i of the tile then loads its two Ã values
 *   (x, e) and does 5 updates of two products each; a tall tile amortises the
 *   10 register loads over 80 accumulators. 16×5 measured 12–22 % faster than
 *   the 6×5 tile holding Ã (6.8–7.3 against 5.8–6.1 GFLOP/s on the MLP's
 *   256×784×256 products), with the same sums in the same order, so the
 *   same bits. NR stays 5 so that a 10-column output pads to 10, not 12 or 16.
 * - The rows are written out: a loop over i (TILE[5i + j]) measured 30 % slower.
 */

/** Rows of A per micro-panel. */
export const MR = 16;
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
  // Two steps p, p+1 at a time: every accumulator takes both products in one
  // update (x·y + e·z), which halves the load-add-stores on TILE.
  let p = 0;
  for (; p + 1 < kc; p += 2) {
    const a = (aOffset + 16 * p) | 0, b = (bOffset + 5 * p) | 0; // MR·p, NR·p (literals: TurboFan does not fold exported consts)
    const y0 = PACK[b & PACK_MASK]!, y1 = PACK[(b + 1) & PACK_MASK]!, y2 = PACK[(b + 2) & PACK_MASK]!;
    const y3 = PACK[(b + 3) & PACK_MASK]!, y4 = PACK[(b + 4) & PACK_MASK]!; //   row p of B̃
    const z0 = PACK[(b + 5) & PACK_MASK]!, z1 = PACK[(b + 6) & PACK_MASK]!, z2 = PACK[(b + 7) & PACK_MASK]!;
    const z3 = PACK[(b + 8) & PACK_MASK]!, z4 = PACK[(b + 9) & PACK_MASK]!; //   row p + 1
    // Row i of the tile: x = Ã[p][i], e = Ã[p+1][i].
    { const x = PACK[(a) & PACK_MASK]!, e = PACK[(a + 16) & PACK_MASK]!;
      TILE[0] += x * y0 + e * z0; TILE[1] += x * y1 + e * z1; TILE[2] += x * y2 + e * z2; TILE[3] += x * y3 + e * z3; TILE[4] += x * y4 + e * z4; }
    { const x = PACK[(a + 1) & PACK_MASK]!, e = PACK[(a + 17) & PACK_MASK]!;
      TILE[5] += x * y0 + e * z0; TILE[6] += x * y1 + e * z1; TILE[7] += x * y2 + e * z2; TILE[8] += x * y3 + e * z3; TILE[9] += x * y4 + e * z4; }
    { const x = PACK[(a + 2) & PACK_MASK]!, e = PACK[(a + 18) & PACK_MASK]!;
      TILE[10] += x * y0 + e * z0; TILE[11] += x * y1 + e * z1; TILE[12] += x * y2 + e * z2; TILE[13] += x * y3 + e * z3; TILE[14] += x * y4 + e * z4; }
    { const x = PACK[(a + 3) & PACK_MASK]!, e = PACK[(a + 19) & PACK_MASK]!;
      TILE[15] += x * y0 + e * z0; TILE[16] += x * y1 + e * z1; TILE[17] += x * y2 + e * z2; TILE[18] += x * y3 + e * z3; TILE[19] += x * y4 + e * z4; }
    { const x = PACK[(a + 4) & PACK_MASK]!, e = PACK[(a + 20) & PACK_MASK]!;
      TILE[20] += x * y0 + e * z0; TILE[21] += x * y1 + e * z1; TILE[22] += x * y2 + e * z2; TILE[23] += x * y3 + e * z3; TILE[24] += x * y4 + e * z4; }
    { const x = PACK[(a + 5) & PACK_MASK]!, e = PACK[(a + 21) & PACK_MASK]!;
      TILE[25] += x * y0 + e * z0; TILE[26] += x * y1 + e * z1; TILE[27] += x * y2 + e * z2; TILE[28] += x * y3 + e * z3; TILE[29] += x * y4 + e * z4; }
    { const x = PACK[(a + 6) & PACK_MASK]!, e = PACK[(a + 22) & PACK_MASK]!;
      TILE[30] += x * y0 + e * z0; TILE[31] += x * y1 + e * z1; TILE[32] += x * y2 + e * z2; TILE[33] += x * y3 + e * z3; TILE[34] += x * y4 + e * z4; }
    { const x = PACK[(a + 7) & PACK_MASK]!, e = PACK[(a + 23) & PACK_MASK]!;
      TILE[35] += x * y0 + e * z0; TILE[36] += x * y1 + e * z1; TILE[37] += x * y2 + e * z2; TILE[38] += x * y3 + e * z3; TILE[39] += x * y4 + e * z4; }
    { const x = PACK[(a + 8) & PACK_MASK]!, e = PACK[(a + 24) & PACK_MASK]!;
      TILE[40] += x * y0 + e * z0; TILE[41] += x * y1 + e * z1; TILE[42] += x * y2 + e * z2; TILE[43] += x * y3 + e * z3; TILE[44] += x * y4 + e * z4; }
    { const x = PACK[(a + 9) & PACK_MASK]!, e = PACK[(a + 25) & PACK_MASK]!;
      TILE[45] += x * y0 + e * z0; TILE[46] += x * y1 + e * z1; TILE[47] += x * y2 + e * z2; TILE[48] += x * y3 + e * z3; TILE[49] += x * y4 + e * z4; }
    { const x = PACK[(a + 10) & PACK_MASK]!, e = PACK[(a + 26) & PACK_MASK]!;
      TILE[50] += x * y0 + e * z0; TILE[51] += x * y1 + e * z1; TILE[52] += x * y2 + e * z2; TILE[53] += x * y3 + e * z3; TILE[54] += x * y4 + e * z4; }
    { const x = PACK[(a + 11) & PACK_MASK]!, e = PACK[(a + 27) & PACK_MASK]!;
      TILE[55] += x * y0 + e * z0; TILE[56] += x * y1 + e * z1; TILE[57] += x * y2 + e * z2; TILE[58] += x * y3 + e * z3; TILE[59] += x * y4 + e * z4; }
    { const x = PACK[(a + 12) & PACK_MASK]!, e = PACK[(a + 28) & PACK_MASK]!;
      TILE[60] += x * y0 + e * z0; TILE[61] += x * y1 + e * z1; TILE[62] += x * y2 + e * z2; TILE[63] += x * y3 + e * z3; TILE[64] += x * y4 + e * z4; }
    { const x = PACK[(a + 13) & PACK_MASK]!, e = PACK[(a + 29) & PACK_MASK]!;
      TILE[65] += x * y0 + e * z0; TILE[66] += x * y1 + e * z1; TILE[67] += x * y2 + e * z2; TILE[68] += x * y3 + e * z3; TILE[69] += x * y4 + e * z4; }
    { const x = PACK[(a + 14) & PACK_MASK]!, e = PACK[(a + 30) & PACK_MASK]!;
      TILE[70] += x * y0 + e * z0; TILE[71] += x * y1 + e * z1; TILE[72] += x * y2 + e * z2; TILE[73] += x * y3 + e * z3; TILE[74] += x * y4 + e * z4; }
    { const x = PACK[(a + 15) & PACK_MASK]!, e = PACK[(a + 31) & PACK_MASK]!;
      TILE[75] += x * y0 + e * z0; TILE[76] += x * y1 + e * z1; TILE[77] += x * y2 + e * z2; TILE[78] += x * y3 + e * z3; TILE[79] += x * y4 + e * z4; }
  }
  // An odd kc leaves one step: the outer product of column p of Ã and row p of B̃.
  if (p < kc) {
    const a = (aOffset + 16 * p) | 0, b = (bOffset + 5 * p) | 0;
    const y0 = PACK[b & PACK_MASK]!, y1 = PACK[(b + 1) & PACK_MASK]!, y2 = PACK[(b + 2) & PACK_MASK]!;
    const y3 = PACK[(b + 3) & PACK_MASK]!, y4 = PACK[(b + 4) & PACK_MASK]!;
    { const x = PACK[(a) & PACK_MASK]!;
      TILE[0] += x * y0; TILE[1] += x * y1; TILE[2] += x * y2; TILE[3] += x * y3; TILE[4] += x * y4; }
    { const x = PACK[(a + 1) & PACK_MASK]!;
      TILE[5] += x * y0; TILE[6] += x * y1; TILE[7] += x * y2; TILE[8] += x * y3; TILE[9] += x * y4; }
    { const x = PACK[(a + 2) & PACK_MASK]!;
      TILE[10] += x * y0; TILE[11] += x * y1; TILE[12] += x * y2; TILE[13] += x * y3; TILE[14] += x * y4; }
    { const x = PACK[(a + 3) & PACK_MASK]!;
      TILE[15] += x * y0; TILE[16] += x * y1; TILE[17] += x * y2; TILE[18] += x * y3; TILE[19] += x * y4; }
    { const x = PACK[(a + 4) & PACK_MASK]!;
      TILE[20] += x * y0; TILE[21] += x * y1; TILE[22] += x * y2; TILE[23] += x * y3; TILE[24] += x * y4; }
    { const x = PACK[(a + 5) & PACK_MASK]!;
      TILE[25] += x * y0; TILE[26] += x * y1; TILE[27] += x * y2; TILE[28] += x * y3; TILE[29] += x * y4; }
    { const x = PACK[(a + 6) & PACK_MASK]!;
      TILE[30] += x * y0; TILE[31] += x * y1; TILE[32] += x * y2; TILE[33] += x * y3; TILE[34] += x * y4; }
    { const x = PACK[(a + 7) & PACK_MASK]!;
      TILE[35] += x * y0; TILE[36] += x * y1; TILE[37] += x * y2; TILE[38] += x * y3; TILE[39] += x * y4; }
    { const x = PACK[(a + 8) & PACK_MASK]!;
      TILE[40] += x * y0; TILE[41] += x * y1; TILE[42] += x * y2; TILE[43] += x * y3; TILE[44] += x * y4; }
    { const x = PACK[(a + 9) & PACK_MASK]!;
      TILE[45] += x * y0; TILE[46] += x * y1; TILE[47] += x * y2; TILE[48] += x * y3; TILE[49] += x * y4; }
    { const x = PACK[(a + 10) & PACK_MASK]!;
      TILE[50] += x * y0; TILE[51] += x * y1; TILE[52] += x * y2; TILE[53] += x * y3; TILE[54] += x * y4; }
    { const x = PACK[(a + 11) & PACK_MASK]!;
      TILE[55] += x * y0; TILE[56] += x * y1; TILE[57] += x * y2; TILE[58] += x * y3; TILE[59] += x * y4; }
    { const x = PACK[(a + 12) & PACK_MASK]!;
      TILE[60] += x * y0; TILE[61] += x * y1; TILE[62] += x * y2; TILE[63] += x * y3; TILE[64] += x * y4; }
    { const x = PACK[(a + 13) & PACK_MASK]!;
      TILE[65] += x * y0; TILE[66] += x * y1; TILE[67] += x * y2; TILE[68] += x * y3; TILE[69] += x * y4; }
    { const x = PACK[(a + 14) & PACK_MASK]!;
      TILE[70] += x * y0; TILE[71] += x * y1; TILE[72] += x * y2; TILE[73] += x * y3; TILE[74] += x * y4; }
    { const x = PACK[(a + 15) & PACK_MASK]!;
      TILE[75] += x * y0; TILE[76] += x * y1; TILE[77] += x * y2; TILE[78] += x * y3; TILE[79] += x * y4; }
  }
  // Only the valid rows × cols corner goes to C.
  for (let i = 0; i < rows; i++) {
    const rowC = cOffset + i * ldc, rowT = i * NR;
    for (let j = 0; j < cols; j++) C[rowC + j] += TILE[rowT + j]!;
  }
}
