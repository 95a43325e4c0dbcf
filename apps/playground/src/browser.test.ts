// The playground in a real browser: Chromium (Debian's, installed by the set-up) driven by
// playwright-core against dist/ served by scripts/serve.mjs on a free port. No Chromium: every test
// fails with the reason (never a skip). `pnpm test` builds first.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CIRCLE_TABLE, runCircleExperiment } from "@mytorch/nn";
import { loadNetwork, exportNetwork, type NetworkJson } from "./network-json.js";
import { CIRCLE_TASK_SETTINGS, DEFAULT_SETTINGS, decodeSettings, encodeSettings, type Settings } from "./state.js";
import { Trainer } from "./trainer.js";

const app = fileURLToPath(new URL("..", import.meta.url));
const dist = `${app}dist/`;
// The screenshot goes to out/ on every run; PLAYGROUND_SCREENSHOT=docs writes the README's (docs/img/playground.png).
const screenshot = fileURLToPath(new URL(process.env.PLAYGROUND_SCREENSHOT === "docs" ? "../../../docs/img/playground.png" : "../../../out/playground/playground.png", import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

let server: ChildProcess | undefined;
let base = "";
let browser: Browser | undefined;
/** Console errors and uncaught exceptions of every page opened, with the page's URL. */
const problems: string[] = [];

// window.playground: its type is declared by main.ts (the page's automation hooks).

/** Why the browser could not start, if it could not: every test then fails with it (none is skipped). */
let setupError: Error | null = null;

beforeAll(async () => {
  try {
    await start();
  } catch (error) {
    setupError = error instanceof Error ? error : new Error(String(error));
  }
});

async function start(): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: run \`pnpm setup\` (it installs Debian's chromium) or set CHROMIUM_PATH`);
  }
  if (!existsSync(`${dist}index.html`)) throw new Error(`${dist}index.html is missing: build first (pnpm --filter @mytorch/playground build)`);
  const child = spawn(process.execPath, [`${app}scripts/serve.mjs`], { env: { ...process.env, PORT: "0" }, stdio: ["ignore", "pipe", "pipe"] });
  server = child;
  base = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = /http:\/\/localhost:\d+\//.exec(out);
      if (match !== null) resolve(match[0]);
    });
    child.stderr!.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.on("exit", (code) => reject(new Error(`serve.mjs exited with ${code}: ${out}`)));
  });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

afterAll(async () => {
  await browser?.close();
  server?.kill();
});

/** A fresh page at 1280×800 on `query`, once the worker's first snapshot is drawn. */
async function open(query = ""): Promise<Page> {
  if (setupError !== null) throw setupError;
  const page = await browser!.newPage({ viewport: { width: 1280, height: 800 } });
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`${page.url()}: console.error: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`${page.url()}: ${e.message}`));
  await page.goto(base + query);
  await page.waitForFunction(() => window.playground?.metrics() != null && document.getElementById("epoch")!.textContent !== "");
  return page;
}

const epochOf = async (page: Page): Promise<number> => Number(await page.getByTestId("epoch").textContent());
const waitEpoch = (page: Page, n: number, timeout = 30_000): Promise<unknown> =>
  page.waitForFunction((n) => Number(document.querySelector('[data-testid="epoch"]')!.textContent) >= n, n, { timeout });

describe("the playground in Chromium", () => {
  it("loads with no console errors; first contentful paint and the gzipped JS measured", async () => {
    const page = await open();
    await expect(page.getByTestId("epoch")).toBeDefined();
    expect(await page.getByTestId("epoch").textContent()).toBe("0");
    expect(await page.getByTestId("test-accuracy").textContent()).toMatch(/^\d{1,3}\.\d%$/);
    for (const id of ["play", "step", "reset", "train-loss", "test-loss"]) expect(await page.getByTestId(id).count()).toBe(1);
    expect(await page.getByTestId("pause").count()).toBe(1);
    const kernel = await page.getByTestId("kernel").textContent();
    console.log(`playground: kernel in the worker: ${kernel}`);
    expect(kernel).toMatch(/^(WebAssembly SIMD kernel \(wasm-simd, float64\)|TypeScript kernel \(float64; WebAssembly SIMD unavailable: .+\))$/);
    const fcp = await page.evaluate(() => performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? -1);
    const assets = readdirSync(`${dist}assets`).filter((f) => f.endsWith(".js"));
    const gzip = assets.reduce((sum, f) => sum + gzipSync(readFileSync(`${dist}assets/${f}`), { level: 9 }).length, 0);
    const raw = assets.reduce((sum, f) => sum + readFileSync(`${dist}assets/${f}`).length, 0);
    console.log(`playground: first contentful paint ${fcp.toFixed(0)} ms; JS ${assets.length} files, ${(raw / 1024).toFixed(1)} KiB, ${(gzip / 1024).toFixed(1)} KiB gzipped`);
    expect(fcp).toBeGreaterThan(0);
    expect(gzip).toBeLessThan(100 * 1024);
    await page.waitForTimeout(300);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("circle, default settings: ≥ 95% test accuracy within 30 s; writes the README's screenshot; every epoch as in Node", async () => {
    const started = Date.now(); // from navigation: the page's load counts in the 30 s
    const page = await open("?autoplay=1");
    expect(await page.evaluate(() => window.playground.settings())).toEqual(DEFAULT_SETTINGS);
    await page.waitForFunction(() => parseFloat(document.querySelector('[data-testid="test-accuracy"]')!.textContent!) >= 95, null, { timeout: 30_000, polling: 100 });
    const seconds = (Date.now() - started) / 1000;
    console.log(`playground: default circle reached ${await page.getByTestId("test-accuracy").textContent()} test accuracy at epoch ${await epochOf(page)} after ${seconds.toFixed(1)} s`);
    expect(seconds).toBeLessThan(30);
    await page.waitForTimeout(400); // let curves and units draw the frame
    mkdirSync(fileURLToPath(new URL(".", `file://${screenshot}`)), { recursive: true });
    await page.getByTestId("pause").click();
    writeFileSync(screenshot, await page.screenshot({ type: "png" }));
    // Adam, Tanh, MSE: every epoch's losses and accuracies in the page equal a Node Trainer's, to the bit.
    await page.waitForFunction(() => !window.playground.workerPlaying());
    const inPage = await page.evaluate(() => window.playground.history());
    const node = new Trainer(DEFAULT_SETTINGS);
    while (node.epoch < inPage.length - 1) node.trainEpoch();
    expect(inPage.length).toBeGreaterThan(50);
    expect(inPage).toEqual(node.history);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("the heatmap changes while training; reset brings back the first one", async () => {
    const page = await open("?dataset=xor");
    const pixels = (): Promise<string> => page.evaluate(() => (document.querySelector('[data-testid="heatmap"]') as HTMLCanvasElement).toDataURL());
    const before = await pixels();
    await page.getByTestId("play").click();
    await waitEpoch(page, 3);
    const early = await pixels();
    const epoch = await epochOf(page);
    await waitEpoch(page, epoch + 20);
    const later = await pixels();
    expect(new Set([before, early, later]).size).toBe(3);
    // How much changed, pixel by pixel (decoded in the page): more than 5% of the canvas.
    const changed = await page.evaluate(async ([a, b]) => {
      const load = async (src: string): Promise<Uint8ClampedArray> => {
        const image = new Image();
        image.src = src;
        await image.decode();
        const c = document.createElement("canvas");
        c.width = image.width;
        c.height = image.height;
        const ctx = c.getContext("2d")!;
        ctx.drawImage(image, 0, 0);
        return ctx.getImageData(0, 0, c.width, c.height).data;
      };
      const [p, q] = [await load(a!), await load(b!)];
      let n = 0;
      for (let k = 0; k < p.length; k += 4) if (Math.abs(p[k]! - q[k]!) + Math.abs(p[k + 1]! - q[k + 1]!) + Math.abs(p[k + 2]! - q[k + 2]!) > 12) n++;
      return n / (p.length / 4);
    }, [early, later]);
    expect(changed).toBeGreaterThan(0.05);
    await page.getByTestId("pause").click();
    // Reset: epoch 0 again, and the same seed draws the same network: the first heatmap, pixel for pixel.
    await page.getByTestId("reset").click();
    await page.waitForFunction(() => document.querySelector('[data-testid="epoch"]')!.textContent === "0");
    await page.waitForTimeout(150); // the throttled frame
    expect(await pixels()).toBe(before);
    await page.close();
  });

  it("the main thread answers a click within 100 ms while the worker trains", async () => {
    // A heavy run (2,000 points, three layers of 16, batch 1) keeps the worker busy.
    const page = await open("?points=2000&layers=16,16,16&act=tanh&batch=1&opt=sgd&lr=0.01&autoplay=1");
    await waitEpoch(page, 1);
    await page.evaluate(() => {
      const box = document.getElementById("discretize") as HTMLInputElement;
      const w = window as unknown as { handled: number[]; painted: number[] };
      w.handled = [];
      w.painted = [];
      box.addEventListener("click", (event) => {
        // event.timeStamp: when the browser received the input. Handled: when the main thread ran
        // the listener (its answer); painted: the next animation frame after it (what the user sees).
        const handled = performance.now();
        w.handled.push(handled - event.timeStamp);
        requestAnimationFrame(() => w.painted.push(performance.now() - event.timeStamp));
      });
    });
    const box = (await page.locator("#discretize").boundingBox())!;
    const first = await epochOf(page);
    for (let k = 0; k < 5; k++) {
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      await page.waitForTimeout(150);
    }
    const { handled, painted } = await page.evaluate(() => {
      const w = window as unknown as { handled: number[]; painted: number[] };
      return { handled: w.handled, painted: w.painted };
    });
    console.log(`playground: click answered while training after ${handled.map((l) => l.toFixed(1)).join(", ")} ms; next frame after ${painted.map((l) => l.toFixed(1)).join(", ")} ms`);
    expect(handled).toHaveLength(5);
    expect(Math.max(...handled)).toBeLessThan(100);
    expect(await page.locator("#discretize").isChecked()).toBe(true); // 5 clicks: on, off, on, off, on
    await waitEpoch(page, first + 1); // and the worker went on training
    expect(await page.evaluate(() => window.playground.playing())).toBe(true);
    await page.close();
  });

  it("a URL round-trip restores every setting (set through the controls)", async () => {
    const page = await open();
    const set = (id: string, value: string): Promise<void> =>
      page.getByTestId(id).evaluate((el, value) => {
        (el as HTMLInputElement).value = value;
        el.dispatchEvent(new Event("input", { bubbles: true }));
        el.dispatchEvent(new Event("change", { bubbles: true }));
      }, value);
    await page.getByTestId("dataset-spiral").click();
    await set("noise", "0.05");
    await set("train-percent", "70");
    await page.getByTestId("points").selectOption("500");
    await set("seed", "1234");
    await page.getByTestId("layers-add").click(); // 8, 8, 4
    await page.getByTestId("units-remove-2").click(); // 8, 8, 3
    for (let k = 0; k < 3; k++) await page.getByTestId("units-add-1").click(); // 8, 11, 3
    await page.getByTestId("activation").selectOption("relu");
    await page.getByTestId("activation-0").selectOption("sigmoid");
    await page.getByTestId("loss").selectOption("ce");
    await page.getByTestId("optimizer").selectOption("momentum");
    await page.getByTestId("lr").selectOption("0.03");
    await set("batch-size", "7");
    await page.getByTestId("l2").selectOption("0.001");
    await page.getByTestId("init").selectOption("glorotNormal");
    await set("stop-at", "250");
    const expected: Settings = {
      dataset: "spiral", noise: 0.05, points: 500, trainPercent: 70, seed: 1234, layers: [8, 11, 3], activations: ["sigmoid", "relu", "relu"],
      loss: "ce", optimizer: "momentum", lr: 0.03, batchSize: 7, l2: 0.001, init: "glorotNormal", stopAt: 250,
    };
    expect(await page.evaluate(() => window.playground.settings())).toEqual(expected);
    const url = page.url();
    expect(decodeSettings(new URL(url).search).settings).toEqual(expected);
    await page.waitForFunction(() => window.playground.metrics()!.epoch === 0);
    const metrics = await page.evaluate(() => window.playground.metrics());

    const controls = (p: Page): Promise<Record<string, string | boolean>> =>
      p.evaluate(() => {
        const out: Record<string, string | boolean> = {};
        document.querySelectorAll<HTMLElement>("[data-testid]").forEach((el) => {
          const id = el.dataset.testid!;
          if (el instanceof HTMLInputElement || el instanceof HTMLSelectElement) out[id] = el.value;
          else if (id.startsWith("dataset-")) out[id] = el.classList.contains("on");
          else if (id.startsWith("units-") && !/add|remove/.test(id)) out[id] = el.textContent!;
        });
        return out;
      });
    const shown = await controls(page);
    const again = await open(url.slice(base.length - 1 + 1));
    expect(again.url()).toBe(url);
    expect(await again.evaluate(() => window.playground.settings())).toEqual(expected);
    expect(await controls(again)).toEqual(shown);
    expect(shown).toMatchObject({ "dataset-spiral": true, noise: "0.05", "train-percent": "70", points: "500", seed: "1234", "units-1": "11", "activation-0": "sigmoid", lr: "0.03", "batch-size": "7" });
    // The same settings rebuild the same run: the same data and weights, so the same metrics to the bit.
    expect(await again.evaluate(() => window.playground.metrics())).toEqual(metrics);
    await page.close();
    await again.close();
  });

  it("the export round-trips through Node: loaded by loadNetwork, the same predictions to the bit; the same weights as the Node Trainer", async () => {
    const query = "?dataset=xor&noise=0.02&seed=5&layers=6,4&act=relu,tanh&loss=ce&opt=momentum&lr=0.03&batch=8";
    const page = await open(query);
    for (let k = 0; k < 5; k++) await page.getByTestId("step").click();
    await waitEpoch(page, 5);
    const download = page.waitForEvent("download");
    await page.getByTestId("export").click();
    const file = await (await download).path();
    const text = readFileSync(file, "utf8");
    const json = JSON.parse(text) as NetworkJson;
    expect(json.metrics!.epoch).toBe(5);

    const points = Array.from({ length: 200 }, (_, i) => [((i * 37) % 200) / 200 - 0.1, ((i * 91) % 200) / 180]);
    const inPage = await page.evaluate((pts) => window.playground.predict(pts), points);
    const loaded = loadNetwork(text);
    expect(Array.from(loaded.predict(points))).toEqual(inPage);
    expect(loaded.classify(points)).toEqual(inPage.map((s) => (s >= 0 ? 1 : -1)));
    // And in plain Node with mytorch's built modules (nn.Sequential, nn.Linear, nn.Tanh …), no playground code.
    const pointsFile = `${file}.points.json`;
    writeFileSync(pointsFile, JSON.stringify(points));
    const plain = JSON.parse(execFileSync(process.execPath, [`${app}scripts/evaluate-export.mjs`, file, "--points", pointsFile], { encoding: "utf8" })) as { scores: number[] };
    expect(plain.scores).toEqual(inPage);

    // The same settings and seed in Node: the same weights, biases and metrics, float64 for float64.
    const node = new Trainer(decodeSettings(query).settings);
    for (let k = 0; k < 5; k++) node.trainEpoch();
    const ours = exportNetwork(node);
    expect(json.modules).toEqual(ours.modules);
    expect(json.metrics).toEqual(ours.metrics);
    await page.close();
  });

  it("seed 001's circle task (the preset): the same final accuracy and loss as `pnpm train --task circle`'s run in Node", async () => {
    const page = await open();
    await page.getByTestId("preset-circle-task").click();
    expect(new URL(page.url()).search.slice(1)).toBe(encodeSettings(CIRCLE_TASK_SETTINGS));
    await page.getByTestId("play").click();
    // Node, meanwhile: runCircleExperiment is what the CLI runs; row 1 is "SGD batch size = 1", seed 0 (the CLI's default).
    const [row] = runCircleExperiment({ seed: 0, runs: [CIRCLE_TABLE[0]!] });
    await page.waitForFunction(() => window.playground.metrics()!.epoch === 100 && !window.playground.playing(), null, { timeout: 60_000, polling: 200 });
    const metrics = (await page.evaluate(() => window.playground.metrics()))!;
    console.log(`playground: circle task after 100 epochs: test ${(100 * metrics.test.accuracy).toFixed(1)}% in the page, ${(100 * row!.testAccuracy).toFixed(1)}% in Node`);
    expect(metrics.test.accuracy).toBe(row!.testAccuracy);
    expect(metrics.train.accuracy).toBe(row!.trainAccuracy);
    expect(metrics.train.loss).toBe(row!.finalLoss);
    expect(await page.getByTestId("test-accuracy").textContent()).toBe(`${(100 * row!.testAccuracy).toFixed(1)}%`);
    expect(await epochOf(page)).toBe(100);
    await page.close();
  });

  it("no page logged a console error or threw", () => {
    if (setupError !== null) throw setupError;
    expect(problems).toEqual([]);
  });
});
