import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { scenarioSteps, templates } from "@/db/schema";
import { makeGroup } from "@/db/test-builders";
import { createTestDatabase } from "@/db/testing";
import { parseScenario, type ScenarioInput } from "@/lib/scenarios/steps";
import {
  checkStepTemplates,
  createScenario,
  deleteScenario,
  getScenario,
  listScenarios,
  listTemplateChoices,
  scenarioNameTaken,
  updateScenario,
} from "./scenarios";

let handle: DatabaseHandle;
const t: Record<"email" | "letter" | "sms", string> = { email: "", letter: "", sms: "" };

beforeAll(async () => {
  handle = await createTestDatabase();
  const rows = await handle.db
    .insert(templates)
    .values([
      { channel: "email", name: "Relance amiable", subject: "Factures échues", body: "<p>Bonjour</p>" },
      { channel: "letter", name: "Lettre de relance", body: "<p>Madame, Monsieur</p>" },
      { channel: "sms", name: "Relance SMS", body: "Bonjour" },
    ])
    .returning();
  for (const row of rows) t[row.channel] = row.id;
});
afterAll(() => handle.close());

function input(value: object): ScenarioInput {
  const parsed = parseScenario(value);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.data;
}
const step = (offsetDays: number, actionType: string, templateId: string | null, mode = "automatic", extra: object = {}) => ({
  label: `Étape ${offsetDays}`,
  offsetDays,
  actionType,
  templateId,
  mode,
  minAmount: "0",
  recipientRole: "facturation",
  ...extra,
});

describe("scenarios", () => {
  let id = "";

  it("creates a scenario with its steps at positions 1..n", async () => {
    id = await handle.db.transaction((tx) =>
      createScenario(tx, input({ name: "Standard", description: "Par défaut", steps: [step(-5, "email", t.email), step(15, "call", null, "manual"), step(30, "letter", t.letter, "automatic_to_confirm", { minAmount: "1 500,00" })] })),
    );
    const scenario = await getScenario(handle.db, id);
    expect(scenario?.steps.map((s) => [s.position, s.offsetDays, s.actionType, s.templateName, s.minAmount])).toEqual([
      [1, -5, "email", "Relance amiable", "0.00"],
      [2, 15, "call", null, "0.00"],
      [3, 30, "letter", "Lettre de relance", "1500.00"],
    ]);
    expect(await getScenario(handle.db, "pas-un-uuid")).toBeNull();
  });

  it("finds taken names ignoring case, except the scenario itself", async () => {
    expect(await scenarioNameTaken(handle.db, " standard ")).toBe(true);
    expect(await scenarioNameTaken(handle.db, "Standard", id)).toBe(false);
    expect(await scenarioNameTaken(handle.db, "Autre")).toBe(false);
  });

  it("checks in the database that each template exists and fits its step", async () => {
    const steps = input({ name: "x", steps: [step(1, "email", t.letter), step(2, "formal_notice", t.letter), step(3, "sms", "9f0c4a52-6b1e-4c0a-8f3e-2d7b5a1c9e80")] }).steps;
    expect(await checkStepTemplates(handle.db, steps)).toEqual({
      "steps.0.templateId": ["Ce modèle ne convient pas : choisissez un modèle d'e-mail."],
      "steps.2.templateId": ["Ce modèle n'existe plus : choisissez-en un autre."],
    });
    expect((await listTemplateChoices(handle.db)).map((c) => `${c.channel}:${c.name}`).sort()).toEqual(["email:Relance amiable", "letter:Lettre de relance", "sms:Relance SMS"]);
  });

  it("replaces the steps on update, keeping the ids of the steps sent back", async () => {
    const before = (await getScenario(handle.db, id))!.steps;
    const ok = await handle.db.transaction((tx) =>
      updateScenario(
        tx,
        id,
        input({
          name: "Standard révisé",
          steps: [
            { ...step(-3, "sms", t.sms), id: before[0].id },
            { ...step(10, "call", null, "manual"), id: before[1].id },
            step(20, "task", null, "manual"),
            { ...step(45, "formal_notice", t.letter, "automatic_to_confirm"), id: before[2].id },
          ],
        }),
      ),
    );
    expect(ok).toBe(true);
    const after = (await getScenario(handle.db, id))!;
    expect(after.name).toBe("Standard révisé");
    expect(after.steps.map((s) => [s.position, s.offsetDays, s.actionType])).toEqual([
      [1, -3, "sms"],
      [2, 10, "call"],
      [3, 20, "task"],
      [4, 45, "formal_notice"],
    ]);
    expect([after.steps[0].id, after.steps[1].id, after.steps[3].id]).toEqual(before.map((s) => s.id));

    await handle.db.transaction((tx) => updateScenario(tx, id, input({ name: "Standard révisé", steps: [step(5, "email", t.email)] })));
    const rows = await handle.db.select().from(scenarioSteps).where(eq(scenarioSteps.scenarioId, id));
    expect(rows.map((r) => [r.position, r.offsetDays])).toEqual([[1, 5]]);
    expect(await updateScenario(handle.db, "9f0c4a52-6b1e-4c0a-8f3e-2d7b5a1c9e80", input({ name: "x", steps: [step(1, "call", null, "manual")] }))).toBe(false);
  });

  it("lists scenarios with their steps and the groups using them", async () => {
    const other = await createScenario(handle.db, input({ name: "Agressif", steps: [step(1, "email", t.email), step(8, "call", null, "manual")] }));
    await makeGroup(handle.db, { name: "Grands comptes", priority: 1, scenarioId: id });
    await makeGroup(handle.db, { name: "PME", priority: 2, scenarioId: id });
    const list = await listScenarios(handle.db);
    expect(list.map((s) => [s.name, s.steps.length, s.groups])).toEqual([
      ["Agressif", 2, []],
      ["Standard révisé", 1, ["Grands comptes", "PME"]],
    ]);
    expect(list[0].id).toBe(other);
  });

  it("refuses to delete a scenario a group uses, naming the groups", async () => {
    expect(await deleteScenario(handle.db, id)).toEqual({
      ok: false,
      error: "Ce scénario est utilisé par les groupes « Grands comptes » et « PME » : choisissez un autre scénario pour ces groupes avant de le supprimer.",
    });
    const agressif = (await listScenarios(handle.db)).find((s) => s.name === "Agressif")!;
    await makeGroup(handle.db, { name: "Petits comptes", priority: 3, scenarioId: agressif.id });
    expect(await deleteScenario(handle.db, agressif.id)).toEqual({
      ok: false,
      error: "Ce scénario est utilisé par le groupe « Petits comptes » : choisissez un autre scénario pour ce groupe avant de le supprimer.",
    });
  });

  it("deletes an unused scenario with its steps", async () => {
    const lone = await createScenario(handle.db, input({ name: "Éphémère", steps: [step(2, "call", null, "manual")] }));
    const result = await deleteScenario(handle.db, lone);
    expect(result.ok && result.scenario.name).toBe("Éphémère");
    expect(await getScenario(handle.db, lone)).toBeNull();
    expect(await handle.db.select().from(scenarioSteps).where(eq(scenarioSteps.scenarioId, lone))).toEqual([]);
    expect(await deleteScenario(handle.db, lone)).toEqual({ ok: false, error: "Scénario introuvable." });
  });
});
