/** Thrown when this JavaScript engine cannot run WebAssembly SIMD (128-bit f64x2). */
export class WasmUnavailableError extends Error {
  constructor(detail = "WebAssembly.validate rejected a SIMD module") {
    super(`@mytorch/wasm: WebAssembly SIMD is not available here (${detail}); the pure-TypeScript kernel stays in use`);
    this.name = "WasmUnavailableError";
  }
}
