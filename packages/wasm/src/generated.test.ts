import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const packageDir = fileURLToPath(new URL("..", import.meta.url));

describe("the committed module", () => {
  it("src/gemm.wat and src/generated/gemm-wasm.ts are what scripts/build-wasm.mjs makes now", () => {
    // Throws (exit code 1, naming the stale file) when they differ.
    execFileSync(process.execPath, ["scripts/build-wasm.mjs", "--check"], { cwd: packageDir, stdio: "pipe" });
  });

  it("the runtime code uses no Node built-ins (it must load in a browser and a worker)", () => {
    const runtime = readdirSync(new URL(".", import.meta.url)).filter(
      (f) => f.endsWith(".ts") && !f.includes(".test") && f !== "bench-cli.ts",
    );
    expect(runtime).toContain("wasm-gemm.ts");
    for (const file of runtime) {
      const text = readFileSync(new URL(file, import.meta.url), "utf8");
      expect(text, file).not.toMatch(/from "node:|require\(|\bprocess\.|\bBuffer\b|\bfetch\(/);
    }
  });
});
