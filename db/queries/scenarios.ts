/** Reading and writing relance scenarios and their ordered steps. */
import { and, asc, eq, inArray, ne, notInArray, sql } from "drizzle-orm";
import type { Queryable } from "../client";
import { groups, scenarios, scenarioSteps, templates } from "../schema";
import { type Channel, type FieldErrors, type ScenarioInput, templateChannelError } from "@/lib/scenarios/steps";

export type ScenarioStepRow = {
  id: string;
  position: number;
  label: string;
  offsetDays: number;
  actionType: (typeof scenarioSteps.$inferSelect)["actionType"];
  templateId: string | null;
  templateName: string | null;
  mode: (typeof scenarioSteps.$inferSelect)["mode"];
  minAmount: string;
  recipientRole: string;
};
export type ScenarioWithSteps = { id: string; name: string; description: string | null; steps: ScenarioStepRow[] };
export type ScenarioSummary = ScenarioWithSteps & { groups: string[] };

const stepColumns = {
  id: scenarioSteps.id,
  scenarioId: scenarioSteps.scenarioId,
  position: scenarioSteps.position,
  label: scenarioSteps.label,
  offsetDays: scenarioSteps.offsetDays,
  actionType: scenarioSteps.actionType,
  templateId: scenarioSteps.templateId,
  templateName: templates.name,
  mode: scenarioSteps.mode,
  minAmount: scenarioSteps.minAmount,
  recipientRole: scenarioSteps.recipientRole,
};

function stepsOf(db: Queryable, scenarioIds: string[]) {
  return db
    .select(stepColumns)
    .from(scenarioSteps)
    .leftJoin(templates, eq(templates.id, scenarioSteps.templateId))
    .where(inArray(scenarioSteps.scenarioId, scenarioIds))
    .orderBy(asc(scenarioSteps.scenarioId), asc(scenarioSteps.position));
}

/** Steps grouped by scenario id. */
function byScenario(rows: (ScenarioStepRow & { scenarioId: string })[]): Map<string, ScenarioStepRow[]> {
  const map = new Map<string, ScenarioStepRow[]>();
  for (const { scenarioId, ...step } of rows) map.set(scenarioId, [...(map.get(scenarioId) ?? []), step]);
  return map;
}

/** Every scenario by name, with its steps in order and the names of the groups that use it. */
export async function listScenarios(db: Queryable): Promise<ScenarioSummary[]> {
  const rows = await db.select({ id: scenarios.id, name: scenarios.name, description: scenarios.description }).from(scenarios).orderBy(asc(scenarios.name));
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [steps, users] = await Promise.all([
    stepsOf(db, ids),
    db.select({ scenarioId: groups.scenarioId, name: groups.name }).from(groups).where(inArray(groups.scenarioId, ids)).orderBy(asc(groups.priority), asc(groups.name)),
  ]);
  const stepsById = byScenario(steps);
  return rows.map((r) => ({
    ...r,
    steps: stepsById.get(r.id) ?? [],
    groups: users.filter((g) => g.scenarioId === r.id).map((g) => g.name),
  }));
}

export async function getScenario(db: Queryable, id: string): Promise<ScenarioWithSteps | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const [row] = await db.select({ id: scenarios.id, name: scenarios.name, description: scenarios.description }).from(scenarios).where(eq(scenarios.id, id));
  if (!row) return null;
  return { ...row, steps: byScenario(await stepsOf(db, [id])).get(id) ?? [] };
}

/** The templates a step may use, for the editor's selects. */
export function listTemplateChoices(db: Queryable) {
  return db.select({ id: templates.id, name: templates.name, channel: templates.channel }).from(templates).orderBy(asc(templates.name));
}

/** Whether another scenario already has this name (ignoring case and surrounding spaces). */
export async function scenarioNameTaken(db: Queryable, name: string, exceptId?: string): Promise<boolean> {
  const same = sql`lower(trim(${scenarios.name})) = lower(trim(${name}))`;
  const [row] = await db.select({ id: scenarios.id }).from(scenarios).where(exceptId ? and(same, ne(scenarios.id, exceptId)) : same).limit(1);
  return Boolean(row);
}

/** Errors keyed `steps.<index>.templateId` for templates that no longer exist or do not fit their step's action. */
export async function checkStepTemplates(db: Queryable, steps: ScenarioInput["steps"]): Promise<FieldErrors> {
  const ids = [...new Set(steps.flatMap((s) => (s.templateId ? [s.templateId] : [])))];
  const found = ids.length ? await db.select({ id: templates.id, channel: templates.channel }).from(templates).where(inArray(templates.id, ids)) : [];
  const channels = new Map(found.map((t) => [t.id, t.channel as Channel]));
  const errors: FieldErrors = {};
  steps.forEach((step, i) => {
    if (!step.templateId) return;
    const channel = channels.get(step.templateId);
    const error = channel ? templateChannelError(step.actionType, channel) : "Ce modèle n'existe plus : choisissez-en un autre.";
    if (error) errors[`steps.${i}.templateId`] = [error];
  });
  return errors;
}

const stepValues = (scenarioId: string, step: ScenarioInput["steps"][number], position: number) => ({
  scenarioId,
  position,
  label: step.label,
  offsetDays: step.offsetDays,
  actionType: step.actionType,
  templateId: step.templateId,
  mode: step.mode,
  minAmount: step.minAmount,
  recipientRole: step.recipientRole,
});

/**
 * Makes the scenario's steps exactly `steps`, positions 1..n. Steps sent back with their id keep it, so the actions
 * already planned at that step stay linked to it; the others are deleted (their actions lose the step) or inserted.
 */
async function replaceSteps(db: Queryable, scenarioId: string, steps: ScenarioInput["steps"]) {
  const kept = steps.flatMap((s) => (s.id ? [s.id] : []));
  await db
    .delete(scenarioSteps)
    .where(and(eq(scenarioSteps.scenarioId, scenarioId), kept.length ? notInArray(scenarioSteps.id, kept) : undefined));
  // Positions are unique per scenario: kept steps go through negative positions so no two collide on the way.
  for (const [i, step] of steps.entries()) {
    if (step.id) await db.update(scenarioSteps).set({ position: -(i + 1) }).where(and(eq(scenarioSteps.id, step.id), eq(scenarioSteps.scenarioId, scenarioId)));
  }
  const fresh: ReturnType<typeof stepValues>[] = [];
  for (const [i, step] of steps.entries()) {
    const values = stepValues(scenarioId, step, i + 1);
    if (!step.id) fresh.push(values);
    else {
      const updated = await db.update(scenarioSteps).set(values).where(and(eq(scenarioSteps.id, step.id), eq(scenarioSteps.scenarioId, scenarioId))).returning({ id: scenarioSteps.id });
      if (updated.length === 0) fresh.push(values);
    }
  }
  if (fresh.length) await db.insert(scenarioSteps).values(fresh);
}

export async function createScenario(db: Queryable, input: ScenarioInput): Promise<string> {
  const [row] = await db.insert(scenarios).values({ name: input.name, description: input.description }).returning({ id: scenarios.id });
  await replaceSteps(db, row.id, input.steps.map((s) => ({ ...s, id: undefined })));
  return row.id;
}

export async function updateScenario(db: Queryable, id: string, input: ScenarioInput): Promise<boolean> {
  const rows = await db
    .update(scenarios)
    .set({ name: input.name, description: input.description, updatedAt: new Date() })
    .where(eq(scenarios.id, id))
    .returning({ id: scenarios.id });
  if (rows.length === 0) return false;
  await replaceSteps(db, id, input.steps);
  return true;
}

const quoted = (names: string[]) => {
  const q = names.map((n) => `« ${n} »`);
  return q.length === 1 ? q[0] : `${q.slice(0, -1).join(", ")} et ${q[q.length - 1]}`;
};

/** The French refusal when groups still use the scenario, or null when it may be deleted. */
export function scenarioInUseMessage(groupNames: string[]): string | null {
  if (groupNames.length === 0) return null;
  return groupNames.length === 1
    ? `Ce scénario est utilisé par le groupe ${quoted(groupNames)} : choisissez un autre scénario pour ce groupe avant de le supprimer.`
    : `Ce scénario est utilisé par les groupes ${quoted(groupNames)} : choisissez un autre scénario pour ces groupes avant de le supprimer.`;
}

export type DeleteScenarioResult = { ok: true; scenario: ScenarioWithSteps } | { ok: false; error: string };

/** Deletes a scenario and its steps, unless a group uses it (the foreign key would refuse it anyway). */
export async function deleteScenario(db: Queryable, id: string): Promise<DeleteScenarioResult> {
  const scenario = await getScenario(db, id);
  if (!scenario) return { ok: false, error: "Scénario introuvable." };
  const users = await db.select({ name: groups.name }).from(groups).where(eq(groups.scenarioId, id)).orderBy(asc(groups.priority), asc(groups.name)).for("update");
  const inUse = scenarioInUseMessage(users.map((g) => g.name));
  if (inUse) return { ok: false, error: inUse };
  await db.delete(scenarios).where(eq(scenarios.id, id));
  return { ok: true, scenario };
}
