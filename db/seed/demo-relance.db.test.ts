import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { checkStepTemplates, getScenario, listScenarios } from "@/db/queries/scenarios";
import { templates } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import { parseScenario } from "@/lib/scenarios/steps";
import { smsSegments, validateTemplate } from "@/lib/templates";
import { seedDemoRelance } from "./demo-relance";

let handle: DatabaseHandle;
let scenarioId = "";

beforeAll(async () => {
  handle = await createTestDatabase();
  scenarioId = await handle.db.transaction((tx) => seedDemoRelance(tx, "2026-11-23"));
});
afterAll(() => handle.close());

describe("demo relance configuration", () => {
  it("seeds templates that pass the template checks", async () => {
    const rows = await handle.db.select().from(templates);
    expect(rows.map((t) => `${t.channel}:${t.name}`).sort()).toEqual([
      "email:Rappel avant échéance",
      "email:Relance amiable",
      "letter:Lettre de relance",
      "letter:Mise en demeure",
      "sms:Relance SMS",
    ]);
    for (const t of rows) expect({ name: t.name, errors: validateTemplate(t, t.channel) }).toEqual({ name: t.name, errors: [] });
    const formalNotice = rows.find((t) => t.name === "Mise en demeure")!;
    expect(formalNotice.body).toContain("L441-10");
    expect(formalNotice.body).toContain("D441-5");
    expect(formalNotice.body).toContain("{{pieces.tableau_penalites}}");
    expect(formalNotice.body).toContain("huit jours");
    const sms = rows.find((t) => t.channel === "sms")!;
    expect(smsSegments(sms.body).segments).toBeLessThanOrEqual(2);
  });

  it("seeds the « Standard » scenario, valid by the editor's own rules, followed by a catch-all group", async () => {
    const scenario = (await getScenario(handle.db, scenarioId))!;
    expect(scenario.steps.map((s) => [s.offsetDays, s.actionType, s.mode, s.templateName])).toEqual([
      [-5, "email", "automatic", "Rappel avant échéance"],
      [5, "email", "automatic", "Relance amiable"],
      [15, "call", "manual", null],
      [30, "letter", "automatic_to_confirm", "Lettre de relance"],
      [45, "formal_notice", "automatic_to_confirm", "Mise en demeure"],
    ]);
    const parsed = parseScenario(scenario);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(await checkStepTemplates(handle.db, parsed.data.steps)).toEqual({});
    expect((await listScenarios(handle.db)).map((s) => [s.name, s.groups])).toEqual([["Standard", ["Tous les clients"]]]);
  });
});
