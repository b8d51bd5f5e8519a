import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import postgres from "postgres";
import { afterEach, describe, expect, it, vi } from "vitest";
import { type DatabaseHandle, openDatabase } from "@/db/client";
import { acquireDataDirLock } from "@/db/data-dir-lock";
import { createImportRecord } from "@/db/queries/imports";
import { imports } from "@/db/schema";
import { startOutageProxy } from "@/db/testing-proxy";

const serverUrl = process.env.TEST_DATABASE_URL;
const savedEnv = { ...process.env };
const cleanups: (() => Promise<unknown> | unknown)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  process.env = { ...savedEnv };
  vi.restoreAllMocks();
});

/** The start-up module as a fresh server process would load it, with its own environment. */
async function loadServer(vars: Record<string, string>) {
  Object.assign(process.env, vars);
  vi.resetModules();
  const shared = globalThis as { encaisseDb?: Promise<DatabaseHandle> };
  delete shared.encaisseDb;
  cleanups.push(async () => {
    const handle = await shared.encaisseDb?.catch(() => null);
    await handle?.close();
    delete shared.encaisseDb;
  });
  return import("./embedded");
}

async function leftRunningImport(db: DatabaseHandle["db"]): Promise<string> {
  const id = await createImportRecord(db, { kind: "documents", fileName: "pieces.csv", fileHash: "h", mode: "incremental", userId: null });
  await db.update(imports).set({ status: "running", heartbeatAt: sql`now() - interval '1 hour'` }).where(eq(imports.id, id));
  return id;
}

async function statusOf(db: DatabaseHandle["db"], id: string) {
  return (await db.select({ status: imports.status }).from(imports).where(eq(imports.id, id)))[0].status;
}

async function waitFor(check: () => Promise<boolean>, timeoutMs = 20_000) {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("délai dépassé");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("server start-up", () => {
  it("a second server on the same embedded database exits non-zero with the French reason", () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "encaisse-busy-"));
    const release = acquireDataDirLock(path.join(dataDir, "pglite"));
    cleanups.push(release);
    const child = spawnSync(
      path.resolve("node_modules/.bin/tsx"),
      ["-e", 'import("./inngest/embedded.ts").then((m) => m.startEmbeddedServices(0)).then(() => setTimeout(() => {}, 60_000))'],
      { env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "", JOBS_IN_PROCESS: "off" }, encoding: "utf8", timeout: 60_000 },
    );
    expect(child.status).toBe(1);
    expect(child.stderr).toContain(`est déjà ouverte par un autre processus (pid ${process.pid})`);
  });

  it("closes the imports a previous process left running, on the embedded database", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "encaisse-startup-"));
    const before = await openDatabase({ dataDir });
    const id = await leftRunningImport(before.db);
    await before.close();

    const { startEmbeddedServices } = await loadServer({ DATA_DIR: dataDir, DATABASE_URL: "", JOBS_IN_PROCESS: "off" });
    await startEmbeddedServices(0);
    const { getDb } = await import("@/db/client");
    expect(await statusOf(await getDb(), id)).toBe("failed");
    expect(JSON.parse(fs.readFileSync(path.join(dataDir, "server.json"), "utf8")).pid).toBe(process.pid);
  });

  it.runIf(serverUrl)("started while PostgreSQL is down, says so in French and starts once it answers", async () => {
    const name = `encaisse_test_${randomUUID().replaceAll("-", "")}`;
    const admin = postgres(serverUrl!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    cleanups.push(async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    });
    const direct = new URL(serverUrl!);
    direct.pathname = `/${name}`;
    const check = await openDatabase({ databaseUrl: direct.toString() });
    cleanups.push(() => check.close());
    const id = await leftRunningImport(check.db);

    const proxy = await startOutageProxy(serverUrl!, { listening: false });
    cleanups.push(() => proxy.cut());
    const logged: string[] = [];
    vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(" ")));

    const { startEmbeddedServices } = await loadServer({ DATABASE_URL: proxy.url(name), JOBS_IN_PROCESS: "off" });
    await startEmbeddedServices(0, { firstRetryMs: 100 });
    expect(logged[0]).toMatch(/^\[démarrage\] La base de données ne répond pas \(.*ECONNREFUSED.*\) : nouvel essai dans 100 ms\./);
    const { getDatabase } = await import("@/db/client");
    await expect(getDatabase()).rejects.toThrow();
    expect(await statusOf(check.db, id)).toBe("running");

    await proxy.restore();
    await waitFor(async () => (await statusOf(check.db, id)) === "failed");
    expect(logged).toContain("[démarrage] La base de données répond de nouveau.");
    expect((await getDatabase()).kind).toBe("postgres");
  });
});
