import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as autograd from "./index.js";

/** The code block that follows the "example:autograd" marker in docs/autograd.md. */
function docsExample(): string {
  const docs = readFileSync(new URL("../../../docs/autograd.md", import.meta.url), "utf8");
  const marker = docs.indexOf("<!-- example:autograd");
  expect(marker, "docs/autograd.md has the example marker").toBeGreaterThanOrEqual(0);
  const match = /```ts\n([\s\S]*?)```/.exec(docs.slice(marker));
  expect(match, "a ts block follows the marker").not.toBeNull();
  return match![1]!;
}

describe("docs/autograd.md example", () => {
  it("runs as written, fits XOR and prints a falling loss", () => {
    const code = docsExample();
    const codeLines = code.split("\n").filter((line) => line.trim() !== "" && !line.startsWith("import "));
    expect(codeLines.length, "ten lines after the import").toBeLessThanOrEqual(10);
    const importLine = /^import \{([^}]+)\} from "@mytorch\/autograd";$/m.exec(code);
    expect(importLine, "the example imports from @mytorch/autograd").not.toBeNull();
    const body = code.replace(importLine![0], `const {${importLine![1]}} = autograd;`);
    const lines: string[] = [];
    new Function("autograd", "console", body)(autograd, { log: (line: string) => lines.push(line) });
    expect(lines[0]).toMatch(/^step 0: loss 0\.\d+$/);
    expect(lines.at(-1)).toMatch(/^step 300: loss /);
    expect(Number(/loss ([\d.]+)$/.exec(lines.at(-1)!)![1])).toBeLessThan(0.01);
  });
});
