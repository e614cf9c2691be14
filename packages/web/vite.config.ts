import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

/** Where `npm run dev -w @lantern/web` sends API calls: the server started with `npm start`. */
const apiTarget = "http://127.0.0.1:3000";

export default defineConfig({
  plugins: [react()],
  server: {
    host: "127.0.0.1",
    proxy: { "/api": { target: apiTarget, changeOrigin: false } },
  },
  build: {
    outDir: "dist",
    sourcemap: false,
    // The first screen must stay light: feature pages are split with React.lazy.
    chunkSizeWarningLimit: 400,
  },
  test: {
    name: "web",
    // Set here, not on the command line: `vitest --environment` does not override a project.
    environment: "jsdom",
    include: ["src/**/*.test.{ts,tsx}"],
    setupFiles: ["./src/test/setup.ts"],
  },
});
