/**
 * An action rendered for its channel (SPEC §8): the e-mail as an HTML page with its attachments, the letter as a
 * PDF on the company's letterhead, the SMS as text — or the French reason it cannot go out.
 */
import type { ActionForSending } from "@/db/queries/action-sending";
import type { Company, Options } from "@/lib/settings/options";
import { escapeHtml, renderTemplate, TemplateError } from "@/lib/templates";
import { clientLetterInput } from "./client-letter";
import { documentListFileName, renderDocumentListPdf } from "./document-list-pdf";
import { type LetterPdfInput, renderLetterPdf } from "./letter-pdf";
import { renderStatementPdf, statementFileName } from "./statement-pdf";

export type EmailAttachment = { fileName: string; contentType: string; content: Buffer };

export type RenderedAction =
  | { ok: true; channel: "email"; recipient: string; subject: string; bodyHtml: string; html: string; attachments: EmailAttachment[] }
  | { ok: true; channel: "letter"; recipient: string; subject: string; bodyHtml: string; pdf: Buffer; letter: LetterPdfInput }
  | { ok: true; channel: "sms"; recipient: string; text: string }
  | { ok: false; reason: string };

export const FORMAL_NOTICE_MENTION = "Lettre recommandée avec accusé de réception";

/** The e-mail as a standalone page: what the recipient's mail client and the outbox frame both show. */
export function emailDocument(subject: string, bodyHtml: string): string {
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family:Helvetica,Arial,sans-serif;font-size:14px;line-height:1.5;color:#18181b;max-width:680px;margin:0 auto;padding:16px">${bodyHtml}</body></html>`;
}

// A French mobile number (06, 07, +33 6, +33 7), or a foreign number written with its prefix.
const mobilePattern = /^(?:(?:\+|00)33\s?[67]|0[67]|\+(?!33)\d)[\d\s.-]{7,}$/;

function addressOf(context: ActionForSending["context"]): string | null {
  const { client } = context;
  const street = (client.address ?? "").split("\n").map((l) => l.trim()).filter(Boolean);
  const town = [client.postalCode, client.city].map((v) => v?.trim()).filter(Boolean).join(" ");
  if (street.length === 0 || !town) return null;
  return [...street, town, ...(client.country && client.country !== "FR" ? [client.country] : [])].join(", ");
}

export async function renderAction(
  loaded: ActionForSending,
  letterhead: { company: Company; logo: Options["companyLogo"] },
): Promise<RenderedAction> {
  const { channel, template, context, contact } = loaded;
  if (!channel) return { ok: false, reason: "Cette action ne s'envoie pas (appel ou tâche)." };
  if (!template || template.channel !== channel) return { ok: false, reason: "Aucun modèle pour cette étape" };
  const role = loaded.recipientRole;

  let rendered;
  try {
    rendered = renderTemplate(template, context, channel);
  } catch (error) {
    if (error instanceof TemplateError) return { ok: false, reason: `Modèle invalide : ${error.errors.join(" ")}` };
    throw error;
  }

  if (channel === "email") {
    // The contact's address, else the client's own (a generic « compta@ » box).
    const recipient = contact?.email?.trim() || loaded.clientEmail?.trim();
    if (!recipient) return { ok: false, reason: `Aucune adresse e-mail pour le contact de ${role}` };
    const subject = rendered.subject ?? "";
    const attachments: EmailAttachment[] = [];
    if (template.attachments.documentList === "pdf") {
      attachments.push({ fileName: documentListFileName(context), contentType: "application/pdf", content: await renderDocumentListPdf(context) });
    }
    if (template.attachments.statement === "pdf") {
      const content = await renderStatementPdf({ context, company: letterhead.company, logo: letterhead.logo });
      attachments.push({ fileName: statementFileName(context), contentType: "application/pdf", content });
    }
    return { ok: true, channel, recipient, subject, bodyHtml: rendered.body, html: emailDocument(subject, rendered.body), attachments };
  }

  if (channel === "sms") {
    // The contact's mobile, else the client's phone when it is a mobile number.
    const clientPhone = loaded.clientPhone?.trim();
    const recipient = contact?.mobile?.trim() || (clientPhone && mobilePattern.test(clientPhone) ? clientPhone : null);
    if (!recipient) return { ok: false, reason: `Aucun numéro de mobile pour le contact de ${role}` };
    return { ok: true, channel, recipient, text: rendered.body };
  }

  const recipient = addressOf(context);
  if (!recipient) return { ok: false, reason: "Aucune adresse postale pour le client" };
  const postalMention = loaded.action.type === "formal_notice" ? FORMAL_NOTICE_MENTION : null;
  const letter = clientLetterInput({ context, rendered, company: letterhead.company, logo: letterhead.logo, postalMention });
  return { ok: true, channel, recipient, subject: rendered.subject ?? "", bodyHtml: rendered.body, pdf: await renderLetterPdf(letter), letter };
}
