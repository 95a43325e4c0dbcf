import { MR as KERNEL_MR, NR as KERNEL_NR, PACK_SIZE, microKernel, packBuffer } from "./micro-kernel.js";
import { packA, packB } from "./pack.js";

// Module-local copies: TurboFan folds a module's own constants, not imported bindings.
const MR = KERNEL_MR, NR = KERNEL_NR;

/**
 * A general matrix product on strided views, the engine behind matmul,
 * transposeMatmul and matmulTranspose:
 *   C = op(A)·op(B),   op(A) (m×k), op(B) (k×n), C (m×n, row-major, overwritten)
 *   op(A)[i][p] = a[aOffset + i·aRowStride + p·aColStride]
 *   op(B)[p][j] = b[bOffset + p·bRowStride + j·bColStride]
 *   C[i][j]     = c[cOffset + i·n + j]
 * A plain row-major A has strides (k, 1); a stored Aᵀ (k×m) read as A has (1, m).
 * The offsets (default 0) may be negative as long as every index used is ≥ 0:
 * a worker holding only rows r… of A and C passes −r·aRowStride and −r·n.
 */
export interface GemmArgs {
  m: number;
  n: number;
  k: number;
  a: Float64Array;
  aRowStride: number;
  aColStride: number;
  b: Float64Array;
  bRowStride: number;
  bColStride: number;
  c: Float64Array;
  aOffset?: number;
  bOffset?: number;
  cOffset?: number;
}

/** Shared-dimension block: a kc-long column of Ã and row of B̃ stay in L1 during a micro-kernel call. */
const KC = 256;
/** Rows of A per block (a multiple of MR): Ã (MC×KC, 192 KiB) stays in L2. */
const MC = 96;
/**
 * Columns of B per block (a multiple of NR). Each NR-wide panel of B̃ is reused
 * from L1 by all MC/MR micro-kernel calls of a block, so B̃ itself may live in
 * L3; a wide block means op(A) is packed only once for n ≤ NC.
 */
const NC = 900;
/** Where B̃ starts in PACK, after Ã. */
const B_OFFSET = MC * KC;
if (B_OFFSET + KC * NC > PACK_SIZE) throw new Error("gemm: block sizes exceed the packing buffer");

/** Below this many multiply-adds, or for 1–2 rows, 1–2 columns or k ≤ 4, packing costs more than it saves. */
const DIRECT_LIMIT = 4096;

/**
 * Rows rowStart ≤ i < rowEnd of C = op(A)·op(B) (all rows by default).
 * Disjoint row ranges can run in different threads over shared memory, and
 * give exactly the numbers of a single call.
 */
export function gemm(args: GemmArgs, rowStart = 0, rowEnd = args.m): void {
  const { m, n, k, cOffset = 0 } = args;
  if (rowEnd <= rowStart || n === 0) return;
  if (k === 0) {
    args.c.fill(0, cOffset + rowStart * n, cOffset + rowEnd * n);
    return;
  }
  // The path depends on the whole problem, not on the row range, so a product
  // split across threads is bit-for-bit the one computed in one piece.
  if (m <= 2 || n <= 2 || k <= 4 || m * n * k < DIRECT_LIMIT) gemmDirect(args, rowStart, rowEnd);
  else gemmBlocked(args, rowStart, rowEnd);
}

/**
 * Cache-blocked product (the GotoBLAS loop nest):
 *   for jc (NC columns of B)              B̃ ← op(B)[pc…, jc…]  packed once per (jc, pc)
 *     for pc (KC of the shared dimension)
 *       for ic (MC rows of A)             Ã ← op(A)[ic…, pc…]  packed once per (ic, pc)
 *         for jr (NR-column panel of B̃)
 *           for ir (MR-row panel of Ã)    C[ic+ir…][jc+jr…] += Ã panel · B̃ panel  (micro-kernel)
 */
function gemmBlocked(args: GemmArgs, rowStart: number, rowEnd: number): void {
  const { n, k, a, aRowStride, aColStride, b, bRowStride, bColStride, c, aOffset = 0, bOffset = 0, cOffset = 0 } = args;
  const PACK = packBuffer();
  c.fill(0, cOffset + rowStart * n, cOffset + rowEnd * n);
  for (let jc = 0; jc < n; jc += NC) {
    const nc = Math.min(NC, n - jc);
    for (let pc = 0; pc < k; pc += KC) {
      const kc = Math.min(KC, k - pc);
      packB(b, bOffset, bRowStride, bColStride, pc, kc, jc, nc, PACK, B_OFFSET);
      for (let ic = rowStart; ic < rowEnd; ic += MC) {
        const mc = Math.min(MC, rowEnd - ic);
        packA(a, aOffset, aRowStride, aColStride, ic, mc, pc, kc, PACK, 0);
        for (let jr = 0; jr < nc; jr += NR) {
          const cols = Math.min(NR, nc - jr);
          const bPanel = B_OFFSET + jr * kc;
          for (let ir = 0; ir < mc; ir += MR) {
            const height = Math.min(MR, mc - ir);
            microKernel(ir * kc, bPanel, kc, c, cOffset + (ic + ir) * n + jc + jr, n, height, cols);
          }
        }
      }
    }
  }
}

/** The plain loops, for thin or tiny products where packing does not pay. */
function gemmDirect(args: GemmArgs, rowStart: number, rowEnd: number): void {
  const { n, k, a, aRowStride, aColStride, b, bRowStride, bColStride, c, aOffset = 0, bOffset = 0, cOffset = 0 } = args;
  if (n <= 4 || bColStride !== 1) {
    // C[i][j] = Σₚ A[i][p]·B[p][j]: one dot product per entry, the sum in a register.
    for (let i = rowStart; i < rowEnd; i++) {
      const rowA = aOffset + i * aRowStride;
      for (let j = 0; j < n; j++) {
        const colB = bOffset + j * bColStride;
        let sum = 0;
        for (let p = 0; p < k; p++) sum += a[rowA + p * aColStride]! * b[p * bRowStride + colB]!;
        c[cOffset + i * n + j] = sum;
      }
    }
    return;
  }
  // Rows of B are contiguous: C[i][·] = Σₚ A[i][p]·B[p][·], four rows of B per pass over C[i][·].
  for (let i = rowStart; i < rowEnd; i++) {
    const rowC = cOffset + i * n, rowA = aOffset + i * aRowStride;
    c.fill(0, rowC, rowC + n);
    let p = 0;
    for (; p + 4 <= k; p += 4) {
      const a0 = a[rowA + p * aColStride]!, a1 = a[rowA + (p + 1) * aColStride]!;
      const a2 = a[rowA + (p + 2) * aColStride]!, a3 = a[rowA + (p + 3) * aColStride]!;
      const b0 = bOffset + p * bRowStride, b1 = b0 + bRowStride, b2 = b1 + bRowStride, b3 = b2 + bRowStride;
      for (let j = 0; j < n; j++) c[rowC + j] += a0 * b[b0 + j]! + a1 * b[b1 + j]! + a2 * b[b2 + j]! + a3 * b[b3 + j]!;
    }
    for (; p < k; p++) {
      const aip = a[rowA + p * aColStride]!, rowB = bOffset + p * bRowStride;
      for (let j = 0; j < n; j++) c[rowC + j] += aip * b[rowB + j]!;
    }
  }
}
