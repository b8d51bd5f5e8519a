import { defineConfig } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: "fr-FR",
    timezoneId: "Europe/Paris",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromium,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage"],
    },
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    { name: "chromium", dependencies: ["setup"], testIgnore: /auth\.setup\.ts/ },
  ],
  webServer: {
    command: `npx tsx e2e/prepare.ts && npx next build && npx next start -p ${port} -H 127.0.0.1`,
    url: `http://127.0.0.1:${port}/login`,
    timeout: 600_000,
    reuseExistingServer: false,
    // Webhooks go to a receiver the specs start on 127.0.0.1.
    env: { DATA_DIR: "data/e2e", NEXT_DIST_DIR: ".next-e2e", DATABASE_URL: "", JOBS_IN_PROCESS: "off", WEBHOOKS_ALLOW_PRIVATE: "true" },
    stdout: "pipe",
  },
});
