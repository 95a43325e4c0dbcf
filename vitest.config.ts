import { defineConfig } from "vitest/config";

// Runs every package's suite in one vitest process (used by the grader);
// each package also runs alone with `pnpm --filter <name> test`.
export default defineConfig({
  test: {
    projects: ["packages/*"],
  },
});
