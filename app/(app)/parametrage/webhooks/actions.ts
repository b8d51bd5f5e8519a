"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { recordAudit } from "@/db/queries/audit";
import { createWebhookSubscription, deleteWebhookSubscription, setWebhookSubscriptionActive } from "@/db/queries/webhook-deliveries";
import { webhookEvents } from "@/db/schema";
import { authedAction } from "@/lib/auth/action";
import { checkWebhookUrl } from "@/lib/webhooks/address-guard";
import { replayWebhookDelivery } from "@/lib/webhooks/deliver";
import { newWebhookSecret } from "@/lib/webhooks/sign";

const PATH = "/parametrage/webhooks";

const createSchema = z.object({
  url: z.string().trim().min(1, "Saisissez l'adresse qui recevra les événements.").max(2000, "Adresse trop longue."),
  description: z.string().trim().max(200, "200 caractères au plus.").default(""),
  events: z.array(z.enum(webhookEvents), { error: "Choisissez au moins un événement." }).min(1, "Choisissez au moins un événement."),
});

/** Creates a subscription; its secret is returned this once, for the administrator to copy into the receiver. */
export const createWebhookAction = authedAction("settings.manage", createSchema, async (input, { db, scope }) => {
  const check = await checkWebhookUrl(input.url);
  if (!check.ok) return { ok: false, error: "Certains champs sont invalides.", fieldErrors: { url: [check.reason] } };
  const secret = newWebhookSecret();
  const id = await db.transaction(async (tx) => {
    const created = await createWebhookSubscription(tx, { url: input.url, description: input.description, events: [...new Set(input.events)], secret, createdBy: scope.userId });
    await recordAudit(tx, { userId: scope.userId, action: "webhook.create", targetType: "webhook_subscription", targetId: created, details: { url: input.url, events: input.events } });
    return created;
  });
  revalidatePath(PATH);
  return { ok: true, data: { id, secret }, message: "Abonnement créé." };
});

const idSchema = z.object({ id: z.uuid() });

export const setWebhookActiveAction = authedAction("settings.manage", idSchema.extend({ active: z.enum(["true", "false"]) }), async ({ id, active }, { db, scope }) => {
  const on = active === "true";
  if (!(await setWebhookSubscriptionActive(db, id, on))) return { ok: false, error: "Abonnement introuvable." };
  await recordAudit(db, { userId: scope.userId, action: on ? "webhook.activate" : "webhook.deactivate", targetType: "webhook_subscription", targetId: id });
  revalidatePath(PATH, "layout");
  return { ok: true, data: undefined, message: on ? "Abonnement réactivé." : "Abonnement désactivé : aucun nouvel événement ne lui sera envoyé." };
});

export const deleteWebhookAction = authedAction("settings.manage", idSchema, async ({ id }, { db, scope }) => {
  if (!(await deleteWebhookSubscription(db, id))) return { ok: false, error: "Abonnement introuvable." };
  await recordAudit(db, { userId: scope.userId, action: "webhook.delete", targetType: "webhook_subscription", targetId: id });
  revalidatePath(PATH, "layout");
  return { ok: true, data: undefined, message: "Abonnement supprimé." };
});

/** « Renvoyer »: posts the delivery again now, whatever its status; the attempt is logged as a replay. */
export const replayWebhookAction = authedAction("settings.manage", idSchema, async ({ id }, { db, scope }) => {
  const report = await replayWebhookDelivery(db, id);
  if (!report) return { ok: false, error: "Envoi introuvable." };
  await recordAudit(db, { userId: scope.userId, action: "webhook.replay", targetType: "webhook_delivery", targetId: id });
  revalidatePath(PATH, "layout");
  if (report.outcome === "delivered") return { ok: true, data: undefined, message: `Renvoyé : le destinataire a répondu ${report.statusCode}.` };
  return { ok: false, error: `Renvoi refusé : ${report.error ?? "erreur inconnue"}.` };
});
