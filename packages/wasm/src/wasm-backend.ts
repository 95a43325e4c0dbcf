import { setMatmulBackend, type MatmulBackend } from "@mytorch/matrix";
import { prepareWasmGemm, wasmGemm } from "./wasm-gemm.js";
import { WasmUnavailableError } from "./wasm-unavailable-error.js";
import { wasmSimdSupported } from "./webassembly.js";

/**
 * A matmul backend running the WebAssembly SIMD kernel on the calling thread:
 * products bit-for-bit equal to the TypeScript kernel's, faster.
 * Throws WasmUnavailableError where WebAssembly SIMD is not available.
 */
export function createWasmBackend(): MatmulBackend {
  if (!wasmSimdSupported()) throw new WasmUnavailableError();
  prepareWasmGemm();
  return { name: "wasm-simd", gemm: (args) => wasmGemm(args) };
}

/**
 * Runs every later product of @mytorch/matrix on the WebAssembly SIMD kernel;
 * returns the previous backend (setMatmulBackend(previous) switches back).
 * Throws WasmUnavailableError, leaving the backend unchanged, where SIMD is missing.
 */
export function useWasmMatmul(): MatmulBackend {
  return setMatmulBackend(createWasmBackend());
}
