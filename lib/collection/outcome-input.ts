/**
 * The fields of the outcome form (« Résultat de l'action »), shared by the agenda's treatment of a planned action
 * and the unplanned call logged from the fiche client: what they accept and how they become a completion.
 */
import { z } from "zod";
import type { CompletionInput } from "@/db/queries/agenda-writes";
import { isoDatePattern } from "@/lib/dates";
import { actionOutcomes } from "./labels";

const text = (max: number) => z.string().trim().max(max);

/** « 1 234,56 € » as typed in France, to a positive number. */
export const frenchAmount = z.preprocess(
  (v) => (typeof v === "string" ? v.replace(/[\s\u00a0\u202f€]/g, "").replace(",", ".") : v),
  z.coerce.number({ message: "Indiquez un montant." }).positive("Indiquez un montant positif.").max(1e12),
);

export const outcomeFields = {
  outcome: z.enum(actionOutcomes, { message: "Choisissez le résultat." }),
  note: text(2000).optional().transform((v) => v || null),
  promiseDate: z.string().optional(),
  promiseAmount: z.unknown().optional(),
  disputeReason: text(500).optional(),
  documentIds: z.array(z.coerce.number().int().positive()).optional(),
};

export type OutcomeFields = z.infer<z.ZodObject<typeof outcomeFields>>;

/** Where each field's error goes: the form's names by default, the open API's snake_case names there. */
export type OutcomeFieldNames = Record<"promiseDate" | "promiseAmount" | "disputeReason" | "documentIds", string>;
const formNames: OutcomeFieldNames = { promiseDate: "promiseDate", promiseAmount: "promiseAmount", disputeReason: "disputeReason", documentIds: "documentIds" };

/** A promise needs its date and amount; a dispute its reason and documents. */
export function checkOutcome(input: OutcomeFields, ctx: z.RefinementCtx, names: OutcomeFieldNames = formNames) {
  if (input.outcome === "promise") {
    if (!input.promiseDate || !isoDatePattern.test(input.promiseDate)) ctx.addIssue({ code: "custom", path: [names.promiseDate], message: "Indiquez la date promise." });
    if (!frenchAmount.safeParse(input.promiseAmount).success) ctx.addIssue({ code: "custom", path: [names.promiseAmount], message: "Indiquez le montant promis." });
  }
  if (input.outcome === "dispute") {
    if (!input.disputeReason) ctx.addIssue({ code: "custom", path: [names.disputeReason], message: "Indiquez le motif du litige." });
    if (!input.documentIds?.length) ctx.addIssue({ code: "custom", path: [names.documentIds], message: "Choisissez au moins une pièce." });
  }
}

/** An unplanned call's outcome (« Noter un appel »): a promise also needs the documents it covers. */
export function checkCallOutcome(input: OutcomeFields, ctx: z.RefinementCtx, names: OutcomeFieldNames = formNames) {
  checkOutcome(input, ctx, names);
  if (input.outcome === "promise" && !input.documentIds?.length) ctx.addIssue({ code: "custom", path: [names.documentIds], message: "Choisissez au moins une pièce." });
}

export function toCompletion(input: OutcomeFields): CompletionInput {
  return {
    outcome: input.outcome,
    note: input.note,
    promise: input.outcome === "promise" ? { date: input.promiseDate!, amount: frenchAmount.parse(input.promiseAmount).toFixed(2) } : undefined,
    dispute: input.outcome === "dispute" ? { reason: input.disputeReason!, documentIds: input.documentIds ?? [] } : undefined,
  };
}
