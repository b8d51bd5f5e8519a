import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { clients, groups } from "@/db/schema";
import { makeClient, makeDocument, makeEntity, makeUser } from "@/db/test-builders";
import { createTestDatabase } from "@/db/testing";
import { type ClientFilters, type ClientSort, listClients, streamClients } from "./clients";
import { openDisputes } from "./disputes";
import { loadScope } from "./scope";
import { recordDailySnapshot } from "./snapshots";

const today = "2026-11-23";
const byName: ClientSort = { key: "name", order: "asc" };
let handle: DatabaseHandle;
const ids: Record<string, string> = {};

beforeAll(async () => {
  handle = await createTestDatabase();
  const { db } = handle;
  const north = await makeEntity(db, "NORD");
  const south = await makeEntity(db, "SUD");
  const users = {
    admin: await makeUser(db, "admin"),
    alice: await makeUser(db, "collector"),
    bruno: await makeUser(db, "collector"),
    sales: await makeUser(db, "sales"),
    manager: await makeUser(db, "manager", { entityIds: [south.id] }),
  };
  for (const [k, u] of Object.entries(users)) ids[k] = u.id;
  const [group] = await db.insert(groups).values({ name: "Grands comptes", priority: 1 }).returning();
  ids.group = group.id;
  const a = await makeClient(db, north.id, {
    name: "Alpha Bâtiment", city: "Lille", department: "59", collectorId: users.alice.id, salesRepId: users.sales.id,
    creditLimit: "1000", customFields: { Secteur: "BTP" },
  });
  const b = await makeClient(db, north.id, { name: "Bravo Services", city: "Arras", department: "62", collectorId: users.alice.id, forcedGroupId: group.id });
  const c = await makeClient(db, south.id, {
    name: "Charlie Transports", city: "Nîmes", department: "30", collectorId: users.bruno.id, salesRepId: users.sales.id,
    pausedUntil: "2026-12-15", pauseReason: "Redressement judiciaire", customFields: { Agence: "Sud-Est" },
  });
  const d = await makeClient(db, south.id, { name: "Delta Négoce", department: "2A" });
  Object.assign(ids, { a: a.id, b: b.id, c: c.id, d: d.id });
  // a: 1 500 € due, 1 000 € of it 45 days late; b: 200 € not yet due; c: 3 000 € 10 days late, disputed; d: nothing.
  await makeDocument(db, a.id, { amount: "1000.00", issueDate: "2026-09-09", dueDate: "2026-10-09" });
  await makeDocument(db, a.id, { amount: "500.00", issueDate: "2026-11-10", dueDate: "2026-12-10" });
  await makeDocument(db, b.id, { amount: "200.00", issueDate: "2026-11-20", dueDate: "2026-12-20" });
  const disputed = await makeDocument(db, c.id, { amount: "3000.00", issueDate: "2026-10-14", dueDate: "2026-11-13" });
  await recordDailySnapshot(db, today);
  const admin = (await loadScope(db, users.admin.id, today))!;
  await openDisputes(db, admin, [disputed.id], "Marchandise abîmée");
});
afterAll(() => handle.close());

async function names(user: string, filters: ClientFilters = {}, sort: ClientSort = byName) {
  const scope = (await loadScope(handle.db, ids[user], today))!;
  const { rows } = await listClients(handle.db, scope, filters, sort, today, { page: 1, pageSize: 50 });
  return rows.map((r) => r.name);
}

describe("clients list", () => {
  it("filters on every criterion the URL holds", async () => {
    expect(await names("admin", { q: "bâtiment" })).toEqual(["Alpha Bâtiment"]);
    expect(await names("admin", { collectorId: ids.alice })).toEqual(["Alpha Bâtiment", "Bravo Services"]);
    expect(await names("admin", { collectorId: "none" })).toEqual(["Delta Négoce"]);
    expect(await names("admin", { salesRepId: ids.sales })).toEqual(["Alpha Bâtiment", "Charlie Transports"]);
    expect(await names("admin", { groupId: ids.group })).toEqual(["Bravo Services"]);
    expect(await names("admin", { department: "2A" })).toEqual(["Delta Négoce"]);
    expect(await names("admin", { outstanding: { min: 1000 } })).toEqual(["Alpha Bâtiment", "Charlie Transports"]);
    expect(await names("admin", { outstanding: { min: 100, max: 1500 } })).toEqual(["Alpha Bâtiment", "Bravo Services"]);
    expect(await names("admin", { overdue: { max: 999.99 } })).toEqual(["Bravo Services", "Delta Négoce"]);
    expect(await names("admin", { hasOverdue: true })).toEqual(["Alpha Bâtiment", "Charlie Transports"]);
    expect(await names("admin", { hasOverdue: false })).toEqual(["Bravo Services", "Delta Négoce"]);
    expect(await names("admin", { hasDispute: true })).toEqual(["Charlie Transports"]);
    expect(await names("admin", { paused: true })).toEqual(["Charlie Transports"]);
    expect(await names("admin", { paused: false, hasOverdue: true })).toEqual(["Alpha Bâtiment"]);
  });

  it("sorts by the chosen column, most overdue first by default, and totals everything matched", async () => {
    expect(await names("admin", {}, { key: "overdue", order: "desc" })).toEqual(["Charlie Transports", "Alpha Bâtiment", "Bravo Services", "Delta Négoce"]);
    expect(await names("admin", {}, { key: "city", order: "asc" })).toEqual(["Bravo Services", "Alpha Bâtiment", "Charlie Transports", "Delta Négoce"]);
    const scope = (await loadScope(handle.db, ids.admin, today))!;
    const { rows, totals } = await listClients(handle.db, scope, {}, byName, today, { page: 2, pageSize: 3 });
    expect(rows.map((r) => r.name)).toEqual(["Delta Négoce"]);
    expect(totals).toEqual({ count: 4, outstanding: "4700.00", overdue: "4000.00" });
  });

  it("shows each row's aged buckets, group, custom fields and dispute flag", async () => {
    const scope = (await loadScope(handle.db, ids.admin, today))!;
    const { rows } = await listClients(handle.db, scope, {}, byName, today, { page: 1, pageSize: 50 });
    const alpha = rows.find((r) => r.name === "Alpha Bâtiment")!;
    // Default limits 30/60/90/120: the 1 000 € invoice 45 days late sits in 31–60 j.
    expect(alpha.aged).toEqual([0, 1000, 0, 0, 0]);
    expect(alpha.customFields).toEqual({ Secteur: "BTP" });
    expect(rows.find((r) => r.name === "Bravo Services")!.groupName).toBe("Grands comptes");
    expect(rows.filter((r) => r.hasDispute).map((r) => r.name)).toEqual(["Charlie Transports"]);
  });

  it("gives each role exactly its rows, totals and export", async () => {
    const expected: Record<string, string[]> = {
      admin: ["Alpha Bâtiment", "Bravo Services", "Charlie Transports", "Delta Négoce"],
      alice: ["Alpha Bâtiment", "Bravo Services"],
      bruno: ["Charlie Transports"],
      sales: ["Alpha Bâtiment", "Charlie Transports"],
      manager: ["Charlie Transports", "Delta Négoce"],
    };
    const outstanding: Record<string, string> = { admin: "4700.00", alice: "1700.00", bruno: "3000.00", sales: "4500.00", manager: "3000.00" };
    for (const [user, visible] of Object.entries(expected)) {
      const scope = (await loadScope(handle.db, ids[user], today))!;
      const { rows, totals } = await listClients(handle.db, scope, {}, byName, today, { page: 1, pageSize: 50 });
      expect(rows.map((r) => r.name), user).toEqual(visible);
      expect(totals.count, user).toBe(visible.length);
      expect(totals.outstanding, user).toBe(outstanding[user]);
      const exported: string[] = [];
      for await (const batch of streamClients(handle.db, scope, {}, byName, today, 1)) exported.push(...batch.map((r) => r.name));
      expect(exported, user).toEqual(visible);
      // A filter naming someone else's client never widens the scope.
      expect(await names(user, { q: "Delta" })).toEqual(visible.includes("Delta Négoce") ? ["Delta Négoce"] : []);
    }
  });
});

describe("clients export", () => {
  it("gives each client once, in the order the export started with, though a balance changes meanwhile", async () => {
    const scope = (await loadScope(handle.db, ids.admin, today))!;
    const byOutstanding: ClientSort = { key: "outstanding", order: "desc" };
    const before = await names("admin", {}, byOutstanding);
    const exported: string[] = [];
    for await (const batch of streamClients(handle.db, scope, {}, byOutstanding, today, 2)) {
      exported.push(...batch.map((r) => r.name));
      // Delta, owing nothing, jumps to the top between two batches.
      if (exported.length === 2) await handle.db.update(clients).set({ outstanding: "99999.00" }).where(eq(clients.id, ids.d));
    }
    await handle.db.update(clients).set({ outstanding: "0.00" }).where(eq(clients.id, ids.d));
    expect(exported).toEqual(before);
  });
});
