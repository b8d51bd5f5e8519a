import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { clients, promises } from "@/db/schema";
import type { GroupCriterion } from "@/db/schema/relance";
import { makeClient, makeDocument, makeEntity, makeGroup, makeUser } from "@/db/test-builders";
import { createTestDatabase } from "@/db/testing";
import { criteriaToSql, previewGroups, recomputeGroupMembership } from "./group-membership";

const today = "2026-11-23";
let handle: DatabaseHandle;
const ids: Record<string, string> = {};

beforeAll(async () => {
  handle = await createTestDatabase();
  const { db } = handle;
  const entity = await makeEntity(db);
  const collector = await makeUser(db, "collector");
  ids.entity = entity.id;
  ids.collector = collector.id;
  const paris = await makeGroup(db, { name: "Paris", priority: 1, criteria: [{ field: "department", operator: "in", value: ["75", "92"] }] });
  const big = await makeGroup(db, { name: "Gros encours", priority: 2, criteria: [{ field: "outstanding", operator: "gt", value: 10000 }] });
  const late = await makeGroup(db, { name: "Retards", priority: 3, criteria: [{ field: "oldestDaysLate", operator: "gt", value: 30 }] });
  Object.assign(ids, { paris: paris.id, big: big.id, late: late.id });
  const add = (name: string, values: Partial<typeof clients.$inferInsert>) => makeClient(db, entity.id, { name, ...values });
  // Alpha matches Paris and Gros encours; Charlie is in Paris but forced into Retards.
  const a = await add("Alpha Bâtiment", { department: "75", outstanding: "20000.00" });
  await add("Bravo Services", { department: "13", outstanding: "15000.00", creditLimit: "5000" });
  await add("Charlie Transports", { department: "92", outstanding: "300.00", forcedGroupId: late.id });
  const d = await add("Delta Négoce", { department: "69", outstanding: "1000.00" });
  const e = await add("Echo Conseil", { department: "33", outstanding: "100.00" });
  await add("Foxtrot 100%", {
    department: "2A", siren: "123456789", paymentTermsDays: 15, collectorId: collector.id, customFields: { Secteur: "BTP" },
  });
  // Delta's oldest invoice is 45 days late (a settled older one does not count); Echo's is 10 days late and disputed.
  await makeDocument(db, d.id, { amount: "1000.00", issueDate: "2026-09-09", dueDate: "2026-10-09" });
  await makeDocument(db, d.id, { amount: "800.00", openAmount: "0", status: "settled", settledDate: "2026-11-01", issueDate: "2026-06-01", dueDate: "2026-07-01" });
  await makeDocument(db, e.id, { amount: "100.00", issueDate: "2026-10-14", dueDate: "2026-11-13", disputed: true });
  await makeDocument(db, a.id, { amount: "20000.00", issueDate: "2026-11-01", dueDate: "2026-12-01" });
});
afterAll(() => handle.close());

async function matching(...criteria: GroupCriterion[]) {
  const rows = await handle.db.select({ name: clients.name }).from(clients).where(criteriaToSql(criteria, today, [])).orderBy(asc(clients.name));
  return rows.map((r) => r.name.split(" ")[0]);
}

const all = ["Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot"];

describe("group criteria", () => {
  it("applies each operator", async () => {
    expect(await matching({ field: "department", operator: "eq", value: "2a" })).toEqual(["Foxtrot"]);
    expect(await matching({ field: "department", operator: "neq", value: "75" })).toEqual(all.filter((n) => n !== "Alpha"));
    expect(await matching({ field: "department", operator: "in", value: ["75", "92"] })).toEqual(["Alpha", "Charlie"]);
    expect(await matching({ field: "outstanding", operator: "gt", value: 10000 })).toEqual(["Alpha", "Bravo"]);
    expect(await matching({ field: "outstanding", operator: "lt", value: "300,01" })).toEqual(["Charlie", "Echo", "Foxtrot"]);
    expect(await matching({ field: "paymentTermsDays", operator: "in", value: ["15", "45"] })).toEqual(["Foxtrot"]);
    expect(await matching({ field: "name", operator: "contains", value: "BÂT" })).toEqual(["Alpha"]);
    expect(await matching({ field: "name", operator: "contains", value: "0%" })).toEqual(["Foxtrot"]);
    expect(await matching({ field: "name", operator: "contains", value: "_" })).toEqual([]);
    expect(await matching({ field: "siren", operator: "empty", value: null })).toEqual(all.filter((n) => n !== "Foxtrot"));
    expect(await matching({ field: "siren", operator: "notEmpty", value: null })).toEqual(["Foxtrot"]);
    expect(await matching({ field: "creditLimit", operator: "notEmpty", value: null })).toEqual(["Bravo"]);
    expect(await matching({ field: "collector", operator: "eq", value: ids.collector })).toEqual(["Foxtrot"]);
    expect(await matching({ field: "collector", operator: "empty", value: null })).toHaveLength(5);
    expect(await matching({ field: "entity", operator: "neq", value: ids.entity })).toEqual([]);
  });

  it("reads aggregates, flags and custom fields", async () => {
    expect(await matching({ field: "oldestDaysLate", operator: "gt", value: 30 })).toEqual(["Delta"]);
    expect(await matching({ field: "oldestDaysLate", operator: "eq", value: 10 })).toEqual(["Echo"]);
    expect(await matching({ field: "oldestDaysLate", operator: "lt", value: 1 })).toEqual(["Alpha", "Bravo", "Charlie", "Foxtrot"]);
    expect(await matching({ field: "hasOpenDispute", operator: "eq", value: "true" })).toEqual(["Echo"]);
    expect(await matching({ field: "hasSiren", operator: "eq", value: "true" })).toEqual(["Foxtrot"]);
    expect(await matching({ field: "hasSiren", operator: "eq", value: "false" })).toHaveLength(5);
    // Bravo owes 15 000 € against a 5 000 € limit; clients without a limit never exceed it.
    expect(await matching({ field: "creditLimitExceeded", operator: "eq", value: "true" })).toEqual(["Bravo"]);
    expect(await matching({ field: "creditLimitExceeded", operator: "eq", value: "false" })).toHaveLength(5);
    expect(await matching({ field: "custom:Secteur", operator: "eq", value: "btp" })).toEqual(["Foxtrot"]);
    expect(await matching({ field: "custom:Secteur", operator: "empty", value: null })).toHaveLength(5);
    expect(await matching({ field: "custom:Secteur", operator: "neq", value: "BTP" })).toHaveLength(5);
    // Every criterion must hold; none at all matches everyone.
    expect(await matching({ field: "department", operator: "in", value: ["75", "13"] }, { field: "outstanding", operator: "lt", value: 16000 })).toEqual(["Bravo"]);
    expect(await matching()).toEqual(all);
  });

  it("binds values and custom field names, so an injection attempt is only a value that matches nothing", async () => {
    const attack = "'; drop table clients; --";
    expect(await matching({ field: "department", operator: "eq", value: attack })).toEqual([]);
    expect(await matching({ field: "name", operator: "contains", value: attack })).toEqual([]);
    expect(await matching({ field: `custom:${attack}`, operator: "eq", value: attack })).toEqual([]);
    const query = handle.db.select().from(clients).where(criteriaToSql([{ field: "department", operator: "eq", value: attack }], today, [])).toSQL();
    expect(query.sql).not.toContain("drop table");
    expect(await handle.db.$count(clients)).toBe(6);
  });

  it("refuses invalid criteria with a French message", () => {
    expect(() => criteriaToSql([{ field: "color", operator: "eq", value: "x" }], today, [])).toThrow("Champ inconnu : « color ».");
    expect(() => criteriaToSql([{ field: "outstanding", operator: "contains", value: "1" }], today, [])).toThrow(
      "L'opérateur « contient » ne s'applique pas à « Encours ».",
    );
    expect(() => criteriaToSql([{ field: "outstanding", operator: "gt", value: "beaucoup" }], today, [])).toThrow("Valeur invalide pour « Encours »");
    expect(() => criteriaToSql([{ field: "department", operator: "in", value: [] }], today, [])).toThrow("une liste de 1 à 500 valeurs");
    expect(() => criteriaToSql([{ field: "outstanding", operator: "empty", value: null }], today, [])).toThrow("« est vide »");
  });
});

describe("broken promises", () => {
  it("match clients with a promise broken within the last 90 days only", async () => {
    const { db } = handle;
    const [delta] = await db.select({ id: clients.id }).from(clients).where(eq(clients.name, "Delta Négoce"));
    const [echo] = await db.select({ id: clients.id }).from(clients).where(eq(clients.name, "Echo Conseil"));
    await db.insert(promises).values([
      { clientId: delta.id, promisedDate: "2026-11-13", amount: "500.00", status: "broken" },
      { clientId: echo.id, promisedDate: "2026-07-01", amount: "100.00", status: "broken" },
      { clientId: echo.id, promisedDate: "2026-11-20", amount: "100.00", status: "kept" },
    ]);
    expect(await matching({ field: "hasBrokenPromise", operator: "eq", value: "true" })).toEqual(["Delta"]);
    await db.delete(promises);
  });
});

describe("group membership", () => {
  it("puts each client in its forced group or the first matching one, and leaves the rest alone on a second run", async () => {
    const { db } = handle;
    const first = await recomputeGroupMembership(db, today);
    expect(first.updated).toBe(4);
    expect(first.groups.map((g) => [g.name, g.clients])).toEqual([["Paris", 1], ["Gros encours", 1], ["Retards", 2]]);
    expect(first.noGroup).toBe(2);
    const rows = await db.select({ name: clients.name, groupId: clients.groupId }).from(clients).orderBy(asc(clients.name));
    expect(rows.map((r) => r.groupId)).toEqual([ids.paris, ids.big, ids.late, ids.late, null, null]);

    const again = await recomputeGroupMembership(db, today);
    expect(again).toEqual({ ...first, updated: 0 });

    // Echo's only invoice grows 31 days late: it joins Retards, and only that row changes.
    await db.execute(sql`update documents set due_date = '2026-10-23' where client_id = (select id from clients where name = 'Echo Conseil')`);
    const later = await recomputeGroupMembership(db, today);
    expect(later.updated).toBe(1);
    expect(later.noGroup).toBe(1);
    const [echo] = await db.select({ groupId: clients.groupId }).from(clients).where(eq(clients.name, "Echo Conseil"));
    expect(echo.groupId).toBe(ids.late);
  });

  it("previews unsaved groups without writing", async () => {
    const { db } = handle;
    const before = await db.select({ id: clients.id, groupId: clients.groupId }).from(clients).orderBy(asc(clients.id));
    const preview = await previewGroups(
      db,
      [
        { name: "Sans SIREN gros encours", criteria: [{ field: "hasSiren", operator: "eq", value: "false" }, { field: "outstanding", operator: "gt", value: 1000 }] },
        { id: ids.late, name: "Retards", criteria: [] },
      ],
      today,
    );
    // Charlie is forced into Retards, which here matches everyone else too.
    expect(preview.groups).toEqual([
      { clients: 2, outstanding: "35000.00" },
      { clients: 4, outstanding: "1400.00" },
    ]);
    expect(preview.noGroup).toEqual({ clients: 0, outstanding: "0" });
    expect(await previewGroups(db, [], today)).toEqual({ groups: [], noGroup: { clients: 6, outstanding: "36400.00" } });
    expect(await db.select({ id: clients.id, groupId: clients.groupId }).from(clients).orderBy(asc(clients.id))).toEqual(before);
  });
});
