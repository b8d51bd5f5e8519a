import os from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = { "@": path.resolve(import.meta.dirname) };
const postgresUrl = process.env.TEST_DATABASE_URL;

// Integration tests (*.db.test.ts) run on in-memory PGlite, and again on PostgreSQL when TEST_DATABASE_URL is set.
export default defineConfig({
  resolve: { alias },
  test: {
    testTimeout: 60_000,
    // next-auth imports `next/server` without an extension, which only a bundler resolves.
    server: { deps: { inline: ["next-auth"] } },
    // Files the code keeps under DATA_DIR (import error lists) go to a scratch folder, not the app's data.
    env: { DATA_DIR: path.join(os.tmpdir(), "encaisse-vitest") },
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: { name: "pglite", include: ["**/*.test.ts"], exclude: ["node_modules/**", "e2e/**", ".next/**"] },
      },
      ...(postgresUrl
        ? [
            {
              extends: true as const,
              test: {
                name: "postgres",
                include: ["**/*.db.test.ts"],
                exclude: ["node_modules/**", "e2e/**", ".next/**"],
                env: { TEST_DB: "postgres" },
              },
            },
          ]
        : []),
    ],
  },
});
