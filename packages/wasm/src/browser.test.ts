import { existsSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRng, gemm, type GemmArgs } from "@mytorch/matrix";
import { firstDifference, randomMatrix } from "./same-bits.test-helper.js";

// The built package (dist/, made by `pnpm test`'s tsc step) and @mytorch/matrix's
// dist/ served as ES modules to real Chromium: products computed with the wasm
// kernel in the page and in a module Web Worker must have the bits Node's TS
// kernel gives.
// No Chromium is a failure, not a skip: CI installs Debian's /usr/bin/chromium.

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const ROOTS: Record<string, string> = {
  wasm: fileURLToPath(new URL("../dist/", import.meta.url)),
  matrix: fileURLToPath(new URL("../../matrix/dist/", import.meta.url)),
};
// The page imports both packages (bare specifiers through an import map) and hands them to the test as window.mytorch.
const PAGE = `<!doctype html><meta charset="utf-8"><title>wasm</title>
<script type="importmap">{ "imports": { "@mytorch/matrix": "/matrix/index.js", "@mytorch/wasm": "/wasm/index.js" } }</script>
<script type="module">
import * as wasm from "@mytorch/wasm";
import * as matrix from "@mytorch/matrix";
window.mytorch = { wasm, matrix };
</script>`;
// A module worker (import maps do not reach workers: the server rewrites the one bare
// specifier in the package's files): one product per message, C sent back as is.
const WORKER = `import { wasmGemm, wasmSimdSupported } from "/wasm/index.js";
onmessage = (event) => {
  const c = new Float64Array(event.data.m * event.data.n);
  wasmGemm({ ...event.data, c });
  postMessage({ simd: wasmSimdSupported(), c }, [c.buffer]);
};`;

/** The few members of a DOM Worker the page uses (this package compiles without the DOM library). */
interface PageWorker {
  onmessage: ((event: { data: { simd: boolean; c: Float64Array } }) => void) | null;
  onerror: ((event: { message: string }) => void) | null;
  postMessage(message: object): void;
  terminate(): void;
}

/** What the page's window.mytorch holds (the two packages' modules). */
interface PageModules {
  wasm: typeof import("./index.js");
  matrix: typeof import("@mytorch/matrix");
}

let server: Server, browser: Browser, origin: string;

beforeAll(async () => {
  for (const root of Object.values(ROOTS)) {
    if (!existsSync(join(root, "index.js"))) throw new Error(`browser test: ${root}index.js is missing; build first (pnpm --filter @mytorch/wasm... build)`);
  }
  if (!existsSync(CHROMIUM)) throw new Error(`browser test: no Chromium at ${CHROMIUM} (set CHROMIUM_PATH, or apt-get install chromium)`);
  server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    if (path === "/" || path === "/worker.js") {
      res.writeHead(200, { "content-type": path === "/" ? "text/html" : "text/javascript" }).end(path === "/" ? PAGE : WORKER);
      return;
    }
    const [, root, ...rest] = path.split("/");
    const base = ROOTS[root ?? ""];
    const file = base === undefined ? "" : normalize(join(base, ...rest));
    if (base === undefined || !file.startsWith(base) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    if (extname(file) !== ".js") {
      res.writeHead(200, { "content-type": "application/octet-stream" }).end(readFileSync(file));
      return;
    }
    const code = readFileSync(file, "utf8").replaceAll('from "@mytorch/matrix"', 'from "/matrix/index.js"');
    res.writeHead(200, { "content-type": "text/javascript" }).end(code);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", // chromium.launch gives it a fresh, temporary profile
    ],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

/** One product to send to the page: shapes, strides and the operands' bytes (base64, so NaN/−0 survive). */
interface Case { m: number; n: number; k: number; aRowStride: number; aColStride: number; bRowStride: number; bColStride: number; a: string; b: string }

const toBase64 = (x: Float64Array): string => Buffer.from(x.buffer, x.byteOffset, x.byteLength).toString("base64");
const fromBase64 = (s: string): Float64Array => {
  const bytes = Buffer.from(s, "base64");
  return new Float64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
};

function makeCase(m: number, k: number, n: number, transA: boolean, transB: boolean, seed: number): { page: Case; args: GemmArgs } {
  const rng = createRng(seed);
  const a = randomMatrix(transA ? k : m, transA ? m : k, rng, 0.002).data;
  const b = randomMatrix(transB ? n : k, transB ? k : n, rng, 0.002).data;
  const strides = {
    aRowStride: transA ? 1 : k, aColStride: transA ? m : 1,
    bRowStride: transB ? 1 : n, bColStride: transB ? k : 1,
  };
  return {
    page: { m, n, k, ...strides, a: toBase64(a), b: toBase64(b) },
    args: { m, n, k, a, b, ...strides, c: new Float64Array(m * n) },
  };
}

describe("in Chromium", () => {
  it("WebAssembly SIMD is there, and every product, in the page and in a worker, has the bits of Node's TS kernel", async () => {
    const page = await browser.newPage();
    try {
      await page.goto(origin);
      await page.waitForFunction(() => "mytorch" in globalThis, null, { timeout: 20_000 });
      const cases: { page: Case; args: GemmArgs }[] = [];
      const shapes: [number, number, number][] = [[256, 784, 64], [64, 300, 33], [17, 257, 9], [5, 3, 7], [129, 40, 1030]];
      shapes.forEach(([m, k, n], s) => {
        for (let t = 0; t < 4; t++) cases.push(makeCase(m, k, n, (t & 1) === 1, (t & 2) === 2, 10 * s + t));
      });
      const results = await page.evaluate(async (inputs: Case[]) => {
        const decode = (s: string) => new Float64Array(Uint8Array.from(atob(s), (ch) => ch.charCodeAt(0)).buffer);
        const encode = (x: Float64Array) => {
          const bytes = new Uint8Array(x.buffer);
          let text = "";
          for (let i = 0; i < bytes.length; i++) text += String.fromCharCode(bytes[i]!);
          return btoa(text);
        };
        const { wasm, matrix } = (globalThis as unknown as { mytorch: PageModules }).mytorch;
        const { wasmGemm, wasmSimdSupported, useWasmMatmul } = wasm;
        const { Matrix, getMatmulBackend } = matrix;
        useWasmMatmul();
        const products = inputs.map((x) => {
          const c = new Float64Array(x.m * x.n);
          wasmGemm({ ...x, a: decode(x.a), b: decode(x.b), c });
          return encode(c);
        });
        // The first case (a plain A·B) again, through Matrix.matmul on the installed backend.
        const first = inputs[0]!;
        const viaMatrix = new Matrix(first.m, first.k, decode(first.a)).matmul(new Matrix(first.k, first.n, decode(first.b)));
        // The same products in a module worker.
        const worker = new (globalThis as unknown as { Worker: new (url: string, options: object) => PageWorker }).Worker("/worker.js", { type: "module" });
        const inWorker: string[] = [];
        let workerSimd = false;
        try {
          for (const x of inputs) {
            const reply = await new Promise<{ simd: boolean; c: Float64Array }>((resolve, reject) => {
              worker.onmessage = (event) => resolve(event.data);
              worker.onerror = (event) => reject(new Error(`worker: ${event.message}`));
              worker.postMessage({ ...x, a: decode(x.a), b: decode(x.b) });
            });
            workerSimd = reply.simd;
            inWorker.push(encode(reply.c));
          }
        } finally {
          worker.terminate();
        }
        return {
          inWorker, workerSimd,
          simd: wasmSimdSupported(), backend: getMatmulBackend().name,
          products, viaMatrix: encode(viaMatrix.data), userAgent: (globalThis as unknown as { navigator: { userAgent: string } }).navigator.userAgent,
        };
      }, cases.map((c) => c.page));
      expect(results.simd).toBe(true);
      expect(results.backend).toBe("wasm-simd");
      expect(results.userAgent).toMatch(/Chrome\//);
      expect(results.products).toHaveLength(cases.length);
      expect(results.viaMatrix).toBe(results.products[0]);
      expect(results.workerSimd).toBe(true);
      expect(results.inWorker).toEqual(results.products); // the worker's bytes are the page's
      cases.forEach(({ args }, i) => {
        gemm(args);
        const fromPage = fromBase64(results.products[i]!);
        expect(firstDifference(fromPage, args.c), `case ${i}: (${args.m}×${args.k})·(${args.k}×${args.n})`).toBe(-1);
      });
    } finally {
      await page.close();
    }
  });
});
