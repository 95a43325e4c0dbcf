import { gemm, type GemmArgs } from "@mytorch/matrix";
import { GEMM_WASM_BASE64, TILE_COLS, TILE_ROWS } from "./generated/gemm-wasm.js";
import { packA, packB } from "./pack.js";
import { WasmUnavailableError } from "./wasm-unavailable-error.js";
import { decodeBase64, wasmSimdSupported, webAssembly, type WasmMemory } from "./webassembly.js";

const MR = TILE_ROWS, NR = TILE_COLS;

/**
 * Shared-dimension block: the same KC as @mytorch/matrix's gemm.ts. Each entry
 * of C is the sum of its KC-block partials, added in order: this, with the
 * micro-kernel's pairing inside a block, fixes the bits. MC and NC only say
 * which entries are computed together, so they are free to differ.
 */
const KC = 256;
/** Rows of op(A) per block (a multiple of MR): Ã (MC×KC, 256 KiB). */
const MC = 128;
/** Columns of op(B) per block (a multiple of NR): B̃ (KC×NC, 2 MiB). */
const NC = 1024;
/** The TS kernel's direct-path limit (gemm.ts): such products go to the TS kernel itself. */
const DIRECT_LIMIT = 4096;

/** Memory layout, in doubles: [Ã block | B̃ block | C rows, padded to MR × a multiple of NR]. */
const A_OFFSET = 0;
const B_OFFSET = MC * KC;
const C_OFFSET = B_OFFSET + KC * NC;
const PAGE_DOUBLES = 65536 / 8;
/** The most this package lets its memory hold, in doubles (2 GiB: byte addresses stay positive int32s). */
const MAX_DOUBLES = 2 ** 31 / 8;

interface Kernel {
  memory: WasmMemory;
  block: (a: number, b: number, kc: number, mc: number, nc: number, c: number, ldc: number, first: number) => void;
  view: Float64Array;
}

let kernel: Kernel | null = null;

/** The instantiated module, compiled on first use (synchronously: the module is small). */
function loadKernel(): Kernel {
  if (kernel !== null) return kernel;
  if (!wasmSimdSupported()) throw new WasmUnavailableError();
  const api = webAssembly()!;
  const instance = new api.Instance(new api.Module(decodeBase64(GEMM_WASM_BASE64)), {});
  const memory = instance.exports.memory as WasmMemory;
  const block = instance.exports.block as Kernel["block"];
  kernel = { memory, block, view: new Float64Array(memory.buffer) };
  return kernel;
}

/** Compiles the module now; throws WasmUnavailableError where SIMD is missing. */
export function prepareWasmGemm(): void {
  loadKernel();
}

/** The memory as doubles, at least `doubles` long (growing it detaches the old view). */
function memoryView(k: Kernel, doubles: number): Float64Array {
  if (k.view.length < doubles) {
    k.memory.grow(Math.ceil((doubles - k.view.length) / PAGE_DOUBLES));
    k.view = new Float64Array(k.memory.buffer);
  }
  return k.view;
}

/**
 * Rows rowStart ≤ i < rowEnd of C = op(A)·op(B) (see GemmArgs), with the same
 * bits as gemm from @mytorch/matrix: its direct path (thin or tiny products)
 * is that kernel itself; the blocked path runs the same loop nest, with the
 * micro-kernel in WebAssembly SIMD (scripts/gemm-wat.mjs).
 */
export function wasmGemm(args: GemmArgs, rowStart = 0, rowEnd = args.m): void {
  const { m, n, k } = args;
  // The TS kernel's own choice of path (gemm.ts), on the whole problem.
  if (rowEnd <= rowStart || n === 0 || k === 0 || m <= 2 || n <= 2 || k <= 4 || m * n * k < DIRECT_LIMIT) {
    gemm(args, rowStart, rowEnd);
    return;
  }
  const wasm = loadKernel();
  // C's rows in wasm memory: ldc = n rounded up to NR, rows rounded up to MR, so every tile is whole.
  const ldc = Math.ceil(n / NR) * NR;
  const doubles = C_OFFSET + Math.ceil((rowEnd - rowStart) / MR) * MR * ldc;
  if (doubles > MAX_DOUBLES) {
    gemm(args, rowStart, rowEnd); // C alone would not fit a 32-bit wasm memory: the TS kernel, the same bits
    return;
  }
  const { a, aRowStride, aColStride, b, bRowStride, bColStride, c, aOffset = 0, bOffset = 0, cOffset = 0 } = args;
  const rows = rowEnd - rowStart;
  const F = memoryView(wasm, doubles);
  for (let jc = 0; jc < n; jc += NC) {
    const nc = Math.min(NC, n - jc);
    for (let pc = 0; pc < k; pc += KC) {
      const kc = Math.min(KC, k - pc);
      packB(b, bOffset, bRowStride, bColStride, pc, kc, jc, nc, F, B_OFFSET);
      for (let ic = rowStart; ic < rowEnd; ic += MC) {
        const mc = Math.min(MC, rowEnd - ic);
        packA(a, aOffset, aRowStride, aColStride, ic, mc, pc, kc, F, A_OFFSET);
        // C[ic…][jc…] += Ã·B̃ (byte addresses); the first block writes 0 + Ã·B̃, so C needs no zeroing.
        wasm.block(8 * A_OFFSET, 8 * B_OFFSET, kc, Math.ceil(mc / MR) * MR, Math.ceil(nc / NR) * NR,
          8 * (C_OFFSET + (ic - rowStart) * ldc + jc), 8 * ldc, pc === 0 ? 1 : 0);
      }
    }
  }
  // Copy the valid rows × n corner out.
  for (let i = 0; i < rows; i++) {
    const from = C_OFFSET + i * ldc;
    c.set(F.subarray(from, from + n), cOffset + (rowStart + i) * n);
  }
}
