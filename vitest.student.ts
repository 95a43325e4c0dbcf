import { defineConfig, mergeConfig } from "vitest/config";
import shared from "./vitest.shared.ts";

// The five homework packages' tests (`pnpm --filter @mytorch/linear test`):
// - the package is type-checked first (vitest.typecheck.ts), so a type error in
//   your file shows as TypeScript's message, not as odd values in the tests;
// - an unimplemented stub (NotImplementedError) shows one code frame, the throw
//   in your file, the first time it fails; every later failure from the same
//   stub shows only its message.
const firstError = new Map<string, unknown>();

export default mergeConfig(
  shared,
  defineConfig({
    test: {
      globalSetup: ["../../vitest.typecheck.ts"],
      onStackTrace(error, frame) {
        if (error.name !== "NotImplementedError") return true;
        const owner = firstError.get(error.message);
        if (owner === undefined) firstError.set(error.message, error);
        else if (owner !== error) return false;
        return !/\.test(-helper)?\.ts$/.test(frame.file);
      },
      reporters: ["default", { onTestRunStart: () => firstError.clear() }],
    },
  }),
);
