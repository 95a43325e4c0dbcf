import { defineConfig } from "vitest/config";

// Workspace packages export a "source" condition that points at src/, so the
// tests run against the TypeScript sources without a build step.
const conditions = ["source", "module", "node", "development|production"];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    include: ["src/**/*.test.ts"],
    testTimeout: 60_000, // generous: CI runs suites side by side on 2 cores
  },
});
