"use server";

import { revalidatePath } from "next/cache";
import { after } from "next/server";
import { z } from "zod";
import { type AgendaSelection, cancelActions, confirmActions, reassignActions, rescheduleActions } from "@/db/queries/agenda-writes";
import { recordAudit } from "@/db/queries/audit";
import { countAutomaticMatching } from "@/db/queries/automatic-states";
import { type ActionResult, authedAction } from "@/lib/auth/action";
import { recordActionOutcome } from "@/lib/collection/action-outcome";
import { checkOutcome, outcomeFields, toCompletion } from "@/lib/collection/outcome-input";
import { isoDatePattern, today } from "@/lib/dates";
import { formatInteger } from "@/lib/format/fr";
import { parseAgendaSearch, toAgendaFilters, withAutomaticState } from "@/lib/relance/agenda-filters";
import { dispatchDueActions } from "@/inngest/functions/send-action";

const notFound: ActionResult = { ok: false, error: "Action introuvable." };
const ids = z.array(z.uuid()).min(1, "Choisissez au moins une action.").max(5000);
const date = z.string().regex(isoDatePattern, "Indiquez une date.");
const text = (max: number) => z.string().trim().max(max);

const plural = (n: number, one: string, many: string) => `${formatInteger(n)} ${n > 1 ? many : one}`;

function done(message: string): ActionResult {
  revalidatePath("/relance", "layout");
  revalidatePath("/clients/[id]", "page");
  return { ok: true, data: undefined, message };
}

const completion = z.object({ actionId: z.uuid(), ...outcomeFields }).superRefine(checkOutcome);

export const completeActionAction = authedAction("relance.work", completion, async (input, { db, scope }) => {
  const result = await recordActionOutcome(db, scope, input.actionId, toCompletion(input));
  if (result.status === "not_found") return notFound;
  if (result.status === "no_document") {
    return { ok: false, error: "Certains champs sont invalides.", fieldErrors: { documentIds: ["Choisissez une pièce ouverte de cette action."] } };
  }
  return done("Action enregistrée.");
});

export const rescheduleActionsAction = authedAction("relance.work", z.object({ ids, date }), async (input, { db, scope }) => {
  const n = await db.transaction(async (tx) => {
    const count = await rescheduleActions(tx, scope, input.ids, input.date);
    if (count) await recordAudit(tx, { userId: scope.userId, action: "action.reschedule", targetType: "action", details: { ids: input.ids, date: input.date, count } });
    return count;
  });
  if (n === 0) return input.ids.length === 1 ? notFound : { ok: false, error: "Aucune action n'a pu être replanifiée." };
  return done(`${plural(n, "action replanifiée", "actions replanifiées")}.`);
});

export const cancelActionsAction = authedAction(
  "relance.work",
  z.object({ ids, reason: text(500).min(1, "Indiquez le motif de l'annulation.") }),
  async (input, { db, scope }) => {
    const n = await db.transaction(async (tx) => {
      const count = await cancelActions(tx, scope, input.ids, input.reason);
      if (count) await recordAudit(tx, { userId: scope.userId, action: "action.cancel", targetType: "action", details: { ids: input.ids, reason: input.reason, count } });
      return count;
    });
    if (n === 0) return input.ids.length === 1 ? notFound : { ok: false, error: "Aucune action n'a pu être annulée." };
    return done(`${plural(n, "action annulée", "actions annulées")}.`);
  },
);

export const reassignActionsAction = authedAction(
  "portfolios.reassign",
  z.object({ ids, userId: z.uuid("Choisissez le chargé de recouvrement.") }),
  async (input, { db, scope }) => {
    const n = await db.transaction(async (tx) => {
      const count = await reassignActions(tx, scope, input.ids, input.userId);
      if (count) await recordAudit(tx, { userId: scope.userId, action: "action.reassign", targetType: "action", details: { ids: input.ids, to: input.userId, count } });
      return count;
    });
    if (n === null) return { ok: false, error: "Choisissez un chargé de recouvrement actif.", fieldErrors: { userId: ["Choisissez un chargé de recouvrement actif."] } };
    if (n === 0) return notFound;
    return done(`${plural(n, "action réattribuée", "actions réattribuées")}.`);
  },
);

/**
 * Either the chosen rows, or — with `all` — every automatic action matching the filters and état of the page
 * (`query`). Only those à confirmer are confirmed, re-read here within the user's scope; the others are counted as
 * left aside.
 */
export const confirmActionsAction = authedAction(
  "actions.confirm",
  z.object({ ids: z.array(z.uuid()).max(5000).optional(), all: z.literal("1").optional(), query: z.string().max(2000).optional() }),
  async (input, { db, scope }) => {
    let selection: AgendaSelection;
    if (input.all) {
      const search = parseAgendaSearch(Object.fromEntries(new URLSearchParams(input.query ?? "")));
      selection = { filters: withAutomaticState(toAgendaFilters(search, scope), search, today()) };
    } else selection = { ids: input.ids ?? [] };
    if ("ids" in selection && selection.ids.length === 0) return { ok: false, error: "Choisissez au moins une action." };
    const { confirmed, matched } = await db.transaction(async (tx) => {
      const matching = "ids" in selection ? selection.ids.length : await countAutomaticMatching(tx, scope, selection.filters);
      const ids = await confirmActions(tx, scope, selection);
      const details = { count: ids.length, ...("ids" in selection ? { ids: selection.ids } : { filters: input.query ?? "" }) };
      if (ids.length) await recordAudit(tx, { userId: scope.userId, action: "action.confirm", targetType: "action", details });
      return { confirmed: ids, matched: matching };
    });
    const skipped = Math.max(0, matched - confirmed.length);
    const aside = skipped ? ` ; ${plural(skipped, "action ignorée", "actions ignorées")} car pas à confirmer` : "";
    if (confirmed.length === 0) return { ok: false, error: `Aucune action à confirmer dans cette sélection${aside}.` };
    // Those already due go out now, after the answer: the supervisor does not wait for the sending.
    after(() => dispatchDueActions(db, today(), confirmed).catch((error) => console.error("[jobs] envoi après confirmation :", error)));
    return done(`${plural(confirmed.length, "action confirmée", "actions confirmées")}${aside}. Celles du jour partent maintenant.`);
  },
);
