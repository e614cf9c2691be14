import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: ["packages/core", "packages/server", "packages/web"],
    // Two workers suit a two-core machine; each server suite opens its own PGlite instance.
    maxWorkers: 2,
  },
});
