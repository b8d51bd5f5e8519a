import fs from "node:fs";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { createImportRecord } from "@/db/queries/imports";
import { imports } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import { env } from "@/lib/env";
import { closeInterruptedImports, INTERRUPTED_MESSAGE, isInterrupted, keepImportAlive } from "./interrupted";
import { removeExpiredUploads } from "./uploads";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

async function runningImport(lastSignMinutesAgo: number | null): Promise<string> {
  const id = await createImportRecord(handle.db, { kind: "documents", fileName: "pieces.csv", fileHash: "h", mode: "incremental", userId: null });
  const heartbeat = lastSignMinutesAgo === null ? null : sql`now() - make_interval(mins => ${lastSignMinutesAgo})`;
  await handle.db.update(imports).set({ heartbeatAt: heartbeat, startedAt: sql`now() - interval '1 hour'` }).where(eq(imports.id, id));
  return id;
}

const statusOf = async (id: string) => (await handle.db.select().from(imports).where(eq(imports.id, id)))[0];

describe("imports left running by a dead process", () => {
  it("closes those whose heartbeat stopped, in French, and leaves the live ones running", async () => {
    const dead = await runningImport(3);
    const neverBeat = await runningImport(null);
    const alive = await runningImport(0);
    const [done] = await handle.db
      .insert(imports)
      .values({ kind: "clients", fileName: "ok.csv", fileHash: "h", status: "succeeded", message: "Import terminé", heartbeatAt: sql`now() - interval '1 day'` })
      .returning();

    const closed = await closeInterruptedImports(handle.db);
    expect(closed.sort()).toEqual([dead, neverBeat].sort());
    for (const id of [dead, neverBeat]) {
      const row = await statusOf(id);
      expect(row).toMatchObject({ status: "failed", message: INTERRUPTED_MESSAGE });
      expect(row.finishedAt).not.toBeNull();
      expect(isInterrupted(row)).toBe(true);
    }
    expect((await statusOf(alive)).status).toBe("running");
    expect(await statusOf(done.id)).toMatchObject({ status: "succeeded", message: "Import terminé" });
    expect(isInterrupted(await statusOf(done.id))).toBe(false);
  });

  it("at start-up on the embedded database, closes every running import but those this process runs", async () => {
    const orphan = await runningImport(0);
    const mine = await runningImport(0);
    const stop = keepImportAlive(handle.db, mine);
    try {
      const closed = await closeInterruptedImports(handle.db, { startup: true });
      const embedded = process.env.TEST_DB !== "postgres";
      expect(closed.includes(orphan)).toBe(embedded);
      expect((await statusOf(mine)).status).toBe("running");
    } finally {
      stop();
    }
  });
});

describe("uploads", () => {
  it("are deleted 24 hours after their last use", () => {
    const dir = path.resolve(env.DATA_DIR, "uploads");
    fs.mkdirSync(dir, { recursive: true });
    const old = path.join(dir, "00000000-0000-4000-8000-000000000001");
    const recent = path.join(dir, "00000000-0000-4000-8000-000000000002");
    fs.writeFileSync(old, "a;b\n");
    fs.writeFileSync(recent, "a;b\n");
    const dayAndMinuteAgo = new Date(Date.now() - 24 * 3600_000 - 60_000);
    fs.utimesSync(old, dayAndMinuteAgo, dayAndMinuteAgo);
    expect(removeExpiredUploads()).toBeGreaterThanOrEqual(1);
    expect(fs.existsSync(old)).toBe(false);
    expect(fs.existsSync(recent)).toBe(true);
    fs.rmSync(recent);
  });
});
