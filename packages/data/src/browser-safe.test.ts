import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// The core of @mytorch/data must run in a browser: only node.ts may use Node's modules and globals.
const here = dirname(fileURLToPath(import.meta.url));
const core = readdirSync(here).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && f !== "node.ts");

describe("browser safety", () => {
  it.each(core)("%s imports no node: module and uses no process, Buffer or require", (file) => {
    const code = readFileSync(join(here, file), "utf8").replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, "");
    expect(code).not.toMatch(/from\s+"node:|from\s+"(fs|zlib|path|os|worker_threads)"/);
    expect(code).not.toMatch(/\b(process|Buffer|require)\s*[.(]/);
  });
});
