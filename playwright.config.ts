import { defineConfig } from "@playwright/test";

/**
 * End-to-end tests against the production build, served on port 3100 with a fresh demo database
 * (`npm run e2e:server` resets data/e2e.db, migrates, seeds, builds and serves).
 * The tests share that one server and database, so they run one at a time.
 */
export default defineConfig({
  testDir: "tests/e2e",
  workers: 1,
  fullyParallel: false,
  retries: process.env.CI ? 1 : 0,
  reporter: "list",
  use: {
    baseURL: "http://localhost:3100",
    headless: true,
    trace: "retain-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        browserName: "chromium",
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
          ],
        },
      },
    },
  ],
  webServer: {
    command: "npm run e2e:server",
    url: "http://localhost:3100/healthz",
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: "pipe",
  },
});
