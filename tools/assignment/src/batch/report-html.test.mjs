import { describe, expect, it } from "vitest";
import { escapeHtml, failureGroups, reasonKey, renderReport } from "./report-html.mjs";

const problems = [
  { id: "1(a)", title: "Linear constructor", points: 1 },
  { id: "1(b)", title: "Linear.forward", points: 2 },
  { id: "1(c)", title: "Linear.backward", points: 4 },
];
const notImplemented = "NotImplementedError: Linear.backward is not implemented yet (Problem 1(c))";
const row = (id, scores, failures = {}, seconds = 10) => ({
  id,
  total: Object.values(scores).reduce((sum, s) => sum + s, 0),
  scores,
  status: "graded",
  seconds,
  failures,
});
const rows = [
  row("ada", { "1(a)": 1, "1(b)": 2, "1(c)": 4 }),
  row("bo", { "1(a)": 1, "1(b)": 2, "1(c)": 4 }, {}, 31.5),
  row("cy", { "1(a)": 1, "1(b)": 0, "1(c)": 0 }, {
    "1(b)": "matches the reference for A 4×3 → O 4×2: O: 4×2, max |diff| 3.1e-1, worst at (2, 1): got 0.52, expected 0.21; tolerance 1e-6",
    "1(c)": notImplemented,
  }),
  row("di", { "1(a)": 1, "1(b)": 0, "1(c)": 4 }, {
    "1(b)": "matches the reference for A 5×3 → O 5×2: O: 5×2, max |diff| 4e-1, worst at (0, 0): got 0.7, expected 0.3; tolerance 1e-6",
  }),
  { id: "ed", total: 0, scores: {}, status: "error", reason: "zip entry escapes the submission: ../../etc/passwd", seconds: 0.2, failures: {} },
  row("<script>alert(1)</script>", { "1(a)": 0, "1(b)": 2, "1(c)": 4 }, { "1(a)": "W has <script>steal()</script> & \"quotes\"" }),
];
const similarity = [{
  a: "ada",
  b: "bo",
  shared: 42,
  score: 0.9375,
  matches: [
    { fileA: "packages/linear/src/linear.ts", linesA: [40, 90], fileB: "packages/linear/src/linear.ts", linesB: [41, 44],
      textA: "for (let i = 0; i < n; i++) {\n  s += a[i] && b[i];\n}", textB: "for (let r = 0; r < m; r++) {\n  t += x[r] && y[r];\n}\n" },
  ],
}];
const html = renderReport({ title: "Homework 1 <grades>", generatedAt: new Date("2025-01-02T03:04:05Z"), problems, rows, similarity });

/** The open tags left unclosed (or closed out of order) in `text`; void and self-closing tags aside. */
function unbalancedTags(text) {
  const voids = new Set(["meta", "br", "hr", "img", "input", "link"]);
  const open = [];
  for (const [, closing, name, selfClosing] of text.matchAll(/<(\/?)([a-zA-Z][\w-]*)\b[^>]*?(\/?)>/g)) {
    if (voids.has(name) || selfClosing) continue;
    if (!closing) open.push(name);
    else if (open.at(-1) === name) open.pop();
    else return [...open, `</${name}>`];
  }
  return open;
}

/** The histogram's bars as { total → [count, height] }. */
function histogramBars(text) {
  const bars = new Map();
  for (const [rect] of text.matchAll(/<rect class="bar"[^>]*data-total="[^"]*"[^>]*>/g)) {
    const attribute = (name) => Number(new RegExp(`${name}="([^"]*)"`).exec(rect)[1]);
    bars.set(attribute("data-total"), [attribute("data-count"), attribute("height")]);
  }
  return bars;
}

describe("report HTML", () => {
  it("is one balanced document with its sections and nothing fetched or run", () => {
    expect(html.startsWith("<!DOCTYPE html>\n<html lang=\"en\">")).toBe(true);
    expect(unbalancedTags(html)).toEqual([]);
    for (const tag of ["html", "head", "body", "main"]) {
      expect(html.match(new RegExp(`<${tag}[ >]`, "g"))).toHaveLength(1);
      expect(html.match(new RegExp(`</${tag}>`, "g"))).toHaveLength(1);
    }
    for (const id of ["summary", "histogram", "pass-rates", "failures", "similarity"]) expect(html).toContain(`<section id="${id}">`);
    expect(html).not.toMatch(/<script|<link|src=|href=|@import|url\(/i);
  });

  it("escapes whatever a student wrote: ids, reasons, titles, source", () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain("<code>&lt;script&gt;alert(1)&lt;/script&gt;</code>");
    expect(html).toContain("W has &lt;script&gt;steal()&lt;/script&gt; &amp; &quot;quotes&quot;");
    expect(html).toContain("<title>Homework 1 &lt;grades&gt;</title>");
    expect(html).toContain("for (let i = 0; i &lt; n; i++) {\n  s += a[i] &amp;&amp; b[i];\n}");
    expect(escapeHtml(`<a href='x'>&</a>`)).toBe("&lt;a href=&#39;x&#39;&gt;&amp;&lt;/a&gt;");
  });

  it("summarises the graded scores and lists the errors with their reasons", () => {
    // Graded totals: 7, 7, 1, 5, 6 → mean 5.2, median 6.
    const summary = html.slice(html.indexOf('<section id="summary">'), html.indexOf('<section id="histogram">'));
    expect(summary).toContain("<tr><th>Submissions</th><td>6</td></tr>");
    expect(summary).toContain("<tr><th>Graded</th><td>5</td></tr>");
    expect(summary).toContain("<tr><th>Errors</th><td>1</td></tr>");
    expect(summary).toContain("<tr><th>Mean</th><td>5.2 / 7</td></tr>");
    expect(summary).toContain("<tr><th>Median</th><td>6 / 7</td></tr>");
    expect(summary).toContain("<tr><th>Min</th><td>1 / 7</td></tr>");
    expect(summary).toContain("<tr><th>Max</th><td>7 / 7</td></tr>");
    expect(summary).toContain("<li><code>ed</code>: zip entry escapes the submission: ../../etc/passwd</li>");
    expect(summary).toContain("the slowest, <code>bo</code>, 31.5 s.");
  });

  it("draws one histogram bar per total 0..7, height proportional to the count", () => {
    const bars = histogramBars(html);
    expect([...bars.keys()]).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    // Two students at 7 make the full 160 px bar; one student is half of it.
    expect(Object.fromEntries(bars)).toEqual({
      0: [0, 0], 1: [1, 80], 2: [0, 0], 3: [0, 0], 4: [0, 0], 5: [1, 80], 6: [1, 80], 7: [2, 160],
    });
    expect(html).toContain("5 graded submissions; 1 not graded (errors) are left out.");
  });

  it("gives each sub-problem's pass rate over the graded submissions", () => {
    const rates = Object.fromEntries([...html.matchAll(/<g data-problem="([^"]*)" data-rate="([^"]*)">/g)].map(([, id, rate]) => [id, Number(rate)]));
    expect(rates).toEqual({ "1(a)": 0.8, "1(b)": 0.6, "1(c)": 0.8 });
    expect(html).toMatch(/<rect class="bar" x="300" y="\d+" width="192" height="16"\/>\n<text [^>]*>60%<\/text>/);
  });

  it("groups first failure reasons that differ only in their numbers", () => {
    expect(reasonKey("worst at (2, 1): got 0.52, expected 0.21; tolerance 1e-6.")).toBe("worst at (#, #): got #, expected #; tolerance #.");
    expect(reasonKey("got -0.7,\n  expected 3")).toBe(reasonKey("got 0.52, expected 0.21"));
    expect(reasonKey(notImplemented)).toBe("NotImplementedError: Linear.backward is not implemented yet (Problem #(c))");
    expect(reasonKey("mlp4 failed")).toBe("mlp4 failed"); // digits inside a name are part of it

    const graded = rows.filter((r) => r.status === "graded");
    const [linear1a, linear1b, linear1c] = failureGroups(problems, graded);
    expect(linear1a.failed).toBe(1);
    expect(linear1b.failed).toBe(2);
    expect(linear1b.groups).toHaveLength(1);
    expect(linear1b.groups[0].count).toBe(2);
    expect(linear1b.groups[0].example).toBe(rows[2].failures["1(b)"]);
    expect(linear1b.groups[0].ids).toEqual(["cy", "di"]);
    expect(linear1c.groups).toEqual([{ key: reasonKey(notImplemented), count: 1, example: notImplemented, ids: ["cy"] }]);

    const failures = html.slice(html.indexOf('<section id="failures">'), html.indexOf('<section id="similarity">'));
    expect(failures).toContain("<p>2 of 5 missed these points.");
    expect(failures).toContain(`<td class="count">2</td><td><pre class="reason">matches the reference for A 4×3 → O 4×2: O: 4×2, max |diff| 3.1e-1, worst at (2, 1): got 0.52, expected 0.21; tolerance 1e-6</pre></td><td class="ids"><code>cy</code>, <code>di</code></td>`);
    expect(failures).not.toContain("got 0.7, expected 0.3"); // one example per group
  });

  it("shows at most five reason groups per sub-problem, the most frequent first, and counts the rest", () => {
    // Eight share one reason, six have one each.
    const many = Array.from({ length: 14 }, (_, i) => row(`s${i}`, { "1(a)": 0 }, { "1(a)": i < 8 ? "W is undefined" : `failure kind ${String.fromCharCode(97 + i)}` }));
    const page = renderReport({ title: "t", generatedAt: "now", problems: problems.slice(0, 1), rows: many });
    const counts = [...page.matchAll(/<td class="count">(\d+)<\/td>/g)].map(([, count]) => Number(count));
    expect(counts).toEqual([8, 1, 1, 1, 1]);
    expect(page).toContain("and 2 other reasons (2 submissions).");
    expect(page).toContain(`<td class="ids"><code>s0</code>, <code>s1</code>, <code>s2</code>, <code>s3</code>, <code>s4</code>, <code>s5</code> and 2 more</td>`);
  });

  it("shows each similar pair's regions side by side, cut regions marked", () => {
    const section = html.slice(html.indexOf('<section id="similarity">'));
    expect(section).toContain("<h3><code>ada</code> and <code>bo</code></h3>");
    expect(section).toContain("94% similar: 42 shared fingerprints, 1 matching region shown.");
    const match = /<div class="match">\n<div class="side">\n<h4>(.*)<\/h4>\n<pre>([^<]*)<\/pre>\n<\/div>\n<div class="side">\n<h4>(.*)<\/h4>\n<pre>([^<]*)<\/pre>/.exec(section);
    expect(match[1]).toBe(`<code>ada</code> packages/linear/src/linear.ts:40–90 <span class="muted">(first 3 of 51 lines)</span>`);
    expect(match[2]).toContain("s += a[i] &amp;&amp; b[i];");
    expect(match[3]).toBe("<code>bo</code> packages/linear/src/linear.ts:41–44");
    expect(match[4]).toContain("t += x[r] &amp;&amp; y[r];");
  });

  it("says so when no pair is similar, and survives a class with nothing graded", () => {
    const page = renderReport({ title: "t", generatedAt: "now", problems, rows: [rows[4]] });
    expect(page).toContain("No pair of submissions shares enough code to list.");
    expect(page).toContain("<tr><th>Mean</th><td>– / 7</td></tr>");
    expect(unbalancedTags(page)).toEqual([]);
  });
});
