import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "~": path.resolve(__dirname, "app") } },
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts"],
    globalSetup: ["tests/support/global-setup.ts"],
    // Each test file gets its own copy of a migrated SQLite database (see tests/support/isolated-db.ts).
    setupFiles: ["tests/support/isolated-db.ts"],
    pool: "forks",
    testTimeout: 20_000,
  },
});
