// Canvas drawing: heatmaps on a diverging orange–white–blue scale (−1 … +1, TensorFlow Playground's
// colours), data points, line charts and matrices. Pure functions of their inputs.

const NEG = [245, 147, 34]; //  #f59322, class −1
const MID = [232, 234, 235]; // light grey-white
const POS = [8, 119, 189]; //   #0877bd, class +1

/** RGB for v in [−1, 1] (clamped). */
export function colour(v: number): [number, number, number] {
  const t = Math.max(-1, Math.min(1, Number.isFinite(v) ? v : 0));
  const end = t < 0 ? NEG : POS;
  const a = Math.abs(t);
  return [MID[0]! + (end[0]! - MID[0]!) * a, MID[1]! + (end[1]! - MID[1]!) * a, MID[2]! + (end[2]! - MID[2]!) * a];
}

const images = new WeakMap<HTMLCanvasElement, ImageData>();

/**
 * Draws values (rows × cols, row-major, divided by scale into [−1, 1]) one value per pixel into a
 * canvas of exactly cols × rows pixels; CSS stretches it (smooth, or pixelated for a matrix).
 * One putImageData, no scaling on the main thread: cheap enough to run for every unit 20 times a second.
 */
export function drawField(canvas: HTMLCanvasElement, values: ArrayLike<number>, rows: number, cols: number, options: { scale?: number; discrete?: boolean } = {}): void {
  const { scale = 1, discrete = false } = options;
  if (canvas.width !== cols || canvas.height !== rows) {
    canvas.width = cols;
    canvas.height = rows;
  }
  let image = images.get(canvas);
  if (image === undefined || image.width !== cols || image.height !== rows) {
    image = new ImageData(cols, rows);
    images.set(canvas, image);
  }
  const px = image.data;
  for (let k = 0; k < rows * cols; k++) {
    let v = values[k]! / (scale || 1);
    if (discrete) v = v >= 0 ? 0.75 : -0.75;
    const [r, g, b] = colour(v);
    px[k * 4] = r;
    px[k * 4 + 1] = g;
    px[k * 4 + 2] = b;
    px[k * 4 + 3] = 255;
  }
  canvas.getContext("2d")!.putImageData(image, 0, 0);
}

/** Points (x, y in [0, 1]², labels ±1) over the canvas: filled discs, test points with a dark ring. */
export function drawPoints(canvas: HTMLCanvasElement, X: Float64Array, Y: Float64Array, test: boolean, clear = false): void {
  const ctx = canvas.getContext("2d")!;
  if (clear) ctx.clearRect(0, 0, canvas.width, canvas.height);
  const w = canvas.width;
  const h = canvas.height;
  const r = Math.max(2, w / 140);
  ctx.lineWidth = test ? 1.4 : 1;
  for (let i = 0; i < Y.length; i++) {
    const x = X[i * 2]! * w;
    const y = (1 - X[i * 2 + 1]!) * h;
    const [cr, cg, cb] = Y[i]! > 0 ? POS : NEG;
    ctx.beginPath();
    ctx.arc(x, y, r, 0, 2 * Math.PI);
    ctx.fillStyle = `rgb(${cr},${cg},${cb})`;
    ctx.strokeStyle = test ? "rgba(20,24,28,0.75)" : "rgba(255,255,255,0.9)";
    ctx.fill();
    ctx.stroke();
  }
}

export interface Series {
  values: number[];
  colour: string;
  dash?: number[];
}

/** Line chart of several series against their index (epochs), y on a log scale if asked; labels the y range. */
export function drawLines(canvas: HTMLCanvasElement, series: Series[], options: { log?: boolean; min?: number; max?: number; format: (v: number) => string }): void {
  const ctx = canvas.getContext("2d")!;
  const dpr = canvas.width / (canvas.clientWidth || canvas.width);
  const w = canvas.width;
  const h = canvas.height;
  ctx.clearRect(0, 0, w, h);
  const all = series.flatMap((s) => s.values).filter((v) => Number.isFinite(v) && (!options.log || v > 0));
  const n = Math.max(2, ...series.map((s) => s.values.length));
  if (all.length === 0) return;
  const f = options.log ? Math.log10 : (v: number) => v;
  let lo = f(options.min ?? Math.min(...all));
  let hi = f(options.max ?? Math.max(...all));
  if (hi - lo < 1e-9) {
    hi += 0.5;
    lo -= 0.5;
  }
  const padL = 44 * dpr;
  const padT = 6 * dpr;
  const padB = 14 * dpr;
  const x = (i: number): number => padL + ((w - padL - 4 * dpr) * i) / (n - 1);
  const y = (v: number): number => padT + (h - padT - padB) * (1 - (f(v) - lo) / (hi - lo));
  ctx.strokeStyle = "#e3e6ea";
  ctx.lineWidth = dpr;
  ctx.fillStyle = "#6b7280";
  ctx.font = `${10 * dpr}px system-ui, sans-serif`;
  ctx.textAlign = "right";
  ctx.textBaseline = "middle";
  for (const t of [0, 0.5, 1]) {
    const v = options.log ? 10 ** (lo + (hi - lo) * t) : lo + (hi - lo) * t;
    const yy = y(v);
    ctx.beginPath();
    ctx.moveTo(padL, yy);
    ctx.lineTo(w, yy);
    ctx.stroke();
    ctx.fillText(options.format(v), padL - 4 * dpr, yy);
  }
  ctx.textAlign = "left";
  ctx.textBaseline = "bottom";
  ctx.fillText(`epoch ${n - 1}`, w - 60 * dpr, h);
  ctx.lineWidth = 1.6 * dpr;
  // At most ~2 points per pixel column: long runs are decimated, not slowed down.
  const stride = Math.max(1, Math.floor(n / (w / 2)));
  for (const s of series) {
    ctx.strokeStyle = s.colour;
    ctx.setLineDash((s.dash ?? []).map((d) => d * dpr));
    ctx.beginPath();
    let started = false;
    for (let i = 0; i < s.values.length; i += i + stride < s.values.length ? stride : Math.max(1, s.values.length - 1 - i)) {
      const v = s.values[i]!;
      if (!Number.isFinite(v) || (options.log && v <= 0)) continue;
      if (started) ctx.lineTo(x(i), y(v));
      else ctx.moveTo(x(i), y(v));
      started = true;
    }
    ctx.stroke();
  }
  ctx.setLineDash([]);
}

/** The largest |v| (1 if all are 0): a matrix's own colour scale. */
export function maxAbs(values: ArrayLike<number>): number {
  let m = 0;
  for (let k = 0; k < values.length; k++) m = Math.max(m, Math.abs(values[k]!));
  return m === 0 || !Number.isFinite(m) ? 1 : m;
}
