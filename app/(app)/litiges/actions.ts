"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { type DisputeCasePatch, OWNER_FIELDS } from "@/db/queries/dispute-writes";
import { authedAction } from "@/lib/auth/action";
import { can } from "@/lib/auth/permissions";
import { saveDisputeCase } from "@/lib/disputes/case-writes";
import { disputeCategories, disputeOutcomes, disputeStatuses } from "@/lib/disputes/labels";
import { isoDatePattern } from "@/lib/dates";

const blankAsNull = (v: unknown) => (v === "" ? null : v);
const frenchAmount = (v: unknown) => (typeof v === "string" ? v.replace(/[\s\u00a0\u202f€]/g, "").replace(",", ".") : v);

const schema = z.object({
  id: z.uuid(),
  status: z.enum(disputeStatuses),
  outcome: z.preprocess(blankAsNull, z.enum(disputeOutcomes).nullable()).optional(),
  resolutionNote: z.preprocess(blankAsNull, z.string().trim().max(1000, "1 000 caractères au maximum.").nullable()).optional(),
  category: z.enum(disputeCategories).optional(),
  amount: z
    .preprocess(blankAsNull, z.preprocess(frenchAmount, z.string().regex(/^\d{1,13}(\.\d{1,2})?$/, "Montant invalide (ex. : 1 250,00).")).nullable())
    .optional(),
  ownerId: z.preprocess(blankAsNull, z.uuid().nullable()).optional(),
  targetDate: z.preprocess(blankAsNull, z.string().regex(isoDatePattern, "Date invalide.").nullable()).optional(),
});

const refusals = {
  not_found: "Litige introuvable.",
  forbidden: "Seul le responsable du litige peut en changer le statut.",
  outcome_required: "Indiquez le résultat pour passer le litige en « Résolu ».",
  unknown_owner: "Ce responsable n'existe pas ou n'est plus actif.",
} as const;

/**
 * Saves a case. Those who manage cases change every field; the case's owner without that right changes only its
 * status, outcome and resolution note, whatever else the form sends.
 */
export const updateDisputeCaseAction = authedAction("disputes.read", schema, async ({ id, ...fields }, { db, scope }) => {
  const manage = can(scope.role, "disputes.manage");
  const patch: DisputeCasePatch = Object.fromEntries(
    Object.entries(fields).filter(([key, value]) => value !== undefined && (manage || (OWNER_FIELDS as readonly string[]).includes(key))),
  );
  const result = await saveDisputeCase(db, scope, id, patch, manage);
  if (result.status !== "ok") {
    return result.status === "outcome_required"
      ? { ok: false, error: refusals.outcome_required, fieldErrors: { outcome: [refusals.outcome_required] } }
      : { ok: false, error: refusals[result.status] };
  }
  revalidatePath("/litiges");
  revalidatePath(`/clients/${result.clientId}`);
  return { ok: true, data: undefined, message: Object.keys(result.changes).length ? "Litige enregistré." : "Aucune modification." };
});
