import { defineConfig } from "vite";

// `npm run dev` serves the dashboard with hot reload and sends /v1/ to a running server's web port.
export default defineConfig({
  base: "./",
  build: { outDir: "dist", emptyOutDir: true, chunkSizeWarningLimit: 1200 },
  server: {
    proxy: { "/v1": process.env.LOCALVISION_WEB ?? "http://127.0.0.1:8080" },
  },
});
