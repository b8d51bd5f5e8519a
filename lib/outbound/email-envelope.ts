/**
 * The envelope of an e-mail as the customer's mail client shows it — from, to, cc, subject, attachments — drawn
 * above the message in previews, so what is checked is what goes out.
 */
import { env } from "@/lib/env";
import { formatInteger } from "@/lib/format/fr";
import { escapeHtml } from "@/lib/templates";
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

export const attachmentSize = (bytes: number) => `${formatInteger(Math.max(1, Math.ceil(bytes / 1024)))} Ko`;

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
