/** Ten distinct colours (Tableau 10, as matplotlib's default cycle); series k gets colour k mod 10. */
export const PALETTE: readonly string[] = Object.freeze([
  "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
]);

/** Series beyond the tenth repeat a colour with a dash pattern, so all stay distinct. */
export function seriesStyle(k: number): { color: string; dash: string | undefined } {
  const dashes = [undefined, "6 3", "2 2", "8 3 2 3"];
  return { color: PALETTE[k % PALETTE.length]!, dash: dashes[Math.floor(k / PALETTE.length) % dashes.length] };
}
