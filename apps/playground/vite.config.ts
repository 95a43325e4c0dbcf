import { defineConfig } from "vite";

// A static app: relative asset paths (base "./") so dist/ can be served from any path.
export default defineConfig({
  base: "./",
  build: { target: "es2022", outDir: "dist", emptyOutDir: true, chunkSizeWarningLimit: 200 },
  worker: { format: "es" },
  server: { port: 5173 },
});
