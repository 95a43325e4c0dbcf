import { defineConfig } from "vitest/config";

// Workspace packages export a "source" condition that points at src/, so the
// tests run against the TypeScript sources without a build step.
const conditions = ["source", "module", "node", "development|production"];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    include: ["src/**/*.test.ts"],
    testTimeout: 20_000,
  },
});
