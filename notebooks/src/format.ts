import type { Matrix } from "@mytorch/matrix";

/** A number in a table cell: 6 significant digits, −0 and ±Infinity spelled out. */
export function formatNumber(x: number): string {
  if (Number.isNaN(x)) return "NaN";
  if (!Number.isFinite(x)) return x > 0 ? "Infinity" : "−Infinity";
  if (x === 0) return "0";
  const abs = Math.abs(x);
  const text = abs >= 1e-4 && abs < 1e6 ? String(Number(x.toPrecision(6))) : x.toExponential(3);
  return text.replace("-", "−");
}

/** A difference in a table cell: always in exponent form, so magnitudes line up (2.22e−16). */
export function formatDiff(x: number | null): string {
  if (x === null) return "—";
  if (!Number.isFinite(x)) return "Infinity";
  return x === 0 ? "0" : x.toExponential(2).replace("-", "−");
}

/** A matrix in a table cell: its shape and its first entries, row-major: "4×2 [0.5, −1.2, 0.33, …]". */
export function formatMatrix(m: Matrix, maxEntries = 4): string {
  const shown = Array.from(m.data.subarray(0, maxEntries), formatNumber);
  const more = m.data.length > maxEntries ? ", …" : "";
  return `${m.rows}×${m.cols} [${shown.join(", ")}${more}]`;
}

/** Text made safe to put inside HTML: @mytorch/plot's XML escaping (& < > " '), which is also right for HTML. */
export { escapeXml as escapeHtml } from "@mytorch/plot";
