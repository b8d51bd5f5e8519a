"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { recordAudit } from "@/db/queries/audit";
import { checkStepTemplates, createScenario, deleteScenario, scenarioNameTaken, updateScenario } from "@/db/queries/scenarios";
import type { Queryable } from "@/db/client";
import { type ActionResult, authedAction } from "@/lib/auth/action";
import { refreshScenarioForecastSoon } from "@/lib/collection/forecast-refresh";
import { parseScenario, type ScenarioInput } from "@/lib/scenarios/steps";

// The shared rules (lib/scenarios/steps.ts) check the values, so that errors come back keyed per step.
const scenarioForm = z.object({
  id: z.uuid().optional(),
  name: z.unknown(),
  description: z.unknown(),
  steps: z.array(z.record(z.string(), z.unknown())).max(100),
});

const invalid = (fieldErrors: Record<string, string[]>): ActionResult<never> => ({ ok: false, error: "Certains champs sont invalides.", fieldErrors });

type AuditedStep = Pick<ScenarioInput["steps"][number], "label" | "offsetDays" | "actionType" | "templateId" | "mode" | "minAmount"> & { recipientRole: string };
const auditDetails = (scenario: { name: string; description: string | null; steps: AuditedStep[] }) => ({
  name: scenario.name,
  description: scenario.description,
  steps: scenario.steps.map((s, i) => ({
    position: i + 1,
    label: s.label,
    offsetDays: s.offsetDays,
    actionType: s.actionType,
    templateId: s.templateId,
    mode: s.mode,
    minAmount: s.minAmount,
    recipientRole: s.recipientRole,
  })),
});

async function done(db: Queryable, message: string): Promise<ActionResult> {
  await refreshScenarioForecastSoon(db);
  revalidatePath("/relance/scenarios");
  revalidatePath("/relance/groupes");
  return { ok: true, data: undefined, message };
}

export const saveScenarioAction = authedAction("relance.configure", scenarioForm, async ({ id, ...raw }, { db, scope }) => {
  const parsed = parseScenario(raw);
  if (!parsed.ok) return invalid(parsed.errors);
  const input = parsed.data;
  const result = await db.transaction(async (tx) => {
    const errors = await checkStepTemplates(tx, input.steps);
    if (await scenarioNameTaken(tx, input.name, id)) errors.name = ["Un scénario porte déjà ce nom."];
    if (Object.keys(errors).length) return { kind: "invalid" as const, errors };
    const savedId = id ? ((await updateScenario(tx, id, input)) ? id : null) : await createScenario(tx, input);
    if (!savedId) return { kind: "missing" as const };
    await recordAudit(tx, {
      userId: scope.userId,
      action: id ? "scenario.update" : "scenario.create",
      targetType: "scenario",
      targetId: savedId,
      details: auditDetails(input),
    });
    return { kind: "saved" as const };
  });
  if (result.kind === "invalid") return invalid(result.errors);
  if (result.kind === "missing") return { ok: false, error: "Scénario introuvable." };
  return done(db, id ? `Scénario « ${input.name} » enregistré.` : `Scénario « ${input.name} » créé.`);
});

export const deleteScenarioAction = authedAction("relance.configure", z.object({ id: z.uuid() }), async ({ id }, { db, scope }) => {
  const result = await db.transaction(async (tx) => {
    const deleted = await deleteScenario(tx, id);
    if (!deleted.ok) return deleted;
    await recordAudit(tx, {
      userId: scope.userId,
      action: "scenario.delete",
      targetType: "scenario",
      targetId: id,
      details: auditDetails(deleted.scenario),
    });
    return deleted;
  });
  if (!result.ok) return { ok: false, error: result.error };
  return done(db, `Scénario « ${result.scenario.name} » supprimé.`);
});

/** « Recalculer » on the forecast card: a new forecast of the coming nights, in the background. */
export const refreshForecastAction = authedAction("relance.configure", z.object({}), async (_input, { db }) => {
  await refreshScenarioForecastSoon(db);
  revalidatePath("/relance/scenarios");
  return { ok: true, data: undefined, message: "Calcul des prévisions lancé." };
});
