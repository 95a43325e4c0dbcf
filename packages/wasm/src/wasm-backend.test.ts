import { afterEach, describe, expect, it, vi } from "vitest";
import { Matrix, createRng, getMatmulBackend, setMatmulBackend, singleThreadBackend } from "@mytorch/matrix";
import { WasmUnavailableError, createWasmBackend, useWasmMatmul, wasmSimdSupported } from "./index.js";
import { firstDifference } from "./same-bits.test-helper.js";

afterEach(() => {
  setMatmulBackend(null);
  vi.restoreAllMocks();
});

/** A·B, Aᵀ·B and A·Bᵀ of an (m×k)·(k×n) problem on the current backend. */
function products(m: number, k: number, n: number, seed: number): Matrix[] {
  const rng = createRng(seed);
  const a = Matrix.randn(m, k, { rng }), b = Matrix.randn(k, n, { rng });
  return [a.matmul(b), a.transpose().transposeMatmul(b), a.matmulTranspose(b.transpose())];
}

/**
 * A few steps of SGD on a 2-layer MLP, the products of a real training step:
 *   H = relu(X·W₁), Y = H·W₂, L = ½‖Y − T‖²/N
 *   dW₂ = Hᵀ·dY, dH = dY·W₂ᵀ ⊙ [H > 0], dW₁ = Xᵀ·dH   (dY = (Y − T)/N)
 * Returns the final weights.
 */
function train(steps: number): Matrix[] {
  const rng = createRng(3);
  const X = Matrix.randn(64, 100, { rng }), T = Matrix.randn(64, 10, { rng });
  let W1 = Matrix.randn(100, 48, { rng, std: 0.1 }), W2 = Matrix.randn(48, 10, { rng, std: 0.1 });
  for (let step = 0; step < steps; step++) {
    const H = X.matmul(W1).map((x) => Math.max(x, 0));
    const dY = H.matmul(W2).sub(T).scale(1 / 64);
    const dW2 = H.transposeMatmul(dY);
    const dH = dY.matmulTranspose(W2).mul(H.map((h) => (h > 0 ? 1 : 0)));
    const dW1 = X.transposeMatmul(dH);
    W1 = W1.sub(dW1.scale(0.1));
    W2 = W2.sub(dW2.scale(0.1));
  }
  return [W1, W2];
}

describe("useWasmMatmul", () => {
  it("this Node has WebAssembly SIMD", () => {
    expect(wasmSimdSupported()).toBe(true);
  });

  it("installs the wasm-simd backend and returns the previous one", () => {
    const previous = useWasmMatmul();
    expect(previous).toBe(singleThreadBackend);
    expect(getMatmulBackend().name).toBe("wasm-simd");
    expect(createWasmBackend().name).toBe("wasm-simd");
  });

  for (const [m, k, n] of [[256, 784, 256], [784, 256, 256], [256, 256, 10], [301, 257, 129], [1, 5, 1]] as const) {
    it(`(${m}×${k})·(${k}×${n}): A·B, Aᵀ·B and A·Bᵀ equal the TS kernel's bit for bit`, () => {
      const expected = products(m, k, n, m + k + n);
      useWasmMatmul();
      const actual = products(m, k, n, m + k + n);
      for (let e = 0; e < 3; e++) {
        expect(actual[e]!.rows).toBe(expected[e]!.rows);
        expect(firstDifference(actual[e]!.data, expected[e]!.data)).toBe(-1);
      }
    });
  }

  it("a short training run ends with identical weights on either backend", () => {
    const ts = train(5);
    useWasmMatmul();
    const wasm = train(5);
    for (let w = 0; w < 2; w++) expect(firstDifference(wasm[w]!.data, ts[w]!.data)).toBe(-1);
  });

  it("without WebAssembly SIMD: WasmUnavailableError, and the backend stays as it was", () => {
    const api = (globalThis as unknown as { WebAssembly: { validate(bytes: Uint8Array): boolean } }).WebAssembly;
    vi.spyOn(api, "validate").mockReturnValue(false);
    expect(wasmSimdSupported()).toBe(false);
    expect(() => useWasmMatmul()).toThrow(WasmUnavailableError);
    expect(() => createWasmBackend()).toThrow(
      /^@mytorch\/wasm: WebAssembly SIMD is not available here \(.*\); the pure-TypeScript kernel stays in use$/,
    );
    expect(getMatmulBackend()).toBe(singleThreadBackend);
  });

  it("without WebAssembly at all: wasmSimdSupported() is false", () => {
    vi.stubGlobal("WebAssembly", undefined);
    try {
      expect(wasmSimdSupported()).toBe(false);
      expect(() => createWasmBackend()).toThrow(WasmUnavailableError);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
