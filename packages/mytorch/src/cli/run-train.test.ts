import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { getMatmulBackend, singleThreadBackend } from "@mytorch/matrix";
import { runTrain } from "./run-train.js";
import { parseTrainArgs, type TrainOptions } from "./train-options.js";

const dir = mkdtempSync(join(tmpdir(), "mytorch-run-train-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

/** Options for a small regression run on MLP4 (its 16×24·24×24 products take the blocked kernel path). */
function options(kernel: string): TrainOptions {
  const parsed = parseTrainArgs([
    "--task", "regression", "--model", "mlp4", "--hidden", "24", "--batch-size", "16", "--epochs", "2",
    "--limit-train", "320", "--limit-test", "64", "--lr", "0.01", "--kernel", kernel, "--out", join(dir, `${kernel}.svg`),
  ]);
  if (parsed.help) throw new Error("unexpected --help");
  return parsed.options;
}

async function run(kernel: string) {
  const err: string[] = [];
  const io = { stdout: { write: () => {} }, stderr: { write: (s: string) => err.push(s), isTTY: false } };
  const result = await runTrain(options(kernel), io);
  return { result, stderr: err.join("") };
}

describe("runTrain --kernel", () => {
  // EXTENSION-free: with @mytorch/wasm absent (the handout) --kernel wasm says so and runs the TS kernel,
  // which gives these same numbers, so the test holds there too.
  it("--kernel wasm ends with the same weights, bit for bit, as --kernel ts, and restores the backend", async () => {
    const ts = await run("ts");
    const wasm = await run("wasm");
    expect(ts.result.kernel).toBe("single-thread");
    expect(wasm.stderr).toMatch(/^kernel: /);
    expect(getMatmulBackend()).toBe(singleThreadBackend);
    const layers = ts.result.model.layers;
    expect(layers).toHaveLength(5);
    layers.forEach((layer, l) => {
      const other = wasm.result.model.layers[l]!;
      for (const [x, y] of [[layer.W.data, other.W.data], [layer.b.data, other.b.data]] as const) {
        expect(y.length).toBe(x.length);
        expect(x.every((v, i) => Object.is(v, y[i]))).toBe(true);
      }
    });
    expect(wasm.result.history.testLoss).toEqual(ts.result.history.testLoss);
  });

  // BEGIN EXTENSION (@mytorch/wasm is not part of the student handout)
  it("--kernel wasm runs on the wasm-simd backend", async () => {
    const wasm = await run("wasm");
    expect(wasm.result.kernel).toBe("wasm-simd");
    expect(wasm.stderr).toMatch(/^kernel: wasm-simd \(WebAssembly SIMD, the same numbers as the TypeScript kernel\)\n/);
  });

  it("without WebAssembly SIMD: the reason on stderr, and the TypeScript kernel", async () => {
    const api = (globalThis as unknown as { WebAssembly: { validate(bytes: Uint8Array): boolean } }).WebAssembly;
    vi.spyOn(api, "validate").mockReturnValue(false);
    const run1 = await run("wasm");
    expect(run1.result.kernel).toBe("single-thread");
    expect(run1.stderr).toMatch(/^kernel: @mytorch\/wasm: WebAssembly SIMD is not available here \(.*\); the pure-TypeScript kernel stays in use\n/);
  });
  // END EXTENSION
});
