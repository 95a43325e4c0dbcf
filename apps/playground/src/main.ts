// The page: controls that edit the settings (kept in the URL), and canvases drawn from the worker's
// snapshots, at most once per animation frame.
import "./style.css";
import { GRID, UNIT_GRID, type DataMessage, type FromWorker, type Snapshot, type ToWorker } from "./protocol.js";
import { colour, drawField, drawLines, drawPoints, maxAbs } from "./render.js";
import {
  ACTIVATIONS, CIRCLE_TASK_SETTINGS, DATASETS, L2_PENALTIES, LEARNING_RATES, MAX_HIDDEN_LAYERS, MAX_UNITS, POINTS,
  decodeSettings, encodeSettings, type ActivationName, type DatasetName, type Settings,
} from "./state.js";
import type { NetworkJson } from "./network-json.js";
import { generatePoints } from "./datasets.js";
import { createRng } from "@mytorch/matrix";
import type { Metrics } from "./trainer.js";

const $ = <T extends HTMLElement = HTMLElement>(id: string): T => document.getElementById(id) as T;

const initial = new URLSearchParams(location.search);
const autoplay = initial.get("autoplay") === "1";
const decoded = decodeSettings(location.search);
let settings: Settings = decoded.settings;
let latest: Snapshot | null = null;
let data: DataMessage | null = null;
let curve: Metrics[] = [];
let frame = 0;
let playing = false;
let requests = 0;
const waiting = new Map<number, (value: unknown) => void>();

const worker = new Worker(new URL("./worker.ts", import.meta.url), { type: "module" });
const send = (message: ToWorker): void => worker.postMessage(message);

// ---- settings <-> URL -------------------------------------------------------------------------

function writeUrl(): void {
  const query = encodeSettings(settings) + (autoplay ? "&autoplay=1" : "");
  window.history.replaceState(null, "", `${location.pathname}?${query}`);
}

/** Applies a change: the URL, the controls, and a fresh network in the worker (same seed, same start). */
function update(change: Partial<Settings>): void {
  settings = { ...settings, ...change };
  writeUrl();
  syncControls();
  buildNetworkColumns();
  send({ type: "reset", settings });
}

// ---- controls ---------------------------------------------------------------------------------

function fillSelect(select: HTMLSelectElement, values: readonly (string | number)[], label: (v: string) => string = (v) => v): void {
  select.replaceChildren(...values.map((v) => new Option(label(String(v)), String(v))));
}

/** Sets a select's value, adding the option first if a URL brought a value the list lacks. */
function selectValue(select: HTMLSelectElement, value: string | number): void {
  const v = String(value);
  if (![...select.options].some((o) => o.value === v)) select.add(new Option(v, v));
  select.value = v;
}

const DATASET_LABELS: Record<DatasetName, string> = { circle: "Circle", xor: "XOR", gauss: "Gaussians", spiral: "Spiral" };

function buildDatasetButtons(): void {
  const box = $("datasets");
  for (const name of DATASETS) {
    const button = document.createElement("button");
    button.className = "dataset";
    button.dataset.testid = `dataset-${name}`;
    button.setAttribute("role", "radio");
    button.title = DATASET_LABELS[name];
    const canvas = document.createElement("canvas");
    canvas.width = canvas.height = 56;
    const preview = generatePoints(name, 160, 0, createRng(7));
    drawPoints(canvas, preview.X.data, preview.Y.data, false);
    const caption = document.createElement("span");
    caption.textContent = DATASET_LABELS[name];
    button.append(canvas, caption);
    button.addEventListener("click", () => update({ dataset: name }));
    box.append(button);
  }
}

function syncControls(): void {
  const s = settings;
  document.querySelectorAll<HTMLButtonElement>(".dataset").forEach((b) => {
    const on = b.dataset.testid === `dataset-${s.dataset}`;
    b.classList.toggle("on", on);
    b.setAttribute("aria-checked", String(on));
  });
  $<HTMLInputElement>("train-percent").value = String(s.trainPercent);
  $("train-percent-out").textContent = `${s.trainPercent}%`;
  $<HTMLInputElement>("noise").value = String(s.noise);
  $("noise-out").textContent = s.noise.toFixed(2);
  selectValue($("points"), s.points);
  $<HTMLInputElement>("seed").value = String(s.seed);
  selectValue($("lr"), s.lr);
  const same = s.activations.every((a) => a === s.activations[0]);
  selectValue($("activation"), same && s.activations.length > 0 ? s.activations[0]! : "mixed");
  $<HTMLSelectElement>("loss").value = s.loss;
  $<HTMLSelectElement>("optimizer").value = s.optimizer;
  $<HTMLInputElement>("batch-size").value = String(s.batchSize);
  selectValue($("l2"), s.l2);
  $<HTMLSelectElement>("init").value = s.init;
  $<HTMLInputElement>("stop-at").value = String(s.stopAt);
  $("layer-count").textContent = String(s.layers.length);
  $<HTMLButtonElement>("layers-add").disabled = s.layers.length >= MAX_HIDDEN_LAYERS;
  $<HTMLButtonElement>("layers-remove").disabled = s.layers.length === 0;
}

function setPlaying(on: boolean): void {
  playing = on;
  $("play").hidden = on;
  $("pause").hidden = !on;
  document.body.classList.toggle("playing", on);
}

function wireControls(): void {
  fillSelect($("lr"), LEARNING_RATES);
  fillSelect($("activation"), ACTIVATIONS, (v) => ({ sigmoid: "Sigmoid", tanh: "Tanh", relu: "ReLU" })[v] ?? v);
  fillSelect($("l2"), L2_PENALTIES, (v) => (v === "0" ? "none" : v));
  fillSelect($("points"), POINTS);
  buildDatasetButtons();

  const onChange = (id: string, read: (el: HTMLInputElement & HTMLSelectElement) => Partial<Settings> | null, event = "change"): void => {
    const el = $<HTMLInputElement & HTMLSelectElement>(id);
    el.addEventListener(event, () => {
      const change = read(el);
      if (change !== null) update(change);
      else syncControls();
    });
  };
  const int = (v: string, min: number): number | null => (Number.isSafeInteger(Number(v)) && Number(v) >= min && v.trim() !== "" ? Number(v) : null);
  onChange("train-percent", (el) => ({ trainPercent: Number(el.value) }));
  $("train-percent").addEventListener("input", (e) => ($("train-percent-out").textContent = `${(e.target as HTMLInputElement).value}%`));
  onChange("noise", (el) => ({ noise: Number(el.value) }));
  $("noise").addEventListener("input", (e) => ($("noise-out").textContent = Number((e.target as HTMLInputElement).value).toFixed(2)));
  onChange("points", (el) => ({ points: Number(el.value) }));
  onChange("seed", (el) => (int(el.value, 0) === null ? null : { seed: int(el.value, 0)! }));
  onChange("lr", (el) => ({ lr: Number(el.value) }));
  onChange("activation", (el) => (el.value === "mixed" ? null : { activations: settings.layers.map(() => el.value as ActivationName) }));
  onChange("loss", (el) => ({ loss: el.value as Settings["loss"] }));
  onChange("optimizer", (el) => ({ optimizer: el.value as Settings["optimizer"] }));
  onChange("batch-size", (el) => (int(el.value, 1) === null ? null : { batchSize: int(el.value, 1)! }));
  onChange("l2", (el) => ({ l2: Number(el.value) }));
  onChange("init", (el) => ({ init: el.value as Settings["init"] }));
  onChange("stop-at", (el) => (int(el.value, 0) === null ? null : { stopAt: int(el.value, 0)! }));
  $("reseed").addEventListener("click", () => update({ seed: Math.floor(Math.random() * 100000) }));
  $("preset").addEventListener("click", () => update({ ...CIRCLE_TASK_SETTINGS, layers: [...CIRCLE_TASK_SETTINGS.layers], activations: [...CIRCLE_TASK_SETTINGS.activations] }));
  $("layers-add").addEventListener("click", () => {
    if (settings.layers.length < MAX_HIDDEN_LAYERS) update({ layers: [...settings.layers, 4], activations: [...settings.activations, settings.activations.at(-1) ?? "tanh"] });
  });
  $("layers-remove").addEventListener("click", () => {
    if (settings.layers.length > 0) update({ layers: settings.layers.slice(0, -1), activations: settings.activations.slice(0, -1) });
  });

  $("play").addEventListener("click", () => {
    setPlaying(true);
    send({ type: "play" });
  });
  $("pause").addEventListener("click", () => {
    setPlaying(false);
    send({ type: "pause" });
  });
  $("step").addEventListener("click", () => {
    setPlaying(false);
    send({ type: "step" });
  });
  $("reset").addEventListener("click", () => update({}));
  $("show-test").addEventListener("change", schedule);
  $("discretize").addEventListener("change", schedule);
  $("export").addEventListener("click", async () => {
    const json = await exportJson();
    const blob = new Blob([JSON.stringify(json, null, 1)], { type: "application/json" });
    const a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = `mytorch-playground-${settings.dataset}-epoch${json.metrics?.epoch ?? 0}.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  });
  // The output under the pointer: x, y and the network's score there (nearest grid cell).
  const heat = $<HTMLCanvasElement>("heatmap");
  heat.addEventListener("mousemove", (e) => {
    if (latest === null) return;
    const x = e.offsetX / heat.clientWidth;
    const y = 1 - e.offsetY / heat.clientHeight;
    const c = Math.min(GRID - 1, Math.max(0, Math.floor(x * GRID)));
    const r = Math.min(GRID - 1, Math.max(0, Math.floor((1 - y) * GRID)));
    const v = latest.output[r * GRID + c]!;
    $("probe").textContent = `x₁ ${x.toFixed(3)}  x₂ ${y.toFixed(3)}  →  ${v >= 0 ? "+" : ""}${v.toFixed(3)} (class ${v >= 0 ? "+1" : "−1"})`;
  });
  heat.addEventListener("mouseleave", () => ($("probe").innerHTML = "&nbsp;"));
  $("copy-link").addEventListener("click", () => {
    // navigator.clipboard exists only in secure contexts (https, localhost).
    if (navigator.clipboard === undefined) flash("copy-link", "Copy from the address bar");
    else void navigator.clipboard.writeText(location.href).then(() => flash("copy-link", "Copied"), () => flash("copy-link", "Copy from the address bar"));
  });
}

function flash(id: string, text: string): void {
  const el = $(id);
  const old = el.textContent;
  el.textContent = text;
  setTimeout(() => (el.textContent = old), 1200);
}

// ---- network diagram ----------------------------------------------------------------------------

function unitSize(units: number): number {
  return units <= 6 ? 36 : units <= 8 ? 32 : units <= 12 ? 22 : units <= 16 ? 17 : 10;
}

/** Columns: the two inputs, each hidden layer (with its width and activation controls), the output. */
function buildNetworkColumns(): void {
  const columns = $("columns");
  columns.replaceChildren();
  const column = (title: string, units: number, size: number, id: string): HTMLDivElement => {
    const col = document.createElement("div");
    col.className = "column";
    const head = document.createElement("div");
    head.className = "col-head";
    head.textContent = title;
    col.append(head);
    const list = document.createElement("div");
    list.className = "units";
    for (let j = 0; j < units; j++) {
      const c = document.createElement("canvas");
      c.width = c.height = UNIT_GRID;
      c.style.width = c.style.height = `${size}px`;
      c.dataset.unit = `${id}-${j}`;
      list.append(c);
    }
    col.append(list);
    return col;
  };
  const inputs = column("Inputs", 2, 40, "in");
  inputs.querySelectorAll("canvas").forEach((c, j) => {
    const g = new Float64Array(UNIT_GRID * UNIT_GRID);
    for (let r = 0; r < UNIT_GRID; r++) for (let k = 0; k < UNIT_GRID; k++) g[r * UNIT_GRID + k] = j === 0 ? (2 * (k + 0.5)) / UNIT_GRID - 1 : 1 - (2 * (r + 0.5)) / UNIT_GRID;
    drawField(c, g, UNIT_GRID, UNIT_GRID);
    c.title = j === 0 ? "x₁" : "x₂";
  });
  const labels = document.createElement("div");
  labels.className = "in-labels";
  labels.innerHTML = "<span>x₁</span><span>x₂</span>";
  inputs.append(labels);
  columns.append(inputs);

  settings.layers.forEach((units, l) => {
    const col = column("", units, unitSize(units), `h${l}`);
    const head = col.querySelector(".col-head")!;
    head.innerHTML = "";
    const row = document.createElement("div");
    row.className = "unit-ctl";
    const minus = document.createElement("button");
    minus.className = "mini";
    minus.textContent = "−";
    minus.dataset.testid = `units-remove-${l}`;
    minus.setAttribute("aria-label", `Fewer units in layer ${l + 1}`);
    minus.disabled = units <= 1;
    minus.addEventListener("click", () => update({ layers: settings.layers.map((u, i) => (i === l ? Math.max(1, u - 1) : u)) }));
    const plus = document.createElement("button");
    plus.className = "mini";
    plus.textContent = "+";
    plus.dataset.testid = `units-add-${l}`;
    plus.setAttribute("aria-label", `More units in layer ${l + 1}`);
    plus.disabled = units >= MAX_UNITS;
    plus.addEventListener("click", () => update({ layers: settings.layers.map((u, i) => (i === l ? Math.min(MAX_UNITS, u + 1) : u)) }));
    const count = document.createElement("span");
    count.dataset.testid = `units-${l}`;
    count.textContent = String(units);
    row.append(minus, count, plus);
    const act = document.createElement("select");
    act.dataset.testid = `activation-${l}`;
    act.setAttribute("aria-label", `Activation of layer ${l + 1}`);
    fillSelect(act, ACTIVATIONS);
    act.value = settings.activations[l]!;
    act.addEventListener("change", () => update({ activations: settings.activations.map((a, i) => (i === l ? (act.value as ActivationName) : a)) }));
    head.append(row, act);
    columns.append(col);
  });

  const out = column("Output", 1, 40, "out");
  out.querySelector(".col-head")!.textContent = settings.loss === "mse" ? "Output (tanh)" : "Output (p₊ − p₋)";
  columns.append(out);
  schedule();
}

function drawEdges(s: Snapshot): void {
  const net = $("net");
  const canvas = $<HTMLCanvasElement>("edges");
  const dpr = window.devicePixelRatio || 1;
  const box = net.getBoundingClientRect();
  if (canvas.width !== Math.round(box.width * dpr) || canvas.height !== Math.round(box.height * dpr)) {
    canvas.width = Math.round(box.width * dpr);
    canvas.height = Math.round(box.height * dpr);
  }
  const ctx = canvas.getContext("2d")!;
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  const cols = [...net.querySelectorAll<HTMLDivElement>(".column .units")].map((u) => [...u.querySelectorAll("canvas")].map((c) => c.getBoundingClientRect()));
  s.weights.forEach((w, l) => {
    const from = cols[l];
    const to = cols[l + 1];
    if (from === undefined || to === undefined || from.length !== w.rows) return;
    const scale = maxAbs(w.W);
    const outputs = Math.min(w.cols, to.length);
    for (let i = 0; i < w.rows; i++) {
      for (let j = 0; j < outputs; j++) {
        const v = w.W[i * w.cols + j]! / scale;
        const a = from[i]!;
        const b = to[j]!;
        const [r, g, bl] = colour(v);
        ctx.strokeStyle = `rgba(${r | 0},${g | 0},${bl | 0},${0.25 + 0.6 * Math.abs(v)})`;
        ctx.lineWidth = (0.4 + 3 * Math.abs(v)) * dpr;
        ctx.beginPath();
        ctx.moveTo((a.right - box.left) * dpr, (a.top + a.height / 2 - box.top) * dpr);
        ctx.bezierCurveTo(
          ((a.right + b.left) / 2 - box.left) * dpr, (a.top + a.height / 2 - box.top) * dpr,
          ((a.right + b.left) / 2 - box.left) * dpr, (b.top + b.height / 2 - box.top) * dpr,
          (b.left - box.left) * dpr, (b.top + b.height / 2 - box.top) * dpr,
        );
        ctx.stroke();
      }
    }
  });
}

// ---- inside a layer ---------------------------------------------------------------------------

function buildLayerTabs(s: Snapshot): void {
  const tabs = $("layer-tabs");
  const names = s.weights.map((w, l) => `Layer ${l + 1}: ${w.rows}→${w.cols}`);
  if (tabs.dataset.names !== names.join("|")) {
    tabs.dataset.names = names.join("|");
    tabs.replaceChildren(
      ...names.map((name, l) => {
        const b = document.createElement("button");
        b.className = "tab";
        b.textContent = name;
        b.dataset.testid = `layer-${l}`;
        b.setAttribute("role", "tab");
        b.addEventListener("click", () => {
          tabs.dataset.selected = String(l);
          tabs.querySelectorAll(".tab").forEach((t, k) => t.classList.toggle("on", k === l));
          send({ type: "layer", index: l });
        });
        return b;
      }),
    );
  }
  const selected = Number(tabs.dataset.selected ?? s.layer.index);
  tabs.querySelectorAll(".tab").forEach((t, k) => t.classList.toggle("on", k === selected));
}

function drawMatrices(s: Snapshot): void {
  const { rows, cols, W, b, dLdW, dLdb } = s.layer;
  const box = $("mats");
  const items: [string, string, Float64Array, number, number][] = [
    ["W", `${rows}×${cols}`, W, rows, cols],
    ["b", `1×${cols}`, b, 1, cols],
    ["dL/dW", `${rows}×${cols}`, dLdW, rows, cols],
    ["dL/db", `1×${cols}`, dLdb, 1, cols],
  ];
  const key = `${rows}x${cols}`;
  if (box.dataset.key !== key) {
    box.dataset.key = key;
    const cell = Math.max(4, Math.min(22, Math.floor(160 / Math.max(rows, cols))));
    box.replaceChildren(
      ...items.map(([name, shape], k) => {
        const fig = document.createElement("figure");
        fig.className = "mat";
        const c = document.createElement("canvas");
        const r = k % 2 === 0 ? rows : 1;
        c.style.width = `${cols * cell}px`;
        c.style.height = `${r * cell}px`;
        c.dataset.testid = `matrix-${name.replace("/", "")}`;
        c.addEventListener("mousemove", (e) => {
          const j = Math.floor((e.offsetX / c.clientWidth) * cols);
          const i = Math.floor((e.offsetY / c.clientHeight) * r);
          const values = (latest?.layer as unknown as Record<string, Float64Array> | undefined)?.[["W", "b", "dLdW", "dLdb"][k]!];
          const v = values?.[i * cols + j];
          if (v !== undefined) $("hover").textContent = `${name}[${i}, ${j}] = ${v.toPrecision(6)}`;
        });
        const cap = document.createElement("figcaption");
        cap.innerHTML = `<b>${name}</b> <span>${shape}</span> <em></em>`;
        fig.append(cap, c);
        return fig;
      }),
    );
  }
  box.querySelectorAll("figure").forEach((fig, k) => {
    const [, , values, r, c] = items[k]!;
    const m = maxAbs(values);
    drawField(fig.querySelector("canvas")!, values, r, c, { scale: m });
    fig.querySelector("em")!.textContent = `±${m.toPrecision(3)}`;
  });
}

// ---- rendering --------------------------------------------------------------------------------

// Rendering is throttled so the main thread stays mostly idle: a frame at most every 60 ms, and
// after a frame that took R ms, none for 2R (software canvases on a busy machine can be slow).
let lastRender = 0;
let pointsDrawn = "";
let renderMs = 0;
let timer: ReturnType<typeof setTimeout> | null = null;

function schedule(): void {
  if (frame !== 0 || timer !== null) return;
  const wait = lastRender + Math.max(60, 2 * renderMs) - performance.now();
  const go = (): void => {
    timer = null;
    frame = requestAnimationFrame(render);
  };
  if (wait > 0) timer = setTimeout(go, wait);
  else go();
}

const pct = (v: number): string => `${(100 * v).toFixed(1)}%`;
const lossText = (v: number): string => (Number.isFinite(v) ? (v < 0.001 ? v.toExponential(2) : v.toFixed(4)) : String(v));

function render(): void {
  frame = 0;
  const s = latest;
  if (s === null) return;
  const started = performance.now();
  draw(s);
  lastRender = performance.now();
  renderMs = lastRender - started;
}

function draw(s: Snapshot): void {
  const m = s.metrics;
  $("epoch").textContent = String(m.epoch);
  $("train-loss").textContent = lossText(m.train.loss);
  $("test-loss").textContent = lossText(m.test.loss);
  $("test-accuracy").textContent = pct(m.test.accuracy);
  $("acc-figs").textContent = `train ${pct(m.train.accuracy)} · test ${pct(m.test.accuracy)}`;
  $("kernel").textContent = s.kernel;
  const kernelShort = s.kernel.startsWith("WebAssembly") ? "wasm-simd" : "ts kernel";
  $("speed").textContent = `${s.playing ? `${Math.round(s.epochsPerSecond)} epochs/s · ` : ""}${m.steps.toLocaleString("en")} steps · ${kernelShort}`;
  $("speed").title = s.kernel;

  drawField($("heatmap"), s.output, GRID, GRID, { discrete: $<HTMLInputElement>("discretize").checked });
  // The points change only with the data or the checkbox: drawn on their own canvas, only then.
  const pointsKey = data === null ? "" : `${data.run}:${$<HTMLInputElement>("show-test").checked}`;
  if (data !== null && data.run === s.run && pointsDrawn !== pointsKey) {
    const points = $<HTMLCanvasElement>("point-layer");
    drawPoints(points, data.train.X, data.train.Y, false, true);
    if ($<HTMLInputElement>("show-test").checked) drawPoints(points, data.test.X, data.test.Y, true);
    pointsDrawn = pointsKey;
  }
  s.hidden.forEach((layer, l) =>
    layer.forEach((g, j) => {
      const c = document.querySelector<HTMLCanvasElement>(`canvas[data-unit="h${l}-${j}"]`);
      if (c !== null) drawField(c, g, UNIT_GRID, UNIT_GRID, { scale: settings.activations[l] === "relu" ? maxAbs(g) : 1 });
    }),
  );
  const outCanvas = document.querySelector<HTMLCanvasElement>('canvas[data-unit="out-0"]');
  if (outCanvas !== null) drawField(outCanvas, s.output, GRID, GRID);
  drawEdges(s);

  const train = "#0b5394";
  const test = "#f59322";
  drawLines($("loss-chart"), [
    { values: curve.map((h) => h.train.loss), colour: train },
    { values: curve.map((h) => h.test.loss), colour: test },
  ], { log: true, format: (v) => v.toPrecision(2) });
  drawLines($("acc-chart"), [
    { values: curve.map((h) => h.train.accuracy), colour: train },
    { values: curve.map((h) => h.test.accuracy), colour: test },
  ], { min: Math.min(0.5, ...curve.map((h) => Math.min(h.train.accuracy, h.test.accuracy))), max: 1, format: (v) => `${Math.round(100 * v)}%` });
  buildLayerTabs(s);
  drawMatrices(s);
}

worker.onmessage = (event: MessageEvent<FromWorker>) => {
  const message = event.data;
  switch (message.type) {
    case "data":
      data = message;
      break;
    case "snapshot":
      if (message.fresh) curve = [];
      curve.push(...message.history);
      latest = message;
      schedule();
      break;
    case "predicted":
      waiting.get(message.id)?.(Array.from(message.scores));
      waiting.delete(message.id);
      break;
    case "exported":
      waiting.get(message.id)?.(message.json);
      waiting.delete(message.id);
      break;
    case "stopped":
      if (message.reason === "error") $("warnings").textContent = `Training stopped: ${message.message}`;
      setPlaying(false);
      break;
  }
};

function ask<T>(message: (id: number) => ToWorker): Promise<T> {
  const id = ++requests;
  return new Promise<T>((resolve) => {
    waiting.set(id, resolve as (value: unknown) => void);
    send(message(id));
  });
}

function exportJson(): Promise<NetworkJson> {
  return ask<NetworkJson>((id) => ({ type: "export", id }));
}

/** For tests and automation: the settings, the last metrics at full precision, predictions and the export. */
const api = {
  settings: (): Settings => structuredClone(settings),
  metrics: (): Metrics | null => latest?.metrics ?? null,
  history: (): Metrics[] => curve.slice(),
  playing: (): boolean => playing,
  /** Whether the worker was training when it took the last snapshot (false once a pause has landed). */
  workerPlaying: (): boolean => latest?.playing ?? false,
  kernel: (): string => latest?.kernel ?? "",
  renderMs: (): number => renderMs,
  predict: (points: number[][]): Promise<number[]> => ask<number[]>((id) => ({ type: "predict", id, points })),
  exportJson,
};
declare global {
  interface Window {
    playground: typeof api;
  }
}
window.playground = api;

wireControls();
syncControls();
buildNetworkColumns();
if (decoded.warnings.length > 0) $("warnings").textContent = `Ignored in the URL: ${decoded.warnings.join("; ")}`;
writeUrl();
send({ type: "reset", settings });
if (autoplay) {
  setPlaying(true);
  send({ type: "play" });
}
window.addEventListener("resize", schedule);
