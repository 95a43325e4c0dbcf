export { WasmUnavailableError } from "./wasm-unavailable-error.js";
export { wasmSimdSupported } from "./webassembly.js";
export { createWasmBackend, useWasmMatmul } from "./wasm-backend.js";
export { wasmGemm } from "./wasm-gemm.js";
