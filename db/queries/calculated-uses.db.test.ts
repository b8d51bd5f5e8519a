import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { calculatedColumns, clients } from "@/db/schema";
import { makeClient, makeDocument, makeEntity, makeGroup, makeUser } from "@/db/test-builders";
import { createTestDatabase } from "@/db/testing";
import type { Scope } from "@/lib/auth/scope";
import { criteriaFieldErrors } from "@/lib/groups/criteria";
import { summariseCriteria } from "@/lib/groups/summary";
import { createAlert, listAlertClients, listAlerts } from "./alerts";
import { listCalculatedFields } from "./calculated-fields";
import { loadReadyColumns, materialiseColumns, type ReadyColumn } from "./calculated-values";
import { type ClientFilters, type ClientSort, listClients, streamClients } from "./clients";
import { previewGroups, recomputeGroupMembership } from "./group-membership";
import { loadScope } from "./scope";

const today = "2026-11-23";
let handle: DatabaseHandle;
const ids: Record<string, string> = {};
const scopes: Record<string, Scope> = {};
let ready: ReadyColumn[] = [];

// Alpha (Alice): 1 000 € of 1 500 € overdue → 66,67 %; Bravo (Alice): 200 € not due → 0 %;
// Charlie (Bruno): 3 000 € all overdue → 100 %; Delta: no encours → blank.
beforeAll(async () => {
  handle = await createTestDatabase();
  const { db } = handle;
  const entity = await makeEntity(db);
  const admin = await makeUser(db, "admin");
  const alice = await makeUser(db, "collector");
  const bruno = await makeUser(db, "collector");
  const add = (name: string, collectorId: string | null, outstanding: string, overdue: string) =>
    makeClient(db, entity.id, { name, collectorId, outstanding, overdue });
  const a = await add("Alpha", alice.id, "1500.00", "1000.00");
  const b = await add("Bravo", alice.id, "200.00", "0.00");
  const c = await add("Charlie", bruno.id, "3000.00", "3000.00");
  const d = await add("Delta", null, "0.00", "0.00");
  Object.assign(ids, { a: a.id, b: b.id, c: c.id, d: d.id });
  await makeDocument(db, a.id, { amount: "1000.00", issueDate: "2026-09-09", dueDate: "2026-10-09" });
  await makeDocument(db, a.id, { amount: "500.00", issueDate: "2026-11-10", dueDate: "2026-12-10" });
  await makeDocument(db, b.id, { amount: "200.00", issueDate: "2026-11-20", dueDate: "2026-12-20" });
  await makeDocument(db, c.id, { amount: "3000.00", issueDate: "2026-10-14", dueDate: "2026-11-13" });
  const inserted = await db
    .insert(calculatedColumns)
    .values([
      { name: "Taux d'échu", type: "percent", formula: "échu / encours" },
      { name: "Échu des pièces", type: "amount", formula: "SOMME(pièces.ouvert; échue)" },
      { name: "Gros client", type: "boolean", formula: "encours > 1000" },
      // Alpha 1 000, Charlie 3 000; Bravo and Delta have no overdue pièce: blank.
      { name: "Échu moyen", type: "amount", formula: "MOYENNE(pièces.ouvert; échue)" },
    ])
    .returning({ id: calculatedColumns.id, name: calculatedColumns.name });
  for (const col of inserted) ids[col.name] = col.id;
  await materialiseColumns(db, today);
  ready = (await loadReadyColumns(db)).columns;
  for (const [k, u] of Object.entries({ admin, alice, bruno })) scopes[k] = (await loadScope(db, u.id, today))!;
});
afterAll(() => handle.close());

const rate = () => ids["Taux d'échu"];
const view = (...shown: string[]) => ({ columns: ready, shown });

async function names(scope: Scope, filters: ClientFilters, sort: ClientSort) {
  const { rows } = await listClients(handle.db, scope, filters, sort, today, { page: 1, pageSize: 50 }, view());
  return rows.map((r) => r.name);
}

describe("calculated columns in the clients list", () => {
  it("reads a row formula and a materialised column as worked out by hand", async () => {
    expect(Object.fromEntries(ready.map((c) => [c.name, c.materialised]))).toEqual({
      "Échu des pièces": true, "Échu moyen": true, "Gros client": false, "Taux d'échu": false,
    });
    const shown = view(rate(), ids["Échu des pièces"], ids["Gros client"]);
    const { rows } = await listClients(handle.db, scopes.admin, {}, { key: "name", order: "asc" }, today, { page: 1, pageSize: 50 }, shown);
    const values = rows.map((r) => [r.name, Number(Number(r.calculated[rate()]).toFixed(4)), r.calculated[ids["Échu des pièces"]], r.calculated[ids["Gros client"]]]);
    expect(values).toEqual([
      ["Alpha", 0.6667, "1000.00", true],
      ["Bravo", 0, "0", false],
      ["Charlie", 1, "3000.00", true],
      // No encours: the rate divides by nothing and is blank (Number(null) reads 0 here, the value itself is null).
      ["Delta", 0, "0", false],
    ]);
    expect(rows.find((r) => r.name === "Delta")!.calculated[rate()]).toBeNull();
  });

  it("sorts by a calculated column with blanks last both ways, by a materialised one too", async () => {
    expect(await names(scopes.admin, {}, { key: `calc:${rate()}`, order: "desc" })).toEqual(["Charlie", "Alpha", "Bravo", "Delta"]);
    expect(await names(scopes.admin, {}, { key: `calc:${rate()}`, order: "asc" })).toEqual(["Bravo", "Alpha", "Charlie", "Delta"]);
    expect(await names(scopes.admin, {}, { key: `calc:${ids["Échu des pièces"]}`, order: "desc" })).toEqual(["Charlie", "Alpha", "Bravo", "Delta"]);
    // Page by page, a materialised column walks its values, then the blanks by name.
    for (const [order, expected] of [["desc", ["Charlie", "Alpha", "Bravo", "Delta"]], ["asc", ["Alpha", "Charlie", "Bravo", "Delta"]]] as const) {
      const sort: ClientSort = { key: `calc:${ids["Échu moyen"]}`, order };
      const pages = [];
      for (let page = 1; page <= 5; page++) {
        const { rows } = await listClients(handle.db, scopes.admin, {}, sort, today, { page, pageSize: 1 }, view());
        pages.push(...rows.map((r) => r.name));
      }
      expect(pages).toEqual(expected);
      const { rows } = await listClients(handle.db, scopes.admin, {}, sort, today, { page: 1, pageSize: 3 }, view());
      expect(rows.map((r) => r.name)).toEqual(expected.slice(0, 3));
    }
    expect(await names(scopes.alice, {}, { key: `calc:${ids["Échu moyen"]}`, order: "desc" })).toEqual(["Alpha", "Bravo"]);
    // A column since deleted sorts most overdue first, as by default.
    expect(await names(scopes.admin, {}, { key: `calc:${randomUUID()}`, order: "asc" })).toEqual(["Charlie", "Alpha", "Bravo", "Delta"]);
  });

  it("filters a percentage typed as such, an amount range and a yes/no, and totals what matched", async () => {
    const byName: ClientSort = { key: "name", order: "asc" };
    expect(await names(scopes.admin, { calculated: { [rate()]: { min: 50 } } }, byName)).toEqual(["Alpha", "Charlie"]);
    expect(await names(scopes.admin, { calculated: { [rate()]: { min: 66.67 } } }, byName)).toEqual(["Charlie"]);
    expect(await names(scopes.admin, { calculated: { [rate()]: { max: 66.67 } } }, byName)).toEqual(["Alpha", "Bravo"]);
    expect(await names(scopes.admin, { calculated: { [ids["Échu des pièces"]]: { min: 500, max: 2000 } } }, byName)).toEqual(["Alpha"]);
    expect(await names(scopes.admin, { calculated: { [ids["Gros client"]]: { flag: false } } }, byName)).toEqual(["Bravo", "Delta"]);
    const { totals } = await listClients(
      handle.db, scopes.admin, { calculated: { [ids["Échu des pièces"]]: { min: 1 } } }, byName, today, { page: 1, pageSize: 1 }, view(),
    );
    expect(totals).toEqual({ count: 2, outstanding: "4500.00", overdue: "4000.00" });
  });

  it("keeps the collector's scope, in the list and the export", async () => {
    expect(await names(scopes.alice, {}, { key: `calc:${rate()}`, order: "desc" })).toEqual(["Alpha", "Bravo"]);
    const exported: [string, unknown][] = [];
    const stream = streamClients(handle.db, scopes.alice, { calculated: { [rate()]: { min: 1 } } }, { key: `calc:${ids["Échu des pièces"]}`, order: "desc" }, today, 1, view(ids["Échu des pièces"]));
    for await (const batch of stream) exported.push(...batch.map((r) => [r.name, r.calculated[ids["Échu des pièces"]]] as [string, unknown]));
    expect(exported).toEqual([["Alpha", "1000.00"]]);
  });
});

describe("calculated columns in group and alert criteria", () => {
  it("puts clients in a group by a calculated column and previews it", async () => {
    const group = await makeGroup(handle.db, { name: "Très en retard", priority: 1, criteria: [{ field: `calc:${rate()}`, operator: "gte", value: 50 }] });
    await makeGroup(handle.db, { name: "Gros", priority: 2, criteria: [{ field: `calc:${ids["Gros client"]}`, operator: "eq", value: "true" }] });
    const report = await recomputeGroupMembership(handle.db, today);
    expect(report.groups.map((g) => [g.name, g.clients])).toEqual([["Très en retard", 2], ["Gros", 0]]);
    const members = await handle.db.select({ name: clients.name }).from(clients).where(eq(clients.groupId, group.id));
    expect(members.map((m) => m.name).sort()).toEqual(["Alpha", "Charlie"]);
    const preview = await previewGroups(handle.db, [{ name: "Montant", criteria: [{ field: `calc:${ids["Échu des pièces"]}`, operator: "gt", value: "999,99" }] }], today);
    expect(preview.groups[0]).toEqual({ clients: 2, outstanding: "4500.00" });
  });

  it("refuses a criterion on a column that does not exist and names columns in summaries", async () => {
    const missing = `calc:${randomUUID()}`;
    expect(criteriaFieldErrors([{ field: missing, operator: "gt", value: 1 }], ready)).toEqual({
      "criteria.0.field": ["Colonne calculée inconnue ou supprimée."],
    });
    expect(criteriaFieldErrors([{ field: `calc:${ids["Gros client"]}`, operator: "gt", value: 1 }], ready)).not.toBeNull();
    const calculated = await listCalculatedFields(handle.db);
    expect(summariseCriteria([{ field: `calc:${rate()}`, operator: "gte", value: "50" }, { field: `calc:${ids["Échu des pièces"]}`, operator: "gt", value: 1000 }], undefined, calculated)).toBe(
      "Taux d'échu ≥ 50 % · Échu des pièces > 1\u202f000 €",
    );
  });

  it("flags the clients of the user's scope meeting an alert; an alert on a deleted column matches nobody", async () => {
    await createAlert(handle.db, scopes.alice, { name: "Taux élevé", criteria: [{ field: `calc:${rate()}`, operator: "gte", value: 50 }] });
    await createAlert(handle.db, scopes.alice, { name: "Colonne perdue", criteria: [{ field: `calc:${randomUUID()}`, operator: "gt", value: 0 }] });
    expect(await listAlerts(handle.db, scopes.alice, today)).toMatchObject([
      { name: "Colonne perdue", clients: 0 },
      { name: "Taux élevé", clients: 1, overdue: "1000.00" },
    ]);
    const all = await listAlertClients(handle.db, scopes.admin, [{ field: `calc:${rate()}`, operator: "gte", value: 50 }], today);
    expect(all.map((c) => c.name)).toEqual(["Charlie", "Alpha"]);
  });
});
