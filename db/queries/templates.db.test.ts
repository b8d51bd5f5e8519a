import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { scenarioSteps, scenarios } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import { createTemplate, deleteTemplate, getTemplate, listTemplates, sentAsFormalNotice, templateNameTaken, updateTemplate } from "./templates";

let handle: DatabaseHandle;
const ids: Record<string, string> = {};

beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

describe("templates", () => {
  it("creates templates and lists them by channel then name, unused at first", async () => {
    ids.relance = await createTemplate(handle.db, "email", { name: "Relance amiable", subject: "Factures échues", body: "<p>Bonjour</p>", attachments: { documentList: "pdf" } });
    ids.sms = await createTemplate(handle.db, "sms", { name: "Rappel SMS", subject: null, body: "Bonjour", attachments: {} });
    ids.avant = await createTemplate(handle.db, "email", { name: "Avant échéance", subject: "Échéance proche", body: "<p>Bonjour</p>", attachments: {} });
    const list = await listTemplates(handle.db);
    expect(list.map((t) => [t.channel, t.name, t.steps, t.scenarioNames])).toEqual([
      ["email", "Avant échéance", 0, []],
      ["email", "Relance amiable", 0, []],
      ["sms", "Rappel SMS", 0, []],
    ]);
    expect((await getTemplate(handle.db, ids.relance))?.attachments).toEqual({ documentList: "pdf" });
    expect(await getTemplate(handle.db, "pas-un-id")).toBeNull();
  });

  it("finds taken names ignoring case, except the template itself", async () => {
    expect(await templateNameTaken(handle.db, " relance AMIABLE ")).toBe(true);
    expect(await templateNameTaken(handle.db, "Relance amiable", ids.relance)).toBe(false);
    expect(await templateNameTaken(handle.db, "Autre")).toBe(false);
  });

  it("updates a template and keeps its channel", async () => {
    expect(await updateTemplate(handle.db, ids.sms, { name: "Rappel", subject: null, body: "Bonjour {{client.code}}", attachments: {} })).toBe(true);
    const saved = await getTemplate(handle.db, ids.sms);
    expect([saved?.channel, saved?.name, saved?.body]).toEqual(["sms", "Rappel", "Bonjour {{client.code}}"]);
  });

  it("counts the scenario steps using a template and refuses to delete it while they do", async () => {
    const [standard, ferme] = await handle.db.insert(scenarios).values([{ name: "Standard" }, { name: "Ferme" }]).returning();
    await handle.db.insert(scenarioSteps).values([
      { scenarioId: standard.id, position: 1, label: "J+5", offsetDays: 5, actionType: "email", templateId: ids.relance, mode: "automatic" },
      { scenarioId: standard.id, position: 2, label: "J+15", offsetDays: 15, actionType: "email", templateId: ids.relance, mode: "automatic" },
      { scenarioId: ferme.id, position: 1, label: "J+5", offsetDays: 5, actionType: "email", templateId: ids.relance, mode: "automatic" },
    ]);
    const used = (await listTemplates(handle.db)).find((t) => t.id === ids.relance);
    expect([used?.steps, used?.scenarioNames]).toEqual([3, ["Ferme", "Standard"]]);
    expect(await deleteTemplate(handle.db, ids.relance)).toEqual({ usedBy: ["Ferme", "Standard"] });
    expect(await getTemplate(handle.db, ids.relance)).not.toBeNull();
  });

  it("knows a letter template sent as a mise en demeure, not one sent as a plain letter", async () => {
    const notice = await createTemplate(handle.db, "letter", { name: "Mise en demeure", subject: "Mise en demeure", body: "<p>Madame,</p>", attachments: {} });
    const letter = await createTemplate(handle.db, "letter", { name: "Lettre", subject: "Relance", body: "<p>Madame,</p>", attachments: {} });
    const [scenario] = await handle.db.insert(scenarios).values({ name: "Courriers" }).returning();
    await handle.db.insert(scenarioSteps).values([
      { scenarioId: scenario.id, position: 1, label: "J+30", offsetDays: 30, actionType: "letter", templateId: letter, mode: "automatic" },
      { scenarioId: scenario.id, position: 2, label: "J+45", offsetDays: 45, actionType: "formal_notice", templateId: notice, mode: "automatic" },
    ]);
    expect(await sentAsFormalNotice(handle.db, notice)).toBe(true);
    expect(await sentAsFormalNotice(handle.db, letter)).toBe(false);
  });

  it("deletes an unused template once, then answers null", async () => {
    expect(await deleteTemplate(handle.db, ids.avant)).toEqual({ deleted: "Avant échéance" });
    expect(await deleteTemplate(handle.db, ids.avant)).toBeNull();
    expect(await deleteTemplate(handle.db, "pas-un-id")).toBeNull();
  });
});
