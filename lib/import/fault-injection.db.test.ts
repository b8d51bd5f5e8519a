/**
 * Imports run by the command line in a child process, stopped the hard way: killed with SIGKILL at points spread
 * over the import, or cut from its database mid-way. The data must be the before or the after state, and the
 * history must say which.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, openDatabase, queryRows } from "@/db/client";
import { failStaleImports } from "@/db/queries/imports";
import { imports } from "@/db/schema";
import { makeEntity } from "@/db/test-builders";
import { closeInterruptedImports, INTERRUPTED_MESSAGE } from "./interrupted";

const root = path.resolve(import.meta.dirname, "../..");
const serverUrl = process.env.TEST_DATABASE_URL;
const onPostgres = process.env.TEST_DB === "postgres" && Boolean(serverUrl);
const work = fs.mkdtempSync(path.join(os.tmpdir(), "encaisse-fault-"));
const dataDir = path.join(work, "data");

/** A dedicated database: an on-disk PGlite folder, or a throw-away database on the test PostgreSQL server. */
let databaseUrl = "";
let admin: postgres.Sql | null = null;
const dbName = `encaisse_fault_${randomUUID().replaceAll("-", "")}`;

const open = () => openDatabase(onPostgres ? { databaseUrl } : { dataDir });

async function withDatabase<T>(work: (handle: DatabaseHandle) => Promise<T>): Promise<T> {
  const handle = await open();
  try {
    return await work(handle);
  } finally {
    await handle.close();
  }
}

/** `rows` invoices of 50 clients whose amounts all carry `cents`: one file per state to tell them apart. */
function writeFile(name: string, rows: number, cents: number): { file: string; total: string } {
  const lines = ["Code client;N° facture;Type;Date facture;Échéance;Montant TTC"];
  const amount = `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, "0")}`;
  for (let i = 0; i < rows; i++) lines.push(`C${i % 50};F-${i};Facture;01/10/2026;15/11/2026;${amount}`);
  const file = path.join(work, name);
  fs.writeFileSync(file, lines.join("\n") + "\n");
  return { file, total: ((rows * cents) / 100).toFixed(2) };
}

/** The import command in one process (no npx or tsx wrapper between), so that SIGKILL reaches the import itself. */
function startImport(file: string, url = databaseUrl): { child: ChildProcess; done: Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }> } {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "lib/import/cli.ts", "--kind", "documents", "--file", file, "--create-clients", "--date", "2026-11-23"],
    { cwd: root, env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: url }, stdio: ["ignore", "pipe", "pipe"] },
  );
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (chunk) => (stdout += chunk));
  child.stderr!.on("data", (chunk) => (stderr += chunk));
  const done = new Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { child, done };
}

/** Waits until the import of `fileName` is in the history as running (PostgreSQL only: PGlite is the child's). */
async function recordedAsRunning(fileName: string): Promise<void> {
  const direct = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const [running] = await direct`select id from imports where file_name = ${fileName} and status = 'running'`;
      if (running) return;
      if (Date.now() > deadline) throw new Error(`${fileName}: the import never started`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    await direct.end();
  }
}

type State = { documents: number; total: string };
const stateOf = async (handle: DatabaseHandle): Promise<State> => {
  const [row] = await queryRows<State>(handle.db, sql`select count(*)::int as documents, coalesce(sum(amount), 0)::text as total from documents`);
  return row;
};

beforeAll(async () => {
  if (onPostgres) {
    admin = postgres(serverUrl!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${dbName}`);
    const url = new URL(serverUrl!);
    url.pathname = `/${dbName}`;
    databaseUrl = url.toString();
  }
  await withDatabase((handle) => makeEntity(handle.db, "PRINC"));
});

afterAll(async () => {
  if (admin) {
    await admin.unsafe(`drop database if exists ${dbName} with (force)`);
    await admin.end();
  }
  fs.rmSync(work, { recursive: true, force: true });
});

describe("an import killed with SIGKILL", () => {
  it("leaves the data before or after the import, and a history that says which, never « running »", { timeout: 180_000 }, async () => {
    const rows = 20_000;
    // A first import, left to finish, gives the before state and the time a whole run takes here.
    const first = writeFile("etat-0.csv", rows, 10_000);
    const started = Date.now();
    const warmUp = await startImport(first.file).done;
    const fullRun = Date.now() - started;
    expect(warmUp, warmUp.stderr).toMatchObject({ code: 0 });
    let before: State = { documents: rows, total: first.total };

    // Kills at start-up and past the usual end, then halving the time between the latest kill that came too early
    // and the earliest that came too late until one lands inside the import; afterwards anywhere in between. On a
    // loaded machine start-up and run times shift too much for fixed fractions of the warm-up to find the import.
    const kills = 6;
    let tooEarly = 0;
    let tooLate = Math.round(fullRun * 1.5);
    let interruptedRecords = 0;
    const outcomes: string[] = [];
    for (let k = 1; k <= kills; k++) {
      const next = writeFile(`etat-${k}.csv`, rows, 10_000 + k);
      const delay =
        k === 1 ? Math.round(fullRun * 0.3)
        : k === 2 ? Math.round(fullRun * 1.3)
        : interruptedRecords === 0 ? Math.round((tooEarly + tooLate) / 2)
        : Math.round(fullRun * (0.3 + Math.random()));
      const run = startImport(next.file);
      // On PostgreSQL the history can be watched while the import runs: the middle kill waits for the import to be
      // recorded, so that one kill lands inside it whatever the load.
      const anchored = onPostgres && k === Math.ceil(kills / 2);
      const when = anchored ? "dès l'import enregistré" : `${delay} ms`;
      if (anchored) await recordedAsRunning(`etat-${k}.csv`);
      else await new Promise((resolve) => setTimeout(resolve, delay));
      run.child.kill("SIGKILL");
      const exit = await run.done;

      await withDatabase(async (handle) => {
        // What the next start does: on the embedded database every running import is dead; on PostgreSQL the
        // heartbeat tells it after two minutes, which this test does not wait for since it knows the process died.
        if (onPostgres) await failStaleImports(handle.db, { staleAfterMs: 0, message: INTERRUPTED_MESSAGE, keep: [] });
        else await closeInterruptedImports(handle.db, { startup: true });
        const after = await stateOf(handle);
        const records = await handle.db.select().from(imports).where(eq(imports.fileName, `etat-${k}.csv`));
        const context = JSON.stringify({ k, delay, exit: exit.signal ?? exit.code, after, before, records: records.map((r) => [r.status, r.message]) });
        expect(records.filter((r) => r.status === "running" || r.status === "pending"), context).toEqual([]);
        const afterState = { documents: rows, total: next.total };
        if (after.total === afterState.total) {
          expect(after, context).toEqual(afterState);
          expect(records.map((r) => r.status), context).toEqual(["succeeded"]);
          before = after;
          if (!anchored) tooLate = Math.min(tooLate, delay);
          outcomes.push(`${when} : après`);
        } else {
          expect(after, context).toEqual(before);
          expect(records.every((r) => r.status === "failed"), context).toBe(true);
          interruptedRecords += records.length;
          if (!anchored && records.length === 0) tooEarly = Math.max(tooEarly, delay);
          outcomes.push(`${when} : avant${records.length > 0 ? " (import interrompu)" : ""}`);
        }
        const all = await handle.db.select({ status: imports.status }).from(imports);
        expect(all.filter((r) => r.status === "running")).toEqual([]);
      });
    }
    console.log(`Import complet en ${fullRun} ms ; arrêts : ${outcomes.join(", ")}`);
    // At least one kill landed while an import was recorded and working, not only before or after it.
    expect(interruptedRecords).toBeGreaterThan(0);
  });
});

describe("an import cut from its database", () => {
  it.skipIf(!onPostgres)(
    "exits non-zero with a French message and changes nothing (needs PostgreSQL: TEST_DATABASE_URL)",
    { timeout: 120_000 },
    async () => {
      const target = new URL(databaseUrl);
      const sockets = new Set<net.Socket>();
      const proxy = net.createServer((client) => {
        const server = net.connect(Number(target.port || 5432), target.hostname);
        sockets.add(client).add(server);
        client.pipe(server).pipe(client);
        const drop = () => {
          client.destroy();
          server.destroy();
        };
        client.on("error", drop).on("close", drop);
        server.on("error", drop).on("close", drop);
      });
      await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
      const viaProxy = new URL(databaseUrl);
      viaProxy.host = `127.0.0.1:${(proxy.address() as net.AddressInfo).port}`;

      const big = writeFile("coupure.csv", 120_000, 777);
      const documentsBefore = await withDatabase(stateOf);
      const run = startImport(big.file, viaProxy.toString());
      // Cut once the import is recorded as running: the file is being read or applied.
      try {
        await recordedAsRunning("coupure.csv");
        await new Promise((resolve) => setTimeout(resolve, 500));
        proxy.close();
        for (const socket of sockets) socket.destroy();
        const exit = await run.done;
        expect(exit.code, exit.stderr).not.toBe(0);
        expect(exit.code).not.toBeNull();
        expect(exit.stderr).toContain("La base de données ne répond pas");
        expect(exit.stderr).toContain(path.join(dataDir, "logs", "cli-debug.log"));
        expect(exit.stderr + exit.stdout).not.toMatch(/Failed query|ECONNREFUSED|CONNECTION_|\n\s+at /);
        expect(await withDatabase(stateOf)).toEqual(documentsBefore);
      } finally {
        run.child.kill("SIGKILL");
        proxy.close();
      }
    },
  );
});
