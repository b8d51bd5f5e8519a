/**
 * The envelope of an e-mail as the customer's mail client shows it — from, to, cc, subject, attachments — drawn
 * above the message in previews, so what is checked is what goes out.
 */
import type { Queryable } from "@/db/client";
import { listContacts } from "@/db/queries/contacts";
import type { Scope } from "@/lib/auth/scope";
import { env } from "@/lib/env";
import { escapeHtml } from "@/lib/templates";
import type { TemplateContext } from "@/lib/templates/context";
import { attachmentSize } from "./attachment-size";
import { documentListFileName, renderDocumentListPdf } from "./document-list-pdf";
import { simulatedLabel } from "./send-state";

export type EmailEnvelope = {
  from: string;
  to: string;
  cc: string[];
  subject: string;
  attachments: { fileName: string; size: number }[];
  /** True when no provider is configured: the message would stay in the outbox. */
  simulated: boolean;
};

/** The sender every e-mail carries: RESEND_FROM (a default when unset). */
export function emailSender(): string {
  return env.RESEND_FROM;
}

export function envelopeHtml(e: EmailEnvelope): string {
  const row = (label: string, value: string) =>
    `<tr><th scope="row" style="text-align:left;font-weight:600;padding:2px 12px 2px 0;vertical-align:top;color:#52525b;white-space:nowrap">${label}</th><td style="padding:2px 0">${value}</td></tr>`;
  const files = e.attachments.length
    ? e.attachments.map((a) => `${escapeHtml(a.fileName)} (${attachmentSize(a.size)})`).join("<br>")
    : "Aucune";
  const notice = e.simulated
    ? `<p style="margin:8px 0 0;color:#92400e">${simulatedLabel} : aucun fournisseur d'e-mail configuré (RESEND_API_KEY).</p>`
    : "";
  return `<section aria-label="Enveloppe de l'e-mail" style="font:13px/1.5 Helvetica,Arial,sans-serif;background:#f4f4f5;border:1px solid #e4e4e7;border-radius:8px;padding:10px 14px;margin:0 0 16px"><table style="border-collapse:collapse">${row("De", escapeHtml(e.from))}${row("À", escapeHtml(e.to))}${row("Cc", e.cc.length ? escapeHtml(e.cc.join(", ")) : "—")}${row("Objet", escapeHtml(e.subject))}${row("Pièces jointes", files)}</table>${notice}</section>`;
}

/** The e-mail page with its envelope drawn at the top of the body. */
export function withEnvelope(html: string, e: EmailEnvelope): string {
  const block = envelopeHtml(e);
  const body = /<body[^>]*>/i.exec(html);
  if (!body) return block + html;
  const at = body.index + body[0].length;
  return html.slice(0, at) + block + html.slice(at);
}

/**
 * The envelope a template would go out with for a client: its billing contact (or the contact receiving e-mails)
 * and, when the template attaches it, the documents list as a PDF.
 */
export async function templateEnvelope(
  db: Queryable,
  scope: Scope,
  args: { clientId: string; subject: string; context: TemplateContext; attachDocumentList: boolean },
): Promise<EmailEnvelope> {
  const contacts = await listContacts(db, scope, args.clientId);
  const contact = contacts.find((c) => c.role === "facturation" && c.email) ?? contacts.find((c) => c.recipientFor.includes("email") && c.email);
  const attachments = args.attachDocumentList
    ? [{ fileName: documentListFileName(args.context), size: (await renderDocumentListPdf(args.context)).length }]
    : [];
  return {
    from: emailSender(),
    to: contact?.email ?? "Aucune adresse e-mail pour le contact de facturation",
    cc: [],
    subject: args.subject,
    attachments,
    simulated: !env.RESEND_API_KEY,
  };
}
