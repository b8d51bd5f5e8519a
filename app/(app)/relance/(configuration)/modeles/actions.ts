"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { recordAudit } from "@/db/queries/audit";
import { type ClientSuggestion, searchClients } from "@/db/queries/clients";
import { loadTemplateContext } from "@/db/queries/template-context";
import { createTemplate, deleteTemplate, getTemplate, type TemplateInput, templateNameTaken, updateTemplate } from "@/db/queries/templates";
import { type ActionResult, authedAction } from "@/lib/auth/action";
import { today } from "@/lib/dates";
import { type EmailEnvelope, templateEnvelope } from "@/lib/outbound/email-envelope";
import { renderTemplate, type SmsSegments, smsSegments, validateTemplate } from "@/lib/templates";
import { templateChannels } from "@/lib/templates/channels";
import type { TemplateChannel } from "@/lib/templates/context";
import { isBlankHtml, sanitizeTemplateHtml } from "@/lib/templates/sanitize";

const MAX_SUBJECT = 200;
const MAX_BODY = 50_000;
const MAX_SMS = 1_000;

const draft = {
  channel: z.enum(templateChannels),
  subject: z.string().trim().max(MAX_SUBJECT, `L'objet ne peut dépasser ${MAX_SUBJECT} caractères.`).default(""),
  body: z.string().max(MAX_BODY, "Le texte ne peut dépasser 50 000 caractères."),
};
const templateForm = z.object({
  id: z.uuid().optional(),
  name: z.string().trim().min(1, "Donnez un nom au modèle.").max(120, "120 caractères au maximum."),
  ...draft,
  attachDocumentList: z.boolean().default(false),
});
type TemplateForm = z.infer<typeof templateForm>;

const invalid = (fieldErrors: Record<string, string[]>, error = "Certains champs sont invalides."): ActionResult<never> => ({ ok: false, error, fieldErrors });

/** The body as it is stored: HTML cleaned for e-mail and letter, plain text for SMS. */
const cleanBody = (channel: TemplateChannel, body: string) => (channel === "sms" ? body.trim() : sanitizeTemplateHtml(body));

/** Field errors of a draft: required parts, SMS length and the clips (unknown, wrong channel, block in a subject). */
function checkDraft(channel: TemplateChannel, subject: string, body: string): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  if (channel === "email" && !subject) errors.subject = ["Saisissez l'objet de l'e-mail."];
  if (channel === "sms" ? !body : isBlankHtml(body)) errors.body = ["Saisissez le texte du modèle."];
  else if (channel === "sms" && body.length > MAX_SMS) errors.body = [`Un SMS ne peut dépasser ${MAX_SMS} caractères.`];
  const clipErrors = validateTemplate({ subject, body }, channel);
  if (clipErrors.length) errors.template = clipErrors;
  return errors;
}

const toInput = (channel: TemplateChannel, input: TemplateForm, body: string): TemplateInput => ({
  name: input.name,
  subject: channel === "sms" ? null : input.subject || null,
  body,
  attachments: channel === "email" && input.attachDocumentList ? { documentList: "pdf" } : {},
});

export const saveTemplateAction = authedAction("relance.configure", templateForm, async (input, { db, scope }): Promise<ActionResult<{ id: string }>> => {
  const existing = input.id ? await getTemplate(db, input.id) : null;
  if (input.id && !existing) return { ok: false, error: "Modèle introuvable." };
  // A template keeps the channel it was created for: the scenarios using it rely on it.
  const channel = existing?.channel ?? input.channel;
  const body = cleanBody(channel, input.body);
  const errors = checkDraft(channel, input.subject, body);
  if (await templateNameTaken(db, input.name, input.id)) errors.name = ["Un modèle porte déjà ce nom."];
  if (Object.keys(errors).length) return invalid(errors, errors.template ? "Le modèle contient des champs à corriger." : undefined);

  const values = toInput(channel, input, body);
  const id = await db.transaction(async (tx) => {
    const saved = input.id ? ((await updateTemplate(tx, input.id, values)) ? input.id : null) : await createTemplate(tx, channel, values);
    if (!saved) return null;
    const action = input.id ? "template.update" : "template.create";
    await recordAudit(tx, { userId: scope.userId, action, targetType: "template", targetId: saved, details: { channel, name: values.name, subject: values.subject, attachments: values.attachments } });
    return saved;
  });
  if (!id) return { ok: false, error: "Modèle introuvable." };
  revalidatePath("/relance/modeles");
  return { ok: true, data: { id }, message: input.id ? `Modèle « ${input.name} » enregistré.` : `Modèle « ${input.name} » créé.` };
});

export const deleteTemplateAction = authedAction("relance.configure", z.object({ id: z.uuid() }), async ({ id }, { db, scope }) => {
  const result = await db.transaction(async (tx) => {
    const outcome = await deleteTemplate(tx, id);
    if (outcome && "deleted" in outcome) {
      await recordAudit(tx, { userId: scope.userId, action: "template.delete", targetType: "template", targetId: id, details: { name: outcome.deleted } });
    }
    return outcome;
  });
  if (!result) return { ok: false, error: "Modèle introuvable." };
  if ("usedBy" in result) {
    const names = result.usedBy.map((n) => `« ${n} »`).join(", ");
    const subject = result.usedBy.length > 1 ? `les scénarios ${names}` : `le scénario ${names}`;
    return { ok: false, error: `Ce modèle est utilisé par ${subject} : retirez-le de ses étapes avant de le supprimer.` };
  }
  revalidatePath("/relance/modeles");
  return { ok: true, data: undefined, message: `Modèle « ${result.deleted} » supprimé.` };
});

export const searchPreviewClientsAction = authedAction(
  "relance.configure",
  z.object({ q: z.string().trim().min(1).max(100) }),
  async ({ q }, { db, scope }): Promise<ActionResult<ClientSuggestion[]>> => {
    const { rows } = await searchClients(db, scope, q, 8);
    return { ok: true, data: rows };
  },
);

export type TemplatePreview = { subject: string | null; body: string; sms: SmsSegments | null; envelope: EmailEnvelope | null };

export const previewTemplateAction = authedAction(
  "relance.configure",
  z.object({ ...draft, attachDocumentList: z.boolean().default(false), clientId: z.uuid("Choisissez un client pour l'aperçu.") }),
  async (input, { db, scope }): Promise<ActionResult<TemplatePreview>> => {
    const body = cleanBody(input.channel, input.body);
    const clipErrors = validateTemplate({ subject: input.subject, body }, input.channel);
    if (clipErrors.length) return invalid({ template: clipErrors }, "Le modèle contient des champs à corriger.");
    const context = await loadTemplateContext(db, scope, input.clientId, today(), input.channel);
    if (!context) return { ok: false, error: "Client introuvable." };
    const rendered = renderTemplate({ subject: input.channel === "sms" ? null : input.subject, body }, context, input.channel);
    const envelope =
      input.channel === "email"
        ? await templateEnvelope(db, scope, { clientId: input.clientId, subject: rendered.subject ?? "", context, attachDocumentList: input.attachDocumentList })
        : null;
    return { ok: true, data: { ...rendered, sms: input.channel === "sms" ? smsSegments(rendered.body) : null, envelope } };
  },
);
