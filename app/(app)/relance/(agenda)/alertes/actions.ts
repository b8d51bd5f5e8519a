"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createAlert, deleteAlert, nameTaken, updateAlert } from "@/db/queries/alerts";
import { recordAudit } from "@/db/queries/audit";
import { loadReadyColumns } from "@/db/queries/calculated-values";
import type { GroupCriterion } from "@/db/schema/relance";
import { type ActionResult, authedAction } from "@/lib/auth/action";
import { criteriaFieldErrors, criteriaInput } from "@/lib/groups/criteria";

const alertForm = z.object({
  id: z.uuid().optional(),
  name: z.string().trim().min(1, "Donnez un nom à l'alerte.").max(80, "80 caractères au maximum."),
  criteria: criteriaInput.min(1, "Ajoutez au moins un critère."),
});

export const saveAlertAction = authedAction("relance.work", alertForm, async (input, { db, scope }): Promise<ActionResult> => {
  const errors = criteriaFieldErrors(input.criteria, (await loadReadyColumns(db)).columns) ?? {};
  if (await nameTaken(db, scope, input.name, input.id)) errors.name = ["Vous avez déjà une alerte de ce nom."];
  if (Object.keys(errors).length) return { ok: false, error: "Certains champs sont invalides.", fieldErrors: errors };
  const values = { name: input.name, criteria: input.criteria as GroupCriterion[] };
  const id = await db.transaction(async (tx) => {
    const saved = input.id ? ((await updateAlert(tx, scope, input.id, values)) ? input.id : null) : await createAlert(tx, scope, values);
    if (saved) await recordAudit(tx, { userId: scope.userId, action: input.id ? "alert.update" : "alert.create", targetType: "alert", targetId: saved, details: values });
    return saved;
  });
  if (!id) return { ok: false, error: "Alerte introuvable." };
  revalidatePath("/relance/alertes");
  return { ok: true, data: undefined, message: `Alerte « ${input.name} » enregistrée.` };
});

export const deleteAlertAction = authedAction("relance.work", z.object({ id: z.uuid() }), async ({ id }, { db, scope }): Promise<ActionResult> => {
  const deleted = await db.transaction(async (tx) => {
    const ok = await deleteAlert(tx, scope, id);
    if (ok) await recordAudit(tx, { userId: scope.userId, action: "alert.delete", targetType: "alert", targetId: id });
    return ok;
  });
  if (!deleted) return { ok: false, error: "Alerte introuvable." };
  revalidatePath("/relance/alertes");
  return { ok: true, data: undefined, message: "Alerte supprimée." };
});
