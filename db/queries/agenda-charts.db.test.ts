import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { actions } from "@/db/schema";
import { makeClient, makeEntity, makeUser } from "@/db/test-builders";
import { createTestDatabase } from "@/db/testing";
import type { Scope } from "@/lib/auth/scope";
import { agendaChartRows } from "./agenda-charts";
import { loadScope } from "./scope";

const today = "2026-11-23";
let handle: DatabaseHandle;
let alice: Scope;
let admin: Scope;

beforeAll(async () => {
  handle = await createTestDatabase();
  const { db } = handle;
  const entity = await makeEntity(db);
  const a = await makeUser(db, "collector");
  const b = await makeUser(db, "collector");
  alice = (await loadScope(db, a.id, today))!;
  admin = (await loadScope(db, (await makeUser(db, "admin")).id, today))!;
  const mine = await makeClient(db, entity.id, { collectorId: a.id });
  const theirs = await makeClient(db, entity.id, { collectorId: b.id });
  const action = (clientId: string, type: "email" | "call", status: "sent" | "done" | "planned" | "scheduled" | "cancelled", plannedDate: string) =>
    ({ clientId, type, mode: type === "call" ? ("manual" as const) : ("automatic" as const), status, plannedDate });
  await db.insert(actions).values([
    action(mine.id, "email", "sent", "2026-11-20"),
    action(mine.id, "call", "done", "2026-11-20"),
    action(mine.id, "call", "planned", "2026-11-18"),
    action(mine.id, "email", "scheduled", "2026-11-23"),
    action(mine.id, "email", "scheduled", "2026-11-30"),
    action(mine.id, "email", "cancelled", "2026-11-21"),
    action(mine.id, "email", "scheduled", "2027-01-15"),
    action(theirs.id, "call", "planned", "2026-11-22"),
  ]);
});
afterAll(() => handle.close());

describe("agenda charts", () => {
  it("count the user's actions per day, type and state over the weeks around today, cancelled ones left out", async () => {
    const rows = await agendaChartRows(handle.db, alice, {}, today);
    expect(rows.map((r) => `${r.day} ${r.type} ${r.status} ${r.state} ${r.actions}`)).toEqual([
      "2026-11-18 call planned todo 1",
      "2026-11-20 call done done 1",
      "2026-11-20 email sent done 1",
      "2026-11-23 email scheduled todo 1",
      "2026-11-30 email scheduled future 1",
    ]);
    expect((await agendaChartRows(handle.db, admin, { type: "call" }, today)).map((r) => r.day)).toEqual(["2026-11-18", "2026-11-20", "2026-11-22"]);
    expect((await agendaChartRows(handle.db, alice, { from: "2027-01-01", to: "2027-01-31" }, today)).map((r) => r.state)).toEqual(["future"]);
  });
});
