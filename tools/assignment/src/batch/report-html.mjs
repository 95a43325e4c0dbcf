// The instructor's report of a batch grading run: one self-contained HTML
// page (inline CSS and SVG, no script, nothing fetched) with the class's
// scores, each sub-problem's pass rate, what the class most often got wrong,
// and the most similar pairs of submissions side by side.

/**
 * @typedef {{ id: string, title: string, points: number }} Problem
 * @typedef {{ id: string, total: number, scores: Record<string, number>, status: "graded" | "error",
 *   reason?: string, seconds: number, failures: Record<string, string> }} Row
 *   failures: problem id → the first failure reason the student was shown.
 * @typedef {import("./similarity.mjs").SimilarPair} SimilarPair
 */

/** Failure-reason groups shown per sub-problem, the most frequent first. */
const REASON_GROUPS_SHOWN = 5;
/** Submission ids named per failure-reason group. */
const IDS_SHOWN = 6;

/**
 * The report as one HTML string. Everything that comes from a student (ids,
 * failure reasons, source text) is escaped.
 * @param {{ title: string, generatedAt: Date | string, problems: Problem[], rows: Row[], similarity?: SimilarPair[] }} report
 */
export function renderReport({ title, generatedAt, problems, rows, similarity = [] }) {
  const maxTotal = problems.reduce((sum, p) => sum + p.points, 0);
  const graded = rows.filter((row) => row.status === "graded");
  const when = generatedAt instanceof Date ? generatedAt.toISOString() : String(generatedAt);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
<p class="muted">Generated ${escapeHtml(when)}</p>
${summarySection(rows, graded, maxTotal)}
${histogramSection(graded, maxTotal, rows.length - graded.length)}
${passRateSection(problems, graded)}
${failureSection(problems, graded)}
${similaritySection(similarity)}
</main>
</body>
</html>
`;
}

/** `value` as text that HTML shows literally, in content and in quoted attributes. */
export function escapeHtml(value) {
  return String(value)
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

/**
 * The key that groups failure reasons differing only in their numbers: every
 * number (integer, decimal, exponent, sign) becomes #, whitespace one space.
 * "got 0.52, expected 0.21" and "got 0.7, expected -3e-2" share a key.
 */
export function reasonKey(reason) {
  return reason
    .replace(/(?<!\w)[-+]?\d+(?:\.\d+)?(?:e[-+]?\d+)?(?!\w)/gi, "#")
    .replace(/\s+/g, " ")
    .trim();
}

function summarySection(rows, graded, maxTotal) {
  const totals = graded.map((row) => row.total).sort((x, y) => x - y);
  const errors = rows.filter((row) => row.status !== "graded");
  const timed = rows.filter((row) => Number.isFinite(row.seconds));
  const seconds = timed.map((row) => row.seconds);
  const slowest = timed.reduce((worst, row) => (worst === null || row.seconds > worst.seconds ? row : worst), null);
  const figure = (value) => (totals.length === 0 ? "–" : format(value));
  const cells = [
    ["Submissions", rows.length],
    ["Graded", graded.length],
    ["Errors", errors.length],
    ["Mean", `${figure(mean(totals))} / ${maxTotal}`],
    ["Median", `${figure(median(totals))} / ${maxTotal}`],
    ["Min", `${figure(totals[0])} / ${maxTotal}`],
    ["Max", `${figure(totals[totals.length - 1])} / ${maxTotal}`],
  ];
  const timing = seconds.length === 0 ? "" :
    `<p>Grading took ${format(mean(seconds))} s per submission on average; the slowest, <code>${escapeHtml(slowest.id)}</code>, ${format(slowest.seconds)} s.</p>`;
  const errorList = errors.length === 0 ? "" : `<h3>Submissions not graded</h3>
<ul class="errors">
${errors.map((row) => `<li><code>${escapeHtml(row.id)}</code>: ${escapeHtml(row.reason ?? "no reason recorded")}</li>`).join("\n")}
</ul>`;
  return `<section id="summary">
<h2>Summary</h2>
<table class="summary">
${cells.map(([label, value]) => `<tr><th>${label}</th><td>${escapeHtml(value)}</td></tr>`).join("\n")}
</table>
${timing}
${errorList}
</section>`;
}

/** One bar per total 0..maxTotal (fractional totals fall to the integer below), height ∝ count. */
function histogramSection(graded, maxTotal, notGraded) {
  const counts = new Array(maxTotal + 1).fill(0);
  for (const { total } of graded) counts[Math.min(maxTotal, Math.max(0, Math.floor(total)))]++;
  const tallest = Math.max(1, ...counts);
  const bar = 14;
  const gap = 2;
  const plot = { left: 36, top: 12, width: (maxTotal + 1) * (bar + gap), height: 160 };
  const width = plot.left + plot.width + 8;
  const height = plot.top + plot.height + 36;
  const baseline = plot.top + plot.height;

  const bars = counts.map((count, total) => {
    const h = (count / tallest) * plot.height;
    const x = plot.left + total * (bar + gap);
    const label = `${plural(total, "point")}: ${plural(count, "submission")}`;
    return `<rect class="bar" x="${x}" y="${format(baseline - h)}" width="${bar}" height="${format(h)}" data-total="${total}" data-count="${count}"><title>${label}</title></rect>`;
  });
  const xTicks = counts.map((_, total) => total).filter((total) => total % 5 === 0 || total === maxTotal).map((total) => {
    const x = plot.left + total * (bar + gap) + bar / 2;
    return `<text x="${x}" y="${baseline + 14}" text-anchor="middle">${total}</text>`;
  });
  const yTicks = [0, tallest].map((count) => {
    const y = baseline - (count / tallest) * plot.height;
    return `<text x="${plot.left - 6}" y="${format(y + 4)}" text-anchor="end">${count}</text>`;
  });
  const caption = `${plural(graded.length, "graded submission")}` +
    (notGraded > 0 ? `; ${notGraded} not graded (errors) are left out` : "");
  return `<section id="histogram">
<h2>Scores</h2>
<figure>
<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="Histogram of total scores">
<line class="axis" x1="${plot.left}" y1="${baseline}" x2="${plot.left + plot.width}" y2="${baseline}"/>
${bars.join("\n")}
${xTicks.join("\n")}
${yTicks.join("\n")}
<text x="${plot.left + plot.width / 2}" y="${height - 4}" text-anchor="middle">total points (of ${maxTotal})</text>
</svg>
<figcaption>${caption}.</figcaption>
</figure>
</section>`;
}

/** Passing a sub-problem is earning all its points. */
function passed(row, problem) {
  return (row.scores[problem.id] ?? 0) >= problem.points;
}

/** One horizontal bar per sub-problem: the share of graded submissions that earned all its points. */
function passRateSection(problems, graded) {
  const row = 22;
  const labelWidth = 300;
  const barWidth = 320;
  const width = labelWidth + barWidth + 60;
  const height = problems.length * row + 8;
  const bars = problems.map((problem, index) => {
    const passes = graded.filter((r) => passed(r, problem)).length;
    const rate = graded.length === 0 ? 0 : passes / graded.length;
    const y = 4 + index * row;
    const label = `${problem.id} ${problem.title}`;
    const shown = label.length > 44 ? `${label.slice(0, 43)}…` : label;
    return `<g data-problem="${escapeHtml(problem.id)}" data-rate="${format(rate, 4)}">
<title>${escapeHtml(`${label} (${plural(problem.points, "point")}): ${passes} of ${graded.length} passed`)}</title>
<text x="${labelWidth - 8}" y="${y + 15}" text-anchor="end">${escapeHtml(shown)}</text>
<rect class="track" x="${labelWidth}" y="${y + 3}" width="${barWidth}" height="${row - 6}"/>
<rect class="bar" x="${labelWidth}" y="${y + 3}" width="${format(rate * barWidth)}" height="${row - 6}"/>
<text x="${labelWidth + barWidth + 6}" y="${y + 15}">${Math.round(rate * 100)}%</text>
</g>`;
  });
  return `<section id="pass-rates">
<h2>Pass rate per sub-problem</h2>
<figure>
<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="Pass rate of each sub-problem">
${bars.join("\n")}
</svg>
<figcaption>Share of the ${graded.length} graded submissions that earned all of a sub-problem's points.</figcaption>
</figure>
</section>`;
}

/**
 * For each sub-problem, the first failure reasons of the graded submissions
 * that missed its points, grouped by reasonKey, the most frequent first.
 * @returns {{ problem: Problem, failed: number, groups: { key: string, count: number, example: string, ids: string[] }[] }[]}
 */
export function failureGroups(problems, graded) {
  return problems.map((problem) => {
    /** @type {Map<string, { key: string, count: number, example: string, ids: string[] }>} */
    const groups = new Map();
    let failed = 0;
    for (const row of graded) {
      if (passed(row, problem)) continue;
      failed++;
      const reason = row.failures?.[problem.id] ?? "(no reason recorded)";
      const key = reasonKey(reason);
      const group = groups.get(key);
      if (group) {
        group.count++;
        group.ids.push(row.id);
      } else {
        groups.set(key, { key, count: 1, example: reason, ids: [row.id] });
      }
    }
    const sorted = [...groups.values()].sort((x, y) => y.count - x.count || x.key.localeCompare(y.key));
    return { problem, failed, groups: sorted };
  });
}

function failureSection(problems, graded) {
  const blocks = failureGroups(problems, graded).map(({ problem, failed, groups }) => {
    const heading = `<h3>${escapeHtml(problem.id)} ${escapeHtml(problem.title)} <span class="muted">(${plural(problem.points, "point")})</span></h3>`;
    if (failed === 0) return `${heading}\n<p class="muted">Every graded submission earned these points.</p>`;
    const shown = groups.slice(0, REASON_GROUPS_SHOWN);
    const hidden = groups.slice(REASON_GROUPS_SHOWN);
    const more = hidden.length === 0 ? "" :
      `<p class="muted">and ${plural(hidden.length, "other reason")} (${plural(hidden.reduce((sum, g) => sum + g.count, 0), "submission")}).</p>`;
    return `${heading}
<p>${failed} of ${graded.length} missed these points. Their first failure, grouped (numbers read as #), one example each:</p>
<table class="reasons">
<tr><th>Count</th><th>Example</th><th>Submissions</th></tr>
${shown.map((group) => `<tr><td class="count">${group.count}</td><td><pre class="reason">${escapeHtml(group.example)}</pre></td><td class="ids">${idList(group.ids)}</td></tr>`).join("\n")}
</table>
${more}`;
  });
  return `<section id="failures">
<h2>What the class got wrong</h2>
${blocks.join("\n")}
</section>`;
}

/** The first IDS_SHOWN ids, and how many more. */
function idList(ids) {
  const named = ids.slice(0, IDS_SHOWN).map((id) => `<code>${escapeHtml(id)}</code>`).join(", ");
  return ids.length > IDS_SHOWN ? `${named} and ${ids.length - IDS_SHOWN} more` : named;
}

function similaritySection(similarity) {
  if (similarity.length === 0) {
    return `<section id="similarity">
<h2>Similar submissions</h2>
<p class="muted">No pair of submissions shares enough code to list.</p>
</section>`;
  }
  const pairs = similarity.map((pair) => {
    const matches = pair.matches.map((match) => `<div class="match">
${matchSide(pair.a, match.fileA, match.linesA, match.textA)}
${matchSide(pair.b, match.fileB, match.linesB, match.textB)}
</div>`);
    return `<article class="pair">
<h3><code>${escapeHtml(pair.a)}</code> and <code>${escapeHtml(pair.b)}</code></h3>
<p>${Math.round(pair.score * 100)}% similar: ${plural(pair.shared, "shared fingerprint")}, ${plural(pair.matches.length, "matching region")} shown.</p>
${matches.join("\n")}
</article>`;
  });
  return `<section id="similarity">
<h2>Similar submissions</h2>
<p>Token fingerprints (MOSS's winnowing) with names, literals, comments and layout ignored, and the handout's code excluded. The score is the share of the smaller submission's fingerprints found in the other. A high score asks for a look, not a verdict.</p>
${pairs.join("\n")}
</section>`;
}

function matchSide(id, file, [first, last], text) {
  const lines = last - first + 1;
  const shownLines = text.split("\n").length;
  const cut = shownLines < lines ? ` <span class="muted">(first ${shownLines} of ${lines} lines)</span>` : "";
  return `<div class="side">
<h4><code>${escapeHtml(id)}</code> ${escapeHtml(file)}:${first}–${last}${cut}</h4>
<pre>${escapeHtml(text)}</pre>
</div>`;
}

/** "1 point", "2 points". */
function plural(count, noun) {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

function mean(values) {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

/** The middle value of sorted `values`, or the mean of the middle two. */
function median(sorted) {
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** A number with at most `digits` decimals and no trailing zeros: 3, 2.5, 0.33. */
function format(value, digits = 2) {
  return String(Number(value.toFixed(digits)));
}

const STYLE = `
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1b1b1b; background: #fff; margin: 0; }
main { max-width: 1100px; margin: 0 auto; padding: 24px; }
h1 { margin-bottom: 0; }
h2 { border-bottom: 1px solid #ddd; padding-bottom: 4px; margin-top: 32px; }
.muted { color: #666; font-weight: normal; }
table { border-collapse: collapse; }
th, td { text-align: left; padding: 3px 10px 3px 0; vertical-align: top; }
table.summary th { font-weight: 600; }
td.ids { color: #444; font-size: 12px; max-width: 220px; }
td.count { font-variant-numeric: tabular-nums; text-align: right; padding-right: 14px; }
pre { margin: 0; font: 12px/1.4 ui-monospace, SFMono-Regular, Menlo, monospace; }
pre.reason { white-space: pre-wrap; word-break: break-word; }
svg text { font: 11px system-ui, sans-serif; fill: #333; }
svg .bar { fill: #3b6ea8; }
svg .track { fill: #eef1f5; }
svg .axis { stroke: #999; }
figure { margin: 0; }
figcaption { color: #666; margin-top: 4px; }
.pair { border: 1px solid #ddd; border-radius: 6px; padding: 8px 12px; margin: 16px 0; }
.match { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; margin: 10px 0; }
.side { min-width: 0; }
.side h4 { margin: 0 0 4px; font-weight: 600; font-size: 12px; }
.side pre { background: #f6f8fa; padding: 6px; overflow-x: auto; }
`;
