import { compareMatrices, compareNumbers, type Matrix, type Tolerance } from "@mytorch/matrix";
import { escapeHtml, formatDiff, formatMatrix, formatNumber } from "./format.js";

/** Where a report shows its table: `tslab.display` in a notebook. */
export interface Display {
  html(html: string): void;
}

/** One row of a report. */
export interface CheckResult {
  name: string;
  /** What an independent source says should come out. */
  expected: string;
  /** What came out (or the error the code threw). */
  got: string;
  /** Largest |got − expected|; null where a difference does not apply. */
  maxDiff: number | null;
  tolerance: string;
  ok: boolean;
  /** Why it failed, in one line; "" when it passed. */
  detail: string;
}

/** What a check's run function found. */
export interface Outcome {
  got: string;
  ok: boolean;
  maxDiff?: number;
  tolerance?: string;
  detail?: string;
}

/** Thrown by `finish` and `printSummary` when a check failed, so the notebook's execution fails. */
export class CheckFailure extends Error {
  override name = "CheckFailure";
}

/** Every report finished in this kernel, for the summary at the end of a notebook. */
const finished = new Map<string, { passed: number; total: number }>();

/**
 * The checks of one sub-problem, shown as a table (expected, got, max |diff|,
 * tolerance, PASS/FAIL). Checks never throw: an error thrown by the code under
 * test is a FAIL with its message. `finish` shows the table and throws a
 * CheckFailure naming every failed check.
 *
 * @example
 * const report = new CheckReport("Problem 1(b) Linear.forward");
 * report.matrix("O for A 4×3", () => layer.forward(A), O, { atol: 1e-12, rtol: 1e-12 });
 * report.finish(tslab.display);
 */
export class CheckReport {
  readonly title: string;
  readonly results: CheckResult[] = [];

  constructor(title: string) {
    this.title = title;
  }

  /** The general check: `run` says what came out and whether that is right. */
  check(name: string, expected: string, run: () => Outcome, tolerance = "—"): this {
    let outcome: Outcome;
    try {
      outcome = run();
    } catch (error) {
      outcome = { got: `threw ${describeError(error)}`, ok: false, detail: describeError(error) };
    }
    this.results.push({
      name,
      expected,
      got: outcome.got,
      maxDiff: outcome.maxDiff ?? null,
      tolerance: outcome.tolerance ?? tolerance,
      ok: outcome.ok,
      detail: outcome.ok ? "" : (outcome.detail ?? `expected ${expected}, got ${outcome.got}`),
    });
    return this;
  }

  /** actual() ≈ expected entry by entry: |got − expected| ≤ atol + rtol·|expected|. */
  matrix(name: string, actual: () => Matrix, expected: Matrix | (() => Matrix), tolerance: Tolerance): this {
    const reference = evaluate(expected);
    if ("error" in reference) return this.pushUnavailable(name, reference.error);
    return this.check(name, formatMatrix(reference.value), () => {
      const got = actual();
      const comparison = compareMatrices(got, reference.value, tolerance);
      return {
        got: formatMatrix(got),
        ok: comparison.ok,
        maxDiff: comparison.maxAbsDiff,
        tolerance: comparison.tolerance,
        detail: comparison.message,
      };
    });
  }

  /** actual() ≈ expected: |got − expected| ≤ atol + rtol·|expected|. */
  number(name: string, actual: () => number, expected: number | (() => number), tolerance: Tolerance): this {
    const reference = evaluate(expected);
    if ("error" in reference) return this.pushUnavailable(name, reference.error);
    return this.check(name, formatNumber(reference.value), () => {
      const got = actual();
      const comparison = compareNumbers(got, reference.value, tolerance);
      return {
        got: formatNumber(got),
        ok: comparison.ok,
        maxDiff: comparison.maxAbsDiff,
        tolerance: comparison.tolerance,
        detail: comparison.message,
      };
    });
  }

  /** run() throws an error whose message matches `pattern` (and is a `kind`, if given). */
  throws(name: string, run: () => unknown, pattern: RegExp, kind?: abstract new (...args: never[]) => Error): this {
    const expected = `throws ${kind?.name ?? "an error"} matching ${String(pattern)}`;
    let outcome: Outcome;
    try {
      run();
      outcome = { got: "returned without an error", ok: false };
    } catch (error) {
      const rightKind = kind === undefined || error instanceof kind;
      const message = error instanceof Error ? error.message : String(error);
      outcome = { got: `threw ${describeError(error)}`, ok: rightKind && pattern.test(message) };
    }
    return this.check(name, expected, () => outcome);
  }

  get passed(): number {
    return this.results.filter((r) => r.ok).length;
  }

  get ok(): boolean {
    return this.results.length > 0 && this.passed === this.results.length;
  }

  /** One line: "Problem 1(b) Linear.forward: 9/9 checks PASS". */
  summaryLine(): string {
    const total = this.results.length;
    if (total === 0) return `${this.title}: no checks ran — FAIL`;
    return this.ok
      ? `${this.title}: ${total}/${total} checks PASS`
      : `${this.title}: ${total - this.passed} of ${total} checks FAILED`;
  }

  /** The report as plain text: one line per check, the reason under each failure, the summary. */
  text(): string {
    const width = Math.max(...this.results.map((r) => r.name.length), 10);
    const lines = [this.title];
    for (const r of this.results) {
      const diff = r.maxDiff === null ? "" : `  max |diff| ${formatDiff(r.maxDiff)}`;
      lines.push(`  ${r.ok ? "PASS" : "FAIL"}  ${r.name.padEnd(width)}${diff}`.trimEnd());
      if (!r.ok) lines.push(`        ${r.detail}`);
    }
    lines.push(this.summaryLine());
    return lines.join("\n");
  }

  /** The report as an HTML table. */
  html(): string {
    const cell = (text: string, style = ""): string => `<td style="text-align:left;${style}">${escapeHtml(text)}</td>`;
    const rows = this.results.map((r) => {
      const verdict = r.ok ? cell("PASS", "color:#1a7f37;font-weight:bold") : cell("FAIL", "color:#cf222e;font-weight:bold");
      const got = r.ok ? cell(r.got) : `<td style="text-align:left">${escapeHtml(r.got)}<br><small>${escapeHtml(r.detail)}</small></td>`;
      return `<tr>${cell(r.name)}${cell(r.expected, "font-family:monospace")}${got}${cell(formatDiff(r.maxDiff), "font-family:monospace")}${cell(r.tolerance)}${verdict}</tr>`;
    });
    const header = ["check", "expected", "got", "max |diff|", "tolerance", "result"].map((h) => `<th style="text-align:left">${h}</th>`).join("");
    const colour = this.ok ? "#1a7f37" : "#cf222e";
    return [
      `<table>`,
      `<caption style="text-align:left;font-weight:bold">${escapeHtml(this.title)}</caption>`,
      `<thead><tr>${header}</tr></thead>`,
      `<tbody>${rows.join("")}</tbody>`,
      `</table>`,
      `<p style="color:${colour};font-weight:bold">${escapeHtml(this.summaryLine())}</p>`,
    ].join("\n");
  }

  /**
   * Shows the table (on `display`, e.g. tslab.display) and the text, records
   * the result for printSummary, and throws a CheckFailure naming every failed
   * check, so the notebook's execution fails.
   */
  finish(display?: Display): void {
    display?.html(this.html());
    console.log(this.text());
    finished.set(this.title, { passed: this.passed, total: this.results.length });
    if (this.ok) return;
    const failed = this.results.filter((r) => !r.ok).map((r) => `  ✗ ${r.name}: ${r.detail}`);
    if (this.results.length === 0) failed.push("  ✗ no checks ran");
    throw new CheckFailure(`${this.summaryLine()}\n${failed.join("\n")}`);
  }

  /** A FAIL row for a check whose expected value could not be computed. */
  private pushUnavailable(name: string, error: unknown): this {
    const text = `could not compute the expected value: ${describeError(error)}`;
    this.results.push({ name: name, expected: "—", got: "—", maxDiff: null, tolerance: "—", ok: false, detail: text });
    return this;
  }
}

/**
 * One line per sub-problem of the notebook and a last line for the problem,
 * printed; throws a CheckFailure if any sub-problem failed or did not finish.
 */
export function printSummary(problem: string, titles: readonly string[]): void {
  const lines: string[] = [];
  let bad = 0;
  let checks = 0;
  for (const title of titles) {
    const result = finished.get(title);
    if (result === undefined) {
      bad++;
      lines.push(`FAIL  ${title}: did not finish (see the error in its cell)`);
    } else if (result.passed < result.total || result.total === 0) {
      bad++;
      lines.push(`FAIL  ${title}: ${result.total - result.passed} of ${result.total} checks FAILED`);
    } else {
      checks += result.total;
      lines.push(`PASS  ${title}: ${result.total}/${result.total} checks`);
    }
  }
  lines.push(
    bad === 0
      ? `${problem}: all ${checks} checks PASS in ${titles.length} ${titles.length === 1 ? "sub-problem" : "sub-problems"}`
      : `${problem}: ${bad} of ${titles.length} sub-problems FAILED`,
  );
  const text = lines.join("\n");
  console.log(text);
  if (bad > 0) throw new CheckFailure(text);
}

/** Forgets the finished reports (for tests). */
export function clearFinished(): void {
  finished.clear();
}

function evaluate<T>(value: T | (() => T)): { value: T } | { error: unknown } {
  try {
    return { value: typeof value === "function" ? (value as () => T)() : value };
  } catch (error) {
    return { error };
  }
}

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
