// The documented way to open the notebooks (`pnpm jupyter`, notebooks/README.md)
// starts a Jupyter server that offers the project's tslab kernel: started
// headless here, asked for /api/kernelspecs, stopped.
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address !== null ? address.port : 0));
    });
  });
}

describe("pnpm jupyter", () => {
  it("starts Jupyter Notebook with the tslab kernel (GET /api/kernelspecs), and stops", async () => {
    const port = await freePort();
    const token = "mytorch-test";
    const args = ["scripts/jupyter.mjs", "--no-build", "--no-browser", "--ip=127.0.0.1", `--port=${port}`, "--port-retries=0", `--NotebookApp.token=${token}`];
    if (process.getuid?.() === 0) args.push("--allow-root");
    const server = spawn(process.execPath, args, { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
    let log = "";
    server.stdout.on("data", (d) => (log += d));
    server.stderr.on("data", (d) => (log += d));
    try {
      let specs: { kernelspecs: Record<string, { spec: { display_name: string; argv: string[] } }> } | null = null;
      for (let attempt = 0; attempt < 120 && specs === null && server.exitCode === null; attempt++) {
        await new Promise((r) => setTimeout(r, 250));
        try {
          const response = await fetch(`http://127.0.0.1:${port}/api/kernelspecs?token=${token}`);
          if (response.ok) specs = (await response.json()) as typeof specs;
        } catch {
          // not listening yet
        }
      }
      expect(specs, `no answer from the server; its output:\n${log}`).not.toBeNull();
      const tslab = specs!.kernelspecs["tslab"];
      expect(tslab?.spec.display_name).toBe("TypeScript (MyTorch)");
      expect(tslab?.spec.argv.join(" ")).toContain("scripts/tslab-kernel.mjs");
    } finally {
      server.kill("SIGTERM");
      await new Promise((r) => (server.exitCode !== null || server.signalCode !== null ? r(null) : server.once("exit", r)));
    }
  }, 60_000);
});
