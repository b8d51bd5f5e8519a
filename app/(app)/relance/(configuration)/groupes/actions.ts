"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { Queryable } from "@/db/client";
import { recordAudit } from "@/db/queries/audit";
import { loadReadyColumns } from "@/db/queries/calculated-values";
import { type GroupsPreview, previewGroups, recomputeGroupMembership } from "@/db/queries/group-membership";
import { createGroup, deleteGroup, type GroupInput, groupNameTaken, listGroups, moveGroup, scenarioExists, updateGroup } from "@/db/queries/groups";
import type { GroupCriterion } from "@/db/schema/relance";
import { type ActionResult, authedAction } from "@/lib/auth/action";
import { refreshScenarioForecastSoon } from "@/lib/collection/forecast-refresh";
import { today } from "@/lib/dates";
import { criteriaFieldErrors, criteriaInput } from "@/lib/groups/criteria";

const groupForm = z.object({
  id: z.uuid().optional(),
  name: z.string().trim().min(1, "Donnez un nom au groupe.").max(120, "120 caractères au maximum."),
  scenarioId: z.union([z.uuid(), z.literal("")]).transform((v) => v || null),
  criteria: criteriaInput,
});
type GroupForm = z.infer<typeof groupForm>;

const invalid = (fieldErrors: Record<string, string[]>): ActionResult<never> => ({ ok: false, error: "Certains champs sont invalides.", fieldErrors });

async function checkGroup(db: Queryable, input: GroupForm): Promise<Record<string, string[]> | null> {
  const errors = criteriaFieldErrors(input.criteria, (await loadReadyColumns(db)).columns) ?? {};
  if (await groupNameTaken(db, input.name, input.id)) errors.name = ["Un groupe porte déjà ce nom."];
  if (input.scenarioId && !(await scenarioExists(db, input.scenarioId))) errors.scenarioId = ["Scénario introuvable."];
  return Object.keys(errors).length ? errors : null;
}

const toInput = (input: GroupForm): GroupInput => ({ name: input.name, scenarioId: input.scenarioId, criteria: input.criteria as GroupCriterion[] });

// The groups decide which scenario each client follows: the forecast of the coming nights changes with them.
async function done(db: Queryable, message: string): Promise<ActionResult> {
  await refreshScenarioForecastSoon(db);
  revalidatePath("/relance/groupes");
  revalidatePath("/relance/scenarios");
  return { ok: true, data: undefined, message };
}

export const saveGroupAction = authedAction("relance.configure", groupForm, async (input, { db, scope }) => {
  const errors = await checkGroup(db, input);
  if (errors) return invalid(errors);
  const saved = await db.transaction(async (tx) => {
    const id = input.id ? ((await updateGroup(tx, input.id, toInput(input))) ? input.id : null) : await createGroup(tx, toInput(input));
    if (!id) return null;
    const report = await recomputeGroupMembership(tx, today());
    const action = input.id ? "group.update" : "group.create";
    await recordAudit(tx, { userId: scope.userId, action, targetType: "group", targetId: id, details: { ...toInput(input), moved: report.updated } });
    return id;
  });
  if (!saved) return { ok: false, error: "Groupe introuvable." };
  return done(db, input.id ? `Groupe « ${input.name} » enregistré.` : `Groupe « ${input.name} » créé.`);
});

export const previewGroupAction = authedAction("relance.configure", groupForm, async (input, { db }): Promise<ActionResult<GroupsPreview["noGroup"]>> => {
  const errors = criteriaFieldErrors(input.criteria, (await loadReadyColumns(db)).columns);
  if (errors) return invalid(errors);
  // The draft takes its saved place (or comes last when new); the others keep theirs.
  const saved = await listGroups(db);
  const draft = { id: input.id, name: input.name || "Nouveau groupe", criteria: toInput(input).criteria };
  const list = input.id ? saved.map((g) => (g.id === input.id ? draft : g)) : [...saved, draft];
  const position = list.indexOf(draft);
  const preview = await previewGroups(db, list, today());
  return { ok: true, data: preview.groups[position] };
});

export const deleteGroupAction = authedAction("relance.configure", z.object({ id: z.uuid() }), async ({ id }, { db, scope }) => {
  const name = await db.transaction(async (tx) => {
    const deleted = await deleteGroup(tx, id);
    if (deleted === null) return null;
    await recomputeGroupMembership(tx, today());
    await recordAudit(tx, { userId: scope.userId, action: "group.delete", targetType: "group", targetId: id, details: { name: deleted } });
    return deleted;
  });
  if (name === null) return { ok: false, error: "Groupe introuvable." };
  return done(db, `Groupe « ${name} » supprimé.`);
});

export const moveGroupAction = authedAction(
  "relance.configure",
  z.object({ id: z.uuid(), direction: z.enum(["up", "down"]) }),
  async ({ id, direction }, { db, scope }) => {
    const moved = await db.transaction(async (tx) => {
      if (!(await moveGroup(tx, id, direction))) return false;
      await recomputeGroupMembership(tx, today());
      await recordAudit(tx, { userId: scope.userId, action: direction === "up" ? "group.move_up" : "group.move_down", targetType: "group", targetId: id });
      return true;
    });
    if (!moved) return { ok: false, error: "Ce groupe ne peut pas être déplacé dans ce sens." };
    return done(db, direction === "up" ? "Groupe monté d'un rang." : "Groupe descendu d'un rang.");
  },
);
