"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { cancelPaymentPlan, createPaymentPlan } from "@/db/queries/payment-plans";
import { type ActionResult, authedAction } from "@/lib/auth/action";
import { paymentPlanInput } from "@/lib/collection/payment-plan-input";
import { today } from "@/lib/dates";

const invalid = (field: string, message: string): ActionResult => ({ ok: false, error: "Certains champs sont invalides.", fieldErrors: { [field]: [message] } });

/** « Enregistrer l'échéancier »: the schema is built per call, since its dates are checked against today. */
export async function createPaymentPlanAction(previous: ActionResult | null, input: FormData | z.input<ReturnType<typeof paymentPlanInput>>) {
  const date = today();
  return authedAction("relance.work", paymentPlanInput(date), async (plan, { db, scope }): Promise<ActionResult> => {
    const result = await createPaymentPlan(db, scope, { ...plan, id: plan.requestId });
    if (result.status === "not_found") return { ok: false, error: "Client introuvable." };
    if (result.status === "invalid_documents") {
      return invalid("documentIds", "Une pièce choisie n'est plus ouverte ou fait déjà l'objet d'un échéancier : rechargez la page.");
    }
    if (result.status === "mismatch") return invalid("instalments", result.message);
    revalidatePath(`/clients/${plan.clientId}`);
    const n = plan.instalments.length;
    return { ok: true, data: undefined, message: `Échéancier enregistré : ${n} échéance${n > 1 ? "s" : ""}. Ses pièces ne sont plus relancées tant qu'il est respecté.` };
  })(previous, input);
}

export const cancelPaymentPlanAction = authedAction("relance.work", z.object({ planId: z.uuid() }), async ({ planId }, { db, scope }) => {
  const clientId = await cancelPaymentPlan(db, scope, planId, today());
  if (!clientId) return { ok: false, error: "Échéancier introuvable ou déjà terminé." };
  revalidatePath(`/clients/${clientId}`);
  return { ok: true, data: undefined, message: "Échéancier annulé : ses pièces sont de nouveau relancées." };
});
