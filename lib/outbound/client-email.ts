/**
 * An e-mail sent from the fiche client, through the engine's sending path: a manual `email` action carrying the
 * composed message is recorded, then `sendAction` renders and sends it once (its id is the form's, so a retried
 * submission finds it already sent). The preview renders that very action inside a transaction rolled back.
 */
import { randomUUID } from "node:crypto";
import type { Db } from "@/db/client";
import { loadActionForSending } from "@/db/queries/action-sending";
import { recordAudit } from "@/db/queries/audit";
import { createClientAction, type NewClientAction } from "@/db/queries/client-actions";
import { getOption } from "@/db/queries/settings";
import { getTemplate } from "@/db/queries/templates";
import type { ComposedMessage } from "@/db/schema/actions";
import type { Scope } from "@/lib/auth/scope";
import type { EmailForm } from "@/lib/clients/fiche-forms";
import { escapeHtml, validateTemplate } from "@/lib/templates";
import { configuredProviders, type EmailProvider, type SmsProvider } from "./providers";
import { renderAction } from "./render-action";
import { sendAction } from "./send-action";

export type ClientEmail = { id: string; clientId: string; documents: NewClientAction["documents"]; message: ComposedMessage };

/** Plain text typed in the form as an e-mail body: paragraphs at blank lines, line breaks kept, nothing interpreted. */
export function plainTextToHtml(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, "<br>")}</p>`)
    .join("\n");
}

type Invalid = { ok: false; error: string; fieldErrors: Record<string, string[]> };
const invalid = (field: string, messages: string[]): Invalid => ({ ok: false, error: "Certains champs sont invalides.", fieldErrors: { [field]: messages } });

/** The message of the form: the chosen e-mail template's text, or the subject and text typed; clips checked. */
export async function composeClientEmail(db: Db, form: EmailForm): Promise<{ ok: true; email: Omit<ClientEmail, "id"> } | Invalid> {
  let text: { subject: string; body: string };
  if (form.templateId) {
    const template = await getTemplate(db, form.templateId);
    if (!template || template.channel !== "email") return invalid("templateId", ["Modèle d'e-mail introuvable."]);
    text = { subject: template.subject ?? "", body: template.body };
  } else {
    text = { subject: form.subject, body: plainTextToHtml(form.body) };
  }
  const errors = validateTemplate(text, "email");
  if (errors.length) return invalid(form.templateId ? "templateId" : "body", errors);
  const attachments = form.statement ? { statement: "pdf" as const } : form.attachDocuments ? { documentList: "pdf" as const } : {};
  return { ok: true, email: { clientId: form.clientId, documents: form.statement ? "all_open" : form.documentIds, message: { ...text, attachments } } };
}

export type ClientEmailPreview =
  | { ok: true; recipient: string; subject: string; html: string; attachments: { fileName: string; size: number }[] }
  | { ok: false; reason: string };

class RolledBack extends Error {
  constructor(readonly preview: ClientEmailPreview | null) {
    super("preview");
  }
}

/** What sending would send today, or null when the client is not in scope. Nothing is kept. */
export async function previewClientEmail(db: Db, scope: Scope, email: Omit<ClientEmail, "id">, today: string): Promise<ClientEmailPreview | null> {
  try {
    await db.transaction(async (tx) => {
      const id = randomUUID();
      const created = await createClientAction(tx, scope, { ...email, id, type: "email", status: "scheduled", plannedDate: today });
      const loaded = created.status === "created" ? await loadActionForSending(tx, scope, id, today) : null;
      if (!loaded) throw new RolledBack(null);
      const [company, logo] = await Promise.all([getOption(tx, "company"), getOption(tx, "companyLogo")]);
      const rendered = await renderAction(loaded, { company, logo });
      if (!rendered.ok) throw new RolledBack(rendered);
      if (rendered.channel !== "email") throw new Error("Un e-mail composé sur la fiche se rend en e-mail.");
      const attachments = rendered.attachments.map((a) => ({ fileName: a.fileName, size: a.content.length }));
      throw new RolledBack({ ok: true, recipient: rendered.recipient, subject: rendered.subject, html: rendered.html, attachments });
    });
  } catch (error) {
    if (error instanceof RolledBack) return error.preview;
    throw error;
  }
  return null;
}

export type ClientEmailResult =
  | { status: "sent" | "already_sent"; simulated: boolean }
  | { status: "error"; reason: string }
  | { status: "not_found" };

export async function sendClientEmail(
  db: Db,
  scope: Scope,
  email: ClientEmail,
  today: string,
  providers: { email: EmailProvider; sms: SmsProvider } = configuredProviders(),
): Promise<ClientEmailResult> {
  const created = await db.transaction(async (tx) => {
    const result = await createClientAction(tx, scope, { ...email, type: "email", status: "scheduled", plannedDate: today });
    if (result.status === "created") {
      const details = { clientId: email.clientId, subject: email.message.subject, documents: result.documents, attachments: email.message.attachments };
      await recordAudit(tx, { userId: scope.userId, action: "action.email", targetType: "action", targetId: email.id, details });
    }
    return result;
  });
  if (created.status === "not_found") return { status: "not_found" };
  const simulated = providers.email.name === "outbox";
  const sent = await sendAction(db, email.id, today, providers);
  if (sent.status === "error") return { status: "error", reason: sent.reason };
  return { status: sent.status === "sent" ? "sent" : "already_sent", simulated };
}
