import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { getCalculatedColumn, listCalculatedColumns } from "@/db/queries/calculated-columns";
import { loadScope } from "@/db/queries/scope";
import { calculatedValues, groups } from "@/db/schema";
import { makeClient, makeEntity, makeUser } from "@/db/test-builders";
import { createTestDatabase } from "@/db/testing";
import type { Role } from "@/lib/auth/roles";

// The signed-in user; the database and the actions are real.
const signedIn = vi.hoisted(() => ({ current: null as unknown }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => signedIn.current }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { deleteCalculatedColumnAction, previewCalculatedColumnAction, saveCalculatedColumnAction } = await import("./actions");

let handle: DatabaseHandle;
const users = {} as Record<Role, unknown>;
const as = (role: Role) => {
  signedIn.current = users[role];
};

beforeAll(async () => {
  handle = await createTestDatabase();
  const entity = await makeEntity(handle.db);
  await makeClient(handle.db, entity.id, { code: "C1", name: "Alpha", outstanding: "1000.00", overdue: "250.00" });
  for (const role of ["admin", "supervisor", "collector"] as const) {
    const user = await makeUser(handle.db, role, { entityIds: [entity.id] });
    users[role] = { db: handle.db, scope: await loadScope(handle.db, user.id, "2026-11-23", 0), user };
  }
});
afterAll(() => handle.close());

const column = { name: "Part échue", type: "percent" as const, formula: "échu / encours", description: "" };

describe("calculated column actions", () => {
  it("refuses a collector, whatever the action", async () => {
    as("collector");
    const refused = { ok: false, error: "Vous n'avez pas les droits nécessaires pour cette opération." };
    expect(await saveCalculatedColumnAction(null, column)).toEqual(refused);
    expect(await previewCalculatedColumnAction(null, column)).toEqual(refused);
    expect(await listCalculatedColumns(handle.db)).toEqual([]);
  });

  it("refuses a formula with its French message and position", async () => {
    as("supervisor");
    const result = await saveCalculatedColumnAction(null, { ...column, formula: "SOMMME(pièces.ouvert)" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors?.formula?.[0]).toMatch(/SOMMME.*SOMME/);
    expect(result.fieldErrors?.formulaAt).toEqual(["0-6"]);
  });

  it("lets a supervisor create a column, previewed first on their scope", async () => {
    as("supervisor");
    const preview = await previewCalculatedColumnAction(null, column);
    expect(preview).toMatchObject({ ok: true, data: { kind: "rows", materialised: false, rows: [{ code: "C1", name: "Alpha" }] } });
    if (preview.ok && preview.data.kind === "rows") expect(Number(preview.data.rows[0].value)).toBeCloseTo(0.25);
    expect(await saveCalculatedColumnAction(null, column)).toMatchObject({ ok: true, message: "Colonne « Part échue » créée." });
    expect(await saveCalculatedColumnAction(null, { ...column, name: "PART ECHUE" })).toMatchObject({
      ok: false,
      fieldErrors: { name: ["Une colonne porte déjà ce nom."] },
    });
  });

  it("materialises a column reading the pièces when saved", async () => {
    as("admin");
    const saved = await saveCalculatedColumnAction(null, { name: "Pièces", type: "number", formula: "NB(pièces)", description: "" });
    expect(saved.ok).toBe(true);
    if (!saved.ok) return;
    expect((await getCalculatedColumn(handle.db, saved.data.id))?.materialisedAt).not.toBeNull();
    const values = await handle.db.select().from(calculatedValues).where(eq(calculatedValues.columnId, saved.data.id));
    expect(values.map((v) => Number(v.number))).toEqual([0]);
  });

  it("refuses to change a column used by a group from a number to a text", async () => {
    as("admin");
    const [rate] = (await listCalculatedColumns(handle.db)).filter((c) => c.name === "Part échue");
    await handle.db.insert(groups).values({ name: "Beaucoup d'échu", priority: 1, criteria: [{ field: `calc:${rate.id}`, operator: "gte", value: 0.5 }] });
    const result = await saveCalculatedColumnAction(null, { ...column, id: rate.id, type: "text", formula: "code" });
    expect(result).toEqual({
      ok: false,
      error: "Le type ne peut pas changer de nature (nombre, texte, oui/non) : la colonne est utilisée par le groupe « Beaucoup d'échu ».",
    });
    const deleted = await deleteCalculatedColumnAction(null, { id: rate.id });
    expect(deleted).toEqual({ ok: false, error: "Impossible de supprimer « Part échue » : utilisée par le groupe « Beaucoup d'échu »." });
  });

  it("lets a supervisor delete a column nothing uses", async () => {
    as("supervisor");
    const [count] = (await listCalculatedColumns(handle.db)).filter((c) => c.name === "Pièces");
    expect(await deleteCalculatedColumnAction(null, { id: count.id })).toEqual({ ok: true, data: undefined, message: "Colonne « Pièces » supprimée." });
  });
});
