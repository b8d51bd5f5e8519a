import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type DatabaseHandle, setDatabase } from "@/db/client";
import { finishJobRun, startJobRun } from "@/db/queries/job-runs";
import { loadScope } from "@/db/queries/scope";
import { makeEntity, makeUser } from "@/db/test-builders";
import { createTestDatabase } from "@/db/testing";
import type { Role } from "@/lib/auth/roles";
import { checkHealth } from "@/lib/health/check";

// The signed-in user; the database, the migrations table and the route are real.
const signedIn = vi.hoisted(() => ({ current: null as unknown }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => signedIn.current }));

const { GET } = await import("./route");

const journal = JSON.parse(fs.readFileSync(path.join(process.cwd(), "drizzle/meta/_journal.json"), "utf8")) as {
  entries: { tag: string; when: number }[];
};
const expected = journal.entries.length;
const newest = journal.entries.at(-1)!;

let handle: DatabaseHandle;
const users = {} as Record<Role, unknown>;
beforeAll(async () => {
  handle = await createTestDatabase();
  setDatabase(handle);
  await makeEntity(handle.db, "DIST");
  for (const role of ["admin", "supervisor", "collector"] as const) {
    const user = await makeUser(handle.db, role);
    users[role] = { db: handle.db, scope: await loadScope(handle.db, user.id, "2026-11-23", 0), user };
  }
});
afterAll(() => handle.close());

async function health(as: Role | null) {
  signedIn.current = as ? users[as] : null;
  const response = await GET();
  expect(response.headers.get("cache-control")).toBe("no-store");
  return { status: response.status, body: await response.json() };
}

const kind = process.env.TEST_DB === "postgres" ? "postgresql" : "embedded";

describe("/api/health", () => {
  it("answers ok, and nothing more, to anyone without the health right", async () => {
    expect(await health(null)).toEqual({ status: 200, body: { status: "ok" } });
    expect(await health("collector")).toEqual({ status: 200, body: { status: "ok" } });
  });

  it("tells an administrator or a supervisor the database, the migrations and the last nightly run", async () => {
    for (const role of ["admin", "supervisor"] as const) {
      const { status, body } = await health(role);
      expect(status).toBe(200);
      expect(body).toEqual({
        status: "ok",
        database: { kind, reachable: true, error: null },
        migrations: { applied: expected, expected, missing: [] },
        nightlyRun: null,
      });
    }
    const runId = await startJobRun(handle.db, "nightly-run", "2026-11-23");
    await finishJobRun(handle.db, runId, { error: "Envoi impossible : serveur de courriel injoignable." });
    const { body } = await health("admin");
    expect(body.nightlyRun).toMatchObject({ runDate: "2026-11-23", status: "failed", error: "Envoi impossible : serveur de courriel injoignable." });
    expect(Date.parse(body.nightlyRun.startedAt)).not.toBeNaN();
    expect(Date.parse(body.nightlyRun.finishedAt)).not.toBeNaN();
  });

  it("answers 503 in French while a migration is not applied", async () => {
    await handle.db.execute(sql`delete from drizzle.__drizzle_migrations where created_at = ${newest.when}`);
    try {
      const reason = `1 migration(s) sur ${expected} ne sont pas appliquées à la base de données.`;
      expect(await health("collector")).toEqual({ status: 503, body: { status: "indisponible", reason } });
      const { status, body } = await health("admin");
      expect(status).toBe(503);
      expect(body.migrations).toEqual({ applied: expected - 1, expected, missing: [newest.tag] });
    } finally {
      await handle.db.execute(sql`insert into drizzle.__drizzle_migrations (hash, created_at) values ('restored', ${newest.when})`);
    }
    expect((await health(null)).status).toBe(200);
  });

  it("answers 503 when the database refuses or hangs, quickly and without details", async () => {
    const broken = (execute: () => Promise<never>) => ({ db: { execute } as never, kind: "postgres" as const, close: async () => {} });
    try {
      setDatabase(broken(() => Promise.reject(new Error("connect ECONNREFUSED 127.0.0.1:5432"))));
      const refused = await health("admin");
      expect(refused).toEqual({ status: 503, body: { status: "indisponible", reason: "La base de données ne répond pas." } });

      setDatabase(broken(() => new Promise<never>(() => {})));
      const started = Date.now();
      const hung = await health("admin");
      expect(hung).toEqual({ status: 503, body: { status: "indisponible", reason: "La base de données n'a pas répondu en 2 s." } });
      expect(Date.now() - started).toBeLessThan(3_000);
    } finally {
      setDatabase(handle);
    }
    const opening = await checkHealth(() => new Promise(() => {}), 50);
    expect(opening).toMatchObject({ ok: false, reason: "La base de données n'a pas répondu en 0,05 s.", database: { reachable: false } });
  });
});
