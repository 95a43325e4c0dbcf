import { describe, expect, it } from "vitest";
import { findAll, parseXml } from "./xml.js";

// The checker the chart tests rely on must itself reject malformed documents.
describe("test helper parseXml", () => {
  it("reads elements, attributes and decoded text", () => {
    const root = parseXml('<svg a="1"><text x="2">a &amp; b &lt;c&gt;</text><g><line/></g></svg>');
    expect(root.attributes).toEqual({ a: "1" });
    expect(findAll(root, "text")[0]!.text).toBe("a & b <c>");
    expect(findAll(root, "line")).toHaveLength(1);
  });

  it.each([
    ["unbalanced", "<svg><g></svg>"],
    ["never closed", "<svg><g>"],
    ["bare &", "<svg>a & b</svg>"],
    ["raw >", "<svg>a > b</svg>"],
    ["unquoted attribute", "<svg a=1></svg>"],
    ["quote inside attribute", '<svg a="x"y"></svg>'],
    ["two roots", "<a/><b/>"],
  ])("rejects %s", (_, source) => {
    expect(() => parseXml(source)).toThrow(/^xml: /);
  });
});
