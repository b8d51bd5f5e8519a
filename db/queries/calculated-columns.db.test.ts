import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { alerts, auditLog, calculatedValues, groups } from "@/db/schema";
import { makeClient, makeEntity, makeUser } from "@/db/test-builders";
import { createTestDatabase } from "@/db/testing";
import { calculatedKey } from "@/lib/formulas/keys";
import {
  calculatedNameTaken,
  createCalculatedColumn,
  deleteCalculatedColumn,
  getCalculatedColumn,
  listCalculatedColumns,
  updateCalculatedColumn,
} from "./calculated-columns";
import { calculatedColumnUsage } from "./calculated-usage";

let handle: DatabaseHandle;
let adminId = "";
let marieId = "";
let clientId = "";

beforeAll(async () => {
  handle = await createTestDatabase();
  const entity = await makeEntity(handle.db);
  adminId = (await makeUser(handle.db, "admin")).id;
  marieId = (await makeUser(handle.db, "collector", { name: "Marie Dupont" })).id;
  clientId = (await makeClient(handle.db, entity.id)).id;
});
afterAll(() => handle.close());

const create = (name: string, formula: string, type: "amount" | "percent" | "days" = "amount") =>
  handle.db.transaction((tx) => createCalculatedColumn(tx, adminId, { name, type, formula, description: "" }));

async function auditOf(id: string) {
  return handle.db
    .select({ action: auditLog.action, userId: auditLog.userId, details: auditLog.details })
    .from(auditLog)
    .where(and(eq(auditLog.targetType, "calculated_column"), eq(auditLog.targetId, id)))
    .orderBy(asc(auditLog.id));
}

describe("calculated columns", () => {
  let average = "";
  let rate = "";

  it("creates columns, lists them by name and audits each creation", async () => {
    average = await create("Encours moyen", "MOYENNE(encours; 6 mois)");
    rate = await create("Taux d'échu", "MOYENNE(échu; 90 j) / [ENCOURS MOYEN]", "percent");
    expect((await listCalculatedColumns(handle.db)).map((c) => c.name)).toEqual(["Encours moyen", "Taux d'échu"]);
    expect(await auditOf(average)).toEqual([
      { action: "calculated.create", userId: adminId, details: { name: "Encours moyen", type: "amount", formula: "MOYENNE(encours; 6 mois)" } },
    ]);
  });

  it("finds taken names ignoring case and accents, except the column itself", async () => {
    expect(await calculatedNameTaken(handle.db, " TAUX D'ECHU ")).toBe(true);
    expect(await calculatedNameTaken(handle.db, "Taux d'échu", rate)).toBe(false);
    expect(await calculatedNameTaken(handle.db, "DSO 90 j")).toBe(false);
  });

  it("renames a column and rewrites the formulas naming it, in the same transaction, each audited", async () => {
    await handle.db.insert(calculatedValues).values({ columnId: average, clientId, number: "120.00" });
    const done = await handle.db.transaction((tx) =>
      updateCalculatedColumn(tx, adminId, average, { name: "Encours moyen 6 mois", type: "amount", formula: "MOYENNE(encours; 6 mois)", description: "Sur 6 mois" }),
    );
    expect(done).toEqual({ renamedIn: ["Taux d'échu"] });
    expect((await getCalculatedColumn(handle.db, rate))?.formula).toBe("MOYENNE(échu; 90 j) / [Encours moyen 6 mois]");
    // Same formula and type: the stored values stay.
    expect(await handle.db.select().from(calculatedValues).where(eq(calculatedValues.columnId, average))).toHaveLength(1);
    expect((await auditOf(average)).at(-1)).toEqual({
      action: "calculated.update",
      userId: adminId,
      details: {
        name: "Encours moyen 6 mois",
        type: "amount",
        formula: "MOYENNE(encours; 6 mois)",
        description: "Sur 6 mois",
        before: { name: "Encours moyen", type: "amount", formula: "MOYENNE(encours; 6 mois)" },
      },
    });
    expect((await auditOf(rate)).at(-1)?.details).toMatchObject({
      formula: "MOYENNE(échu; 90 j) / [Encours moyen 6 mois]",
      before: { formula: "MOYENNE(échu; 90 j) / [ENCOURS MOYEN]" },
      renamedReference: { from: "Encours moyen", to: "Encours moyen 6 mois" },
    });
  });

  it("drops the stored values and the materialisation date when the formula changes", async () => {
    await handle.db.transaction((tx) =>
      updateCalculatedColumn(tx, adminId, average, { name: "Encours moyen 6 mois", type: "amount", formula: "MOYENNE(encours; 180 j)", description: "" }),
    );
    expect(await handle.db.select().from(calculatedValues).where(eq(calculatedValues.columnId, average))).toEqual([]);
    expect((await getCalculatedColumn(handle.db, average))?.materialisedAt).toBeNull();
  });

  it("returns null when updating a column that does not exist", async () => {
    const missing = "00000000-0000-4000-8000-000000000000";
    expect(await handle.db.transaction((tx) => updateCalculatedColumn(tx, adminId, missing, { name: "X", type: "amount", formula: "1", description: "" }))).toBeNull();
  });

  it("refuses to delete a column used by a group, an alert or another column, naming them", async () => {
    const criteria = [{ field: calculatedKey(average), operator: "gt", value: 1000 }];
    await handle.db.insert(groups).values({ name: "Gros encours", priority: 1, criteria });
    await handle.db.insert(alerts).values({ userId: marieId, name: "Encours qui grimpe", criteria });
    expect(await calculatedColumnUsage(handle.db, { id: average, name: "Encours moyen 6 mois" })).toEqual({
      groups: ["Gros encours"],
      alerts: [{ name: "Encours qui grimpe", owner: "Marie Dupont" }],
      columns: ["Taux d'échu"],
    });
    const refused = await handle.db.transaction((tx) => deleteCalculatedColumn(tx, adminId, average));
    expect(refused).toEqual({
      ok: false,
      error:
        "Impossible de supprimer « Encours moyen 6 mois » : utilisée par le groupe « Gros encours », l'alerte « Encours qui grimpe » de Marie Dupont et la colonne « Taux d'échu ».",
    });
    expect(await getCalculatedColumn(handle.db, average)).not.toBeNull();
  });

  it("deletes a column nothing uses, with its values, and audits it", async () => {
    await handle.db.insert(calculatedValues).values({ columnId: rate, clientId, number: "0.25" });
    expect(await handle.db.transaction((tx) => deleteCalculatedColumn(tx, adminId, rate))).toEqual({ ok: true, name: "Taux d'échu" });
    expect(await getCalculatedColumn(handle.db, rate)).toBeNull();
    expect(await handle.db.select().from(calculatedValues).where(eq(calculatedValues.columnId, rate))).toEqual([]);
    expect((await auditOf(rate)).at(-1)).toMatchObject({ action: "calculated.delete", details: { name: "Taux d'échu", type: "percent" } });
    // Once the other column is gone, only the group and the alert hold the first one.
    expect((await calculatedColumnUsage(handle.db, { id: average, name: "Encours moyen 6 mois" })).columns).toEqual([]);
  });

  it("answers « introuvable » for a column that does not exist", async () => {
    expect(await handle.db.transaction((tx) => deleteCalculatedColumn(tx, adminId, "00000000-0000-4000-8000-000000000000"))).toEqual({
      ok: false,
      error: "Colonne introuvable.",
    });
  });
});
