"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { recordAudit } from "@/db/queries/audit";
import { assignClient, setForcedGroup, setReminderPause } from "@/db/queries/client-edits";
import { addClientComment } from "@/db/queries/client-timeline";
import { createContact, deleteContact, updateContact } from "@/db/queries/contacts";
import { closeDisputes, openDisputes } from "@/db/queries/disputes";
import { type ActionResult, authedAction } from "@/lib/auth/action";
import { refreshHomeAfterResponse } from "@/lib/kpi/refresh-after-response";
import { contactForm, emailForm, newContactForm, pauseFields } from "@/lib/clients/fiche-forms";
import { checkCallOutcome, outcomeFields, toCompletion } from "@/lib/collection/outcome-input";
import { logUnplannedCall } from "@/lib/collection/unplanned-call";
import { today } from "@/lib/dates";
import { type ClientEmailPreview, composeClientEmail, previewClientEmail, sendClientEmail } from "@/lib/outbound/client-email";

const notFound: ActionResult = { ok: false, error: "Client introuvable." };
const done = (clientId: string, message: string): ActionResult => {
  revalidatePath(`/clients/${clientId}`);
  return { ok: true, data: undefined, message };
};
const optionalId = z.union([z.uuid(), z.literal("")]).transform((v) => v || null);

export const assignClientAction = authedAction(
  "clients.assign",
  z.object({ clientId: z.uuid(), assignment: z.enum(["collector", "salesRep"]), userId: optionalId }),
  async ({ clientId, assignment, userId }, { db, scope }) => {
    if (assignment === "collector" && !userId) {
      return { ok: false, error: "Certains champs sont invalides.", fieldErrors: { userId: ["Choisissez le chargé de recouvrement."] } };
    }
    const result = await db.transaction(async (tx) => {
      const outcome = await assignClient(tx, scope, clientId, assignment, userId);
      if (outcome.status === "ok") {
        const details = { assignment, from: outcome.previousId, to: userId };
        await recordAudit(tx, { userId: scope.userId, action: "client.assign", targetType: "client", targetId: clientId, details });
      }
      return outcome;
    });
    if (result.status === "not_found") return notFound;
    if (result.status === "invalid_choice") {
      const error = assignment === "collector" ? "Choisissez un chargé de recouvrement actif." : "Choisissez un commercial actif.";
      return { ok: false, error, fieldErrors: { userId: [error] } };
    }
    refreshHomeAfterResponse(db);
    return done(clientId, assignment === "collector" ? "Chargé de recouvrement modifié." : "Commercial modifié.");
  },
);

export const setForcedGroupAction = authedAction(
  "clients.assign",
  z.object({ clientId: z.uuid(), groupId: optionalId }),
  async ({ clientId, groupId }, { db, scope }) => {
    const result = await db.transaction(async (tx) => {
      const outcome = await setForcedGroup(tx, scope, clientId, groupId);
      if (outcome.status === "ok") {
        await recordAudit(tx, { userId: scope.userId, action: "client.group", targetType: "client", targetId: clientId, details: { forcedGroupId: groupId } });
      }
      return outcome;
    });
    if (result.status === "not_found") return notFound;
    if (result.status === "invalid_choice") return { ok: false, error: "Groupe introuvable.", fieldErrors: { groupId: ["Groupe introuvable."] } };
    return done(clientId, groupId ? "Groupe forcé." : "Groupe calculé automatiquement.");
  },
);

export const pauseRemindersAction = authedAction(
  "clients.edit",
  z.object({ clientId: z.uuid(), ...pauseFields }),
  async ({ clientId, until, reason }, { db, scope }) => {
    const changed = await db.transaction(async (tx) => {
      const ok = await setReminderPause(tx, scope, clientId, { until, reason });
      if (ok) await recordAudit(tx, { userId: scope.userId, action: "client.pause", targetType: "client", targetId: clientId, details: { until, reason } });
      return ok;
    });
    return changed ? done(clientId, "Relances suspendues.") : notFound;
  },
);

export const resumeRemindersAction = authedAction("clients.edit", z.object({ clientId: z.uuid() }), async ({ clientId }, { db, scope }) => {
  const changed = await db.transaction(async (tx) => {
    const ok = await setReminderPause(tx, scope, clientId, null);
    if (ok) await recordAudit(tx, { userId: scope.userId, action: "client.resume", targetType: "client", targetId: clientId });
    return ok;
  });
  return changed ? done(clientId, "Relances reprises.") : notFound;
});

export const createContactAction = authedAction(
  "clients.edit",
  newContactForm,
  async ({ clientId, ...input }, { db, scope }) => {
    const id = await db.transaction(async (tx) => {
      const created = await createContact(tx, scope, clientId, input);
      if (created) await recordAudit(tx, { userId: scope.userId, action: "contact.create", targetType: "contact", targetId: created, details: { clientId, ...input } });
      return created;
    });
    return id ? done(clientId, `Contact ${input.name} ajouté.`) : notFound;
  },
);

export const updateContactAction = authedAction(
  "clients.edit",
  contactForm,
  async ({ clientId, contactId, ...input }, { db, scope }) => {
    const changed = await db.transaction(async (tx) => {
      const ok = await updateContact(tx, scope, clientId, contactId, input);
      if (ok) await recordAudit(tx, { userId: scope.userId, action: "contact.update", targetType: "contact", targetId: contactId, details: { clientId, ...input } });
      return ok;
    });
    return changed ? done(clientId, "Contact modifié.") : { ok: false, error: "Contact introuvable." };
  },
);

export const deleteContactAction = authedAction(
  "clients.edit",
  z.object({ clientId: z.uuid(), contactId: z.uuid() }),
  async ({ clientId, contactId }, { db, scope }) => {
    const name = await db.transaction(async (tx) => {
      const deleted = await deleteContact(tx, scope, clientId, contactId);
      if (deleted) await recordAudit(tx, { userId: scope.userId, action: "contact.delete", targetType: "contact", targetId: contactId, details: { clientId, name: deleted } });
      return deleted;
    });
    return name ? done(clientId, `Contact ${name} supprimé.`) : { ok: false, error: "Contact introuvable." };
  },
);

const documentTarget = { clientId: z.uuid(), documentId: z.coerce.number().int().positive() };

export const flagDisputeAction = authedAction(
  "relance.work",
  z.object({ ...documentTarget, reason: z.string().trim().min(3, "Indiquez le motif du litige (3 caractères minimum).").max(200, "200 caractères au maximum.") }),
  async ({ clientId, documentId, reason }, { db, scope }) => {
    const flagged = await db.transaction(async (tx) => {
      const count = await openDisputes(tx, scope, [documentId], reason);
      if (count) await recordAudit(tx, { userId: scope.userId, action: "dispute.open", targetType: "document", targetId: String(documentId), details: { clientId, reason } });
      return count;
    });
    return flagged ? done(clientId, "Pièce mise en litige.") : { ok: false, error: "Pièce introuvable, soldée ou déjà en litige." };
  },
);

export const closeDisputeAction = authedAction("relance.work", z.object(documentTarget), async ({ clientId, documentId }, { db, scope }) => {
  const closed = await db.transaction(async (tx) => {
    const count = await closeDisputes(tx, scope, [documentId]);
    if (count) await recordAudit(tx, { userId: scope.userId, action: "dispute.close", targetType: "document", targetId: String(documentId), details: { clientId } });
    return count;
  });
  return closed ? done(clientId, "Litige levé.") : { ok: false, error: "Pièce introuvable ou sans litige en cours." };
});

export const addCommentAction = authedAction(
  "relance.work",
  z.object({ clientId: z.uuid(), body: z.string().trim().min(1, "Écrivez le commentaire.").max(2000, "2 000 caractères au maximum.") }),
  async ({ clientId, body }, { db, scope }) => {
    const id = await db.transaction(async (tx) => {
      const created = await addClientComment(tx, scope, clientId, body);
      if (created) await recordAudit(tx, { userId: scope.userId, action: "comment.create", targetType: "comment", targetId: created, details: { clientId } });
      return created;
    });
    return id ? done(clientId, "Commentaire ajouté.") : notFound;
  },
);

/** « Noter un appel »: the agenda's outcome form for a call nobody planned; the promise covers the documents chosen. */
export const logCallAction = authedAction(
  "relance.work",
  z.object({ requestId: z.uuid(), clientId: z.uuid(), ...outcomeFields }).superRefine((input, ctx) => checkCallOutcome(input, ctx)),
  async (input, { db, scope }) => {
    const call = { id: input.requestId, clientId: input.clientId, documentIds: input.documentIds ?? [], completion: toCompletion(input) };
    const result = await logUnplannedCall(db, scope, call, today());
    if (result.status === "not_found") return notFound;
    if (result.status === "no_document") {
      return { ok: false, error: "Certains champs sont invalides.", fieldErrors: { documentIds: ["Choisissez une pièce ouverte de ce client."] } };
    }
    return done(input.clientId, "Appel enregistré.");
  },
);

export const previewClientEmailAction = authedAction("relance.work", emailForm, async (input, { db, scope }): Promise<ActionResult<ClientEmailPreview>> => {
  const composed = await composeClientEmail(db, input);
  if (!composed.ok) return composed;
  const preview = await previewClientEmail(db, scope, composed.email, today());
  return preview ? { ok: true, data: preview } : { ok: false, error: "Client introuvable." };
});

/** « Envoyer un e-mail » and « Relevé de compte » by e-mail: recorded as a manual e-mail action, sent at once. */
export const sendClientEmailAction = authedAction("relance.work", emailForm, async (input, { db, scope }) => {
  const composed = await composeClientEmail(db, input);
  if (!composed.ok) return composed;
  const result = await sendClientEmail(db, scope, { id: input.requestId, ...composed.email }, today());
  if (result.status === "not_found") return notFound;
  if (result.status === "error") {
    revalidatePath(`/clients/${input.clientId}`);
    return { ok: false, error: `L'e-mail n'est pas parti : ${result.reason}.` };
  }
  if (result.status === "already_sent") return done(input.clientId, "Cet e-mail est déjà parti.");
  return done(input.clientId, result.simulated ? "E-mail enregistré dans les messages envoyés (simulé, non envoyé : aucun fournisseur configuré)." : "E-mail envoyé.");
});
