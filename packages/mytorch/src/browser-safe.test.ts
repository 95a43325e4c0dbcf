import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// "mytorch" (index.ts and what it imports from this folder) must run in a browser. Node-only code
// lives in node.ts (the mytorch/node subpath) and cli/ (pnpm train), which index.ts does not import.
const here = dirname(fileURLToPath(import.meta.url));
const core = readdirSync(here).filter((f) => f.endsWith(".ts") && !f.includes(".test") && f !== "node.ts");

describe("browser safety of mytorch", () => {
  it.each(core)("%s imports no node: module, no /node subpath, nothing from cli/, and uses no process or Buffer", (file) => {
    const code = readFileSync(join(here, file), "utf8").replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, "");
    expect(code).not.toMatch(/from\s+"node:|from\s+"[^"]*\/node"|from\s+"\.\/cli\//);
    expect(code).not.toMatch(/\b(process|Buffer|require)\s*[.(]/);
  });
});
