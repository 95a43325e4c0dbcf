/** A grouped bar chart as a standalone SVG: one group per label, one bar per series. */
export interface BarChart {
  title: string;
  yLabel: string;
  groups: readonly string[];
  series: readonly { name: string; color: string; values: readonly number[] }[];
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function barChartSvg(chart: BarChart): string {
  const barWidth = 16, gap = 22, left = 60, top = 40, plotHeight = 260, bottom = 150;
  const groupWidth = chart.series.length * barWidth + gap;
  const width = left + chart.groups.length * groupWidth + 140;
  const height = top + plotHeight + bottom;
  const max = Math.max(1e-9, ...chart.series.flatMap((s) => s.values.filter(Number.isFinite)));
  const step = niceStep(max / 5);
  const yMax = Math.ceil(max / step) * step;
  const y = (v: number): number => top + plotHeight - (v / yMax) * plotHeight;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="11">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="${left}" y="22" font-size="14" font-weight="bold">${escapeXml(chart.title)}</text>`,
    `<text transform="translate(16 ${top + plotHeight / 2}) rotate(-90)" text-anchor="middle">${escapeXml(chart.yLabel)}</text>`,
  ];
  for (let v = 0; v <= yMax + 1e-9; v += step) {
    parts.push(`<line x1="${left}" x2="${width - 10}" y1="${y(v)}" y2="${y(v)}" stroke="#ddd"/>`);
    parts.push(`<text x="${left - 6}" y="${y(v) + 4}" text-anchor="end">${+v.toFixed(2)}</text>`);
  }
  chart.groups.forEach((group, g) => {
    const x0 = left + gap / 2 + g * groupWidth;
    chart.series.forEach((s, k) => {
      const v = s.values[g]!;
      if (!Number.isFinite(v)) return;
      const x = x0 + k * barWidth;
      parts.push(`<rect x="${x}" y="${y(v)}" width="${barWidth - 2}" height="${y(0) - y(v)}" fill="${s.color}"><title>${escapeXml(`${s.name}, ${group}: ${v.toFixed(2)}`)}</title></rect>`);
    });
    const cx = x0 + (chart.series.length * barWidth) / 2;
    parts.push(`<text transform="translate(${cx} ${top + plotHeight + 10}) rotate(35)" text-anchor="start">${escapeXml(group)}</text>`);
  });
  chart.series.forEach((s, k) => {
    const x = left + k * 150;
    parts.push(`<rect x="${x}" y="${height - 18}" width="12" height="12" fill="${s.color}"/>`);
    parts.push(`<text x="${x + 16}" y="${height - 8}">${escapeXml(s.name)}</text>`);
  });
  parts.push("</svg>");
  return parts.join("\n") + "\n";
}

/** 1, 2 or 5 times a power of ten, at least `raw`. */
function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (m * power >= raw) return m * power;
  return 10 * power;
}
