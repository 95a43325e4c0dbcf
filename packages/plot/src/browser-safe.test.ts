import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// @mytorch/plot must run in a browser: no Node modules or globals, no DOM either (it returns strings).
const here = dirname(fileURLToPath(import.meta.url));
const sources = readdirSync(here).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"));

describe("browser safety", () => {
  it.each(sources)("%s imports no node: module and uses no process, Buffer, require or document", (file) => {
    const code = readFileSync(join(here, file), "utf8").replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, "");
    expect(code).not.toMatch(/from\s+"node:|from\s+"(fs|zlib|path|os)"/);
    expect(code).not.toMatch(/\b(process|Buffer|require|document|window)\s*[.(]/);
  });
});
