// The few pieces of the WebAssembly JS API this package uses, read from
// globalThis so the code type-checks without the DOM library and runs in
// Node, browsers and workers alike (tests may replace globalThis.WebAssembly).

/** An instantiated module's exports: a memory and functions. */
export interface WasmInstance {
  readonly exports: Record<string, unknown>;
}

/** A linear memory: a resizable ArrayBuffer in 64 KiB pages. */
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}

interface WebAssemblyApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports?: object) => WasmInstance;
  validate(bytes: Uint8Array): boolean;
}

/** globalThis.WebAssembly, or undefined where there is none. */
export function webAssembly(): WebAssemblyApi | undefined {
  return (globalThis as { WebAssembly?: WebAssemblyApi }).WebAssembly;
}

/**
 * The smallest SIMD module: (func (result v128) (v128.const i32x4 0 0 0 0)).
 * Engines without SIMD reject it.
 */
const SIMD_PROBE = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // magic, version 1
  0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7b, //       type: () → v128
  0x03, 0x02, 0x01, 0x00, //                         one function of type 0
  0x0a, 0x16, 0x01, 0x14, 0x00, 0xfd, 0x0c, //       code: v128.const
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0x0b, //                                            end
]);

/** True when this engine validates a WebAssembly SIMD module. */
export function wasmSimdSupported(): boolean {
  const api = webAssembly();
  if (api === undefined || typeof api.validate !== "function") return false;
  try {
    return api.validate(SIMD_PROBE);
  } catch {
    return false;
  }
}

/** Bytes from base64, decoded here (no atob): the same code in every runtime. */
export function decodeBase64(text: string): Uint8Array {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  const value = new Uint8Array(128);
  for (let i = 0; i < alphabet.length; i++) value[alphabet.charCodeAt(i)] = i;
  const clean = text.replace(/=+$/, "");
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0, count = 0, o = 0;
  for (let i = 0; i < clean.length; i++) {
    bits = (bits << 6) | value[clean.charCodeAt(i)]!;
    count += 6;
    if (count >= 8) {
      count -= 8;
      out[o++] = (bits >> count) & 0xff;
    }
  }
  return out;
}
