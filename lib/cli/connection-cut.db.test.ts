/**
 * A command whose database connection is cut in the middle of a transaction, with a query queued behind the
 * running one: the driver then neither settles the queued query nor lets its pool close, and throws from its own
 * connection code. The command must still end at once, non-zero, saying the database stopped answering.
 */
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const serverUrl = process.env.TEST_DATABASE_URL;
const onPostgres = process.env.TEST_DB === "postgres" && Boolean(serverUrl);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "encaisse-cut-"));
const dbName = `encaisse_cut_${randomUUID().replaceAll("-", "")}`;
let admin: postgres.Sql | null = null;

const script = path.join(import.meta.dirname, "fixtures", "cut-mid-transaction.ts");

beforeAll(async () => {
  if (!onPostgres) return;
  admin = postgres(serverUrl!, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${dbName}`);
});

afterAll(async () => {
  if (admin) {
    await admin.unsafe(`drop database if exists ${dbName} with (force)`);
    await admin.end();
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Runs the fixture in its own process; resolves with its exit code, output and duration. */
async function runFixture(...args: string[]) {
  const started = Date.now();
  const child = spawn(process.execPath, ["--import", "tsx", script, ...args], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dir, SERVER_URL: serverUrl, DB_NAME: dbName, DATABASE_URL: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => (stdout += chunk));
  child.stderr.on("data", (chunk) => (stderr += chunk));
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  return { code, stdout, stderr, elapsed: Date.now() - started };
}

describe("a command cut from its database mid-transaction", () => {
  it.skipIf(!onPostgres)("ends at once, non-zero, with the database's French message (needs PostgreSQL)", { timeout: 60_000 }, async () => {
    const { code, stderr, elapsed } = await runFixture();
    expect(code, stderr).toBe(1);
    expect(stderr).toContain("La base de données ne répond pas");
    expect(stderr).not.toContain("n'a jamais abouti");
    expect(stderr).not.toMatch(/TypeError|\n\s+at /);
    // The sleep would have ended after 30 s: the command ended because of the cut, not after the query.
    expect(elapsed).toBeLessThan(25_000);
  });

  it.skipIf(!onPostgres)("closes the database even though the driver still waits on the queued query (needs PostgreSQL)", { timeout: 60_000 }, async () => {
    const { code, stdout, stderr, elapsed } = await runFixture("--close");
    expect(code, stderr).toBe(0);
    expect(stdout).toContain("fermé");
    expect(elapsed).toBeLessThan(25_000);
  });
});
