// Runs the tests of one suite in a vitest process of its own, under a
// wall-clock limit, and collects the results the IPC reporter sends.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const reporter = join(dirname(fileURLToPath(import.meta.url)), "ipc-reporter.mjs");

/** A regular expression that matches `text` literally. */
export function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The vitest entry point installed in `workspace`. */
function vitestEntry(workspace) {
  const require = createRequire(join(workspace, "package.json"));
  return join(dirname(require.resolve("vitest/package.json")), "vitest.mjs");
}

/**
 * @typedef {{ file: string, suites: string[], name: string, state: string, errors: string[] }} TestResult
 * @typedef {{ tests: TestResult[], timedOut: boolean, crashed: string | null, seconds: number }} SuiteRun
 */

/**
 * Runs the tests named `suite …` in `files` (paths relative to `workspace`).
 * Kills the whole process group after `timeoutMs`. Never throws for what the
 * tests do; the outcome is in the returned SuiteRun.
 * @returns {Promise<SuiteRun>}
 */
export function runSuite({ workspace, files, suite, timeoutMs }) {
  const started = Date.now();
  const args = [
    vitestEntry(workspace), "run", ...files,
    "--testNamePattern", `^${escapeRegExp(suite)} `,
    "--reporter", reporter,
    "--pool", "forks",
    "--passWithNoTests",
    "--testTimeout", String(timeoutMs),
  ];
  return new Promise((resolvePromise) => {
    const child = spawn(process.execPath, args, {
      cwd: workspace,
      stdio: ["ignore", "pipe", "pipe", "ipc"],
      detached: true, // its own process group, so a timeout kills every worker too
      env: { ...process.env, FORCE_COLOR: "0", NO_COLOR: "1", CI: "true" },
    });
    let tests = null;
    let output = "";
    const keep = (chunk) => {
      output = (output + chunk.toString()).slice(-20_000);
    };
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    child.on("message", (message) => {
      if (message && message.type === "mytorch-test-results" && tests === null) tests = message.tests;
    });
    let timedOut = false;
    const killGroup = () => {
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        // already gone
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, timeoutMs);
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      killGroup(); // leftovers a test may have started
      const seconds = (Date.now() - started) / 1000;
      const crashed = tests === null && !timedOut ? `the test process ended (${signal ?? `exit code ${code}`}) without results:\n${output.trim().split("\n").slice(-15).join("\n")}` : null;
      resolvePromise({ tests: tests ?? [], timedOut, crashed, seconds });
    });
  });
}
