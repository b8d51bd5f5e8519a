import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { clients, groups, scenarios } from "@/db/schema";
import { makeClient, makeEntity, makeUser } from "@/db/test-builders";
import { createTestDatabase } from "@/db/testing";
import { can } from "@/lib/auth/permissions";
import type { Scope } from "@/lib/auth/scope";
import { assignClient, listAssignableUsers, listGroupChoices, setForcedGroup, setReminderPause } from "./client-edits";
import { getClient } from "./clients";
import { loadScope } from "./scope";

const today = "2026-11-23";
let handle: DatabaseHandle;
const ids: Record<string, string> = {};
const scopes: Record<string, Scope> = {};

async function client(id: string) {
  const [row] = await handle.db.select().from(clients).where(eq(clients.id, id));
  return row;
}

beforeAll(async () => {
  handle = await createTestDatabase();
  const { db } = handle;
  const entity = await makeEntity(db);
  const people = {
    supervisor: await makeUser(db, "supervisor"),
    alice: await makeUser(db, "collector"),
    bruno: await makeUser(db, "collector"),
    gone: await makeUser(db, "collector", { active: false }),
    sales: await makeUser(db, "sales"),
    manager: await makeUser(db, "manager", { entityIds: [entity.id] }),
  };
  for (const [k, u] of Object.entries(people)) {
    ids[k] = u.id;
    scopes[k] = (await loadScope(db, u.id, today))!;
  }
  ids.ofAlice = (await makeClient(db, entity.id, { collectorId: people.alice.id, salesRepId: people.sales.id })).id;
  ids.ofBruno = (await makeClient(db, entity.id, { collectorId: people.bruno.id })).id;
  const [scenario] = await db.insert(scenarios).values({ name: "Standard" }).returning();
  ids.group = (await db.insert(groups).values({ name: "Grands comptes", priority: 1, scenarioId: scenario.id }).returning())[0].id;
});
afterAll(() => handle.close());

describe("assigning a client", () => {
  it("moves the client to another collector, who then sees it while the previous one no longer does", async () => {
    const result = await assignClient(handle.db, scopes.supervisor, ids.ofAlice, "collector", ids.bruno);
    expect(result).toEqual({ status: "ok", previousId: ids.alice });
    expect(await getClient(handle.db, scopes.alice, ids.ofAlice)).toBeNull();
    expect((await getClient(handle.db, scopes.bruno, ids.ofAlice))?.client.collectorId).toBe(ids.bruno);
    expect(await assignClient(handle.db, scopes.supervisor, ids.ofAlice, "collector", ids.alice)).toEqual({ status: "ok", previousId: ids.bruno });
  });

  it("accepts only an active user of a role that may hold the assignment", async () => {
    expect(await assignClient(handle.db, scopes.supervisor, ids.ofAlice, "collector", ids.sales)).toEqual({ status: "invalid_choice" });
    expect(await assignClient(handle.db, scopes.supervisor, ids.ofAlice, "collector", ids.gone)).toEqual({ status: "invalid_choice" });
    expect(await assignClient(handle.db, scopes.supervisor, ids.ofAlice, "salesRep", ids.bruno)).toEqual({ status: "invalid_choice" });
    expect(await assignClient(handle.db, scopes.supervisor, ids.ofAlice, "collector", ids.supervisor)).toMatchObject({ status: "ok" });
    expect(await assignClient(handle.db, scopes.supervisor, ids.ofAlice, "salesRep", null)).toEqual({ status: "ok", previousId: ids.sales });
    await assignClient(handle.db, scopes.supervisor, ids.ofAlice, "collector", ids.alice);
    await assignClient(handle.db, scopes.supervisor, ids.ofAlice, "salesRep", ids.sales);
    expect(await client(ids.ofAlice)).toMatchObject({ collectorId: ids.alice, salesRepId: ids.sales });
  });

  it("finds nothing outside the scope and changes nothing", async () => {
    expect(await assignClient(handle.db, scopes.alice, ids.ofBruno, "collector", ids.alice)).toEqual({ status: "not_found" });
    expect(await assignClient(handle.db, scopes.alice, "00000000-0000-4000-8000-000000000000", "collector", ids.alice)).toEqual({ status: "not_found" });
    expect((await client(ids.ofBruno)).collectorId).toBe(ids.bruno);
  });

  it("offers active collectors, supervisors and sales reps only", async () => {
    const offered = (await listAssignableUsers(handle.db)).map((u) => u.id).sort();
    expect(offered).toEqual([ids.supervisor, ids.alice, ids.bruno, ids.sales].sort());
  });
});

describe("forced group", () => {
  it("forces a known group at once, and back to automatic leaves the group to the nightly run", async () => {
    expect(await listGroupChoices(handle.db)).toEqual([{ id: ids.group, name: "Grands comptes", scenarioName: "Standard" }]);
    expect(await setForcedGroup(handle.db, scopes.alice, ids.ofAlice, ids.group)).toEqual({ status: "ok" });
    expect(await client(ids.ofAlice)).toMatchObject({ forcedGroupId: ids.group, groupId: ids.group });
    expect(await setForcedGroup(handle.db, scopes.supervisor, ids.ofAlice, "00000000-0000-4000-8000-000000000000")).toEqual({ status: "invalid_choice" });
    expect(await setForcedGroup(handle.db, scopes.alice, ids.ofBruno, ids.group)).toEqual({ status: "not_found" });
    expect(await setForcedGroup(handle.db, scopes.supervisor, ids.ofAlice, null)).toEqual({ status: "ok" });
    expect(await client(ids.ofAlice)).toMatchObject({ forcedGroupId: null, groupId: null });
  });
});

describe("pausing reminders", () => {
  it("pauses and resumes a client of the scope only", async () => {
    expect(await setReminderPause(handle.db, scopes.alice, ids.ofAlice, { until: "2026-12-15", reason: "Redressement judiciaire" })).toBe(true);
    expect(await client(ids.ofAlice)).toMatchObject({ pausedUntil: "2026-12-15", pauseReason: "Redressement judiciaire" });
    expect(await setReminderPause(handle.db, scopes.alice, ids.ofBruno, { until: "2026-12-15", reason: "Essai" })).toBe(false);
    expect(await setReminderPause(handle.db, scopes.supervisor, ids.ofBruno, null)).toBe(true);
    expect((await client(ids.ofBruno)).pausedUntil).toBeNull();
    expect(await setReminderPause(handle.db, scopes.alice, ids.ofAlice, null)).toBe(true);
    expect(await client(ids.ofAlice)).toMatchObject({ pausedUntil: null, pauseReason: null });
  });

  it("leaves read-only roles without the rights to edit, whatever their scope", () => {
    for (const role of ["sales", "manager"] as const) {
      expect(can(role, "clients.edit")).toBe(false);
      expect(can(role, "clients.assign")).toBe(false);
      expect(can(role, "relance.work")).toBe(false);
    }
    expect(can("collector", "clients.edit")).toBe(true);
    expect(can("collector", "clients.assign")).toBe(false);
  });
});
