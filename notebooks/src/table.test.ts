import { describe, expect, it } from "vitest";
import { htmlTable, textTable } from "./table.js";

const table = { headers: ["framework", "accuracy"], rows: [["MyTorch", "86.9%"], ["TF.js <cpu>", "85%"]] };

describe("tables", () => {
  it("text: columns padded to the widest cell", () => {
    expect(textTable(table)).toBe(
      ["framework    accuracy", "───────────  ────────", "MyTorch      86.9%", "TF.js <cpu>  85%"].join("\n"),
    );
  });

  it("HTML: escaped cells and a caption", () => {
    const html = htmlTable(table, "Results");
    expect(html).toContain("<caption");
    expect(html).toContain("<td style=\"text-align:left\">TF.js &lt;cpu&gt;</td>");
  });

  it("rejects a row of the wrong length", () => {
    expect(() => textTable({ headers: ["a", "b"], rows: [["1"]] })).toThrow(/^textTable: row 0 has 1 cells but there are 2 headers$/);
  });
});
