import { escapeHtml } from "./format.js";

/** A table of text cells: column headers and rows of the same length. */
export interface Table {
  headers: readonly string[];
  rows: readonly (readonly string[])[];
}

function checkTable(call: string, table: Table): void {
  table.rows.forEach((row, i) => {
    if (row.length !== table.headers.length) {
      throw new RangeError(`${call}: row ${i} has ${row.length} cells but there are ${table.headers.length} headers`);
    }
  });
}

/** The table as HTML (cells escaped), for tslab.display.html. */
export function htmlTable(table: Table, caption?: string): string {
  checkTable("htmlTable", table);
  const th = table.headers.map((h) => `<th style="text-align:left">${escapeHtml(h)}</th>`).join("");
  const body = table.rows.map((row) => `<tr>${row.map((c) => `<td style="text-align:left">${escapeHtml(c)}</td>`).join("")}</tr>`);
  const head = caption === undefined ? "" : `<caption style="text-align:left;font-weight:bold">${escapeHtml(caption)}</caption>`;
  return `<table>${head}<thead><tr>${th}</tr></thead><tbody>${body.join("")}</tbody></table>`;
}

/** The table as aligned plain text, for console.log. */
export function textTable(table: Table): string {
  checkTable("textTable", table);
  const widths = table.headers.map((h, j) => Math.max(h.length, ...table.rows.map((row) => row[j]!.length)));
  const line = (cells: readonly string[]): string => cells.map((c, j) => c.padEnd(widths[j]!)).join("  ").trimEnd();
  return [line(table.headers), line(widths.map((w) => "─".repeat(w))), ...table.rows.map(line)].join("\n");
}
