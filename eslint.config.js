// Lint rules for every package: TypeScript's recommended set, and no `any`.
import { existsSync } from "node:fs";
import js from "@eslint/js";
import tseslint from "typescript-eslint";

// In the student handout (marked by a HANDOUT file) every stub leaves its
// parameters unused until the student writes the body: warn there, not fail.
const isHandout = existsSync(new URL("./HANDOUT", import.meta.url));

export default tseslint.config(
  { ignores: ["**/dist/**", "**/node_modules/**", "out/**", ".tools/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts"],
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-non-null-assertion": "off",
      "@typescript-eslint/no-unused-vars": [isHandout ? "warn" : "error", { argsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["**/*.mjs", "**/*.js"],
    languageOptions: {
      globals: Object.fromEntries(
        ["process", "console", "setTimeout", "clearTimeout", "setInterval", "clearInterval", "URL", "Buffer", "performance", "structuredClone"].map((name) => [name, "readonly"]),
      ),
    },
  },
);
