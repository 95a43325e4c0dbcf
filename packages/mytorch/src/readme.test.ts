import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as mytorch from "./index.js";

/** The code block that follows the "example:train-mlp1" marker in the root README. */
function readmeExample(): string {
  const readme = readFileSync(new URL("../../../README.md", import.meta.url), "utf8");
  const marker = readme.indexOf("<!-- example:train-mlp1");
  expect(marker, "README has the example marker").toBeGreaterThanOrEqual(0);
  const match = /```ts\n([\s\S]*?)```/.exec(readme.slice(marker));
  expect(match, "README has a ts block after the marker").not.toBeNull();
  return match![1]!;
}

describe("README example", () => {
  it("runs as written and the loss falls below 1e-3", () => {
    const code = readmeExample();
    const importLine = /^import \{([^}]+)\} from "mytorch";$/m.exec(code);
    expect(importLine, "the example imports from mytorch").not.toBeNull();
    const body = code.replace(importLine![0], `const {${importLine![1]}} = mytorch;`);
    const lines: string[] = [];
    const log = (line: string) => lines.push(line);
    new Function("mytorch", "console", body)(mytorch, { log });
    expect(lines[0]).toMatch(/^step 0: loss 0\.\d+$/);
    const last = Number(/loss ([\d.]+)$/.exec(lines.at(-1)!)![1]);
    expect(lines.at(-1)).toMatch(/^step 2000: /);
    expect(last).toBeLessThan(1e-3);
  });
});

describe("README train --help", () => {
  it("shows exactly what `pnpm train --help` prints", async () => {
    const { trainHelp } = await import("./cli/train-options.js");
    const readme = readFileSync(new URL("../../../README.md", import.meta.url), "utf8");
    const marker = readme.indexOf("<!-- train-help");
    expect(marker, "README has the train-help marker").toBeGreaterThanOrEqual(0);
    const block = /```\n\$ pnpm train --help\n([\s\S]*?)```/.exec(readme.slice(marker));
    expect(block, "README has the help block after the marker").not.toBeNull();
    expect(block![1]).toBe(trainHelp());
  });
});
