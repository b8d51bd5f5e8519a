/**
 * Sends one due automatic action, at most once (SPEC §8).
 *
 * Everything happens in ONE transaction: the claim (`scheduled` → `sent`, a conditional UPDATE that returns the
 * row only to the worker that changed it), the rendering kept on the action, the outbound record (unique action
 * id) and the provider call. So:
 * - a job retry or a second worker finds the action no longer `scheduled` and sends nothing (on PostgreSQL the
 *   second worker waits on the row lock of the first, then reads the committed status);
 * - a transient failure (network, 5xx, 429) throws, the transaction rolls back, the action is `scheduled` again
 *   and the job retries it; no outbound record is left behind;
 * - a refusal by the provider commits the action as `error` with its reason, the outbound record as `failed`.
 * The only gap left is a crash between the provider's acceptance and the commit: the e-mail carries the action id
 * as Resend's idempotency key, so the retry's second request is dropped by Resend.
 */
import type { Db } from "@/db/client";
import {
  claimAction,
  finishOutbound,
  jobScope,
  loadActionForSending,
  markActionError,
  recordOutbound,
  saveRenderedContent,
} from "@/db/queries/action-sending";
import { getOption } from "@/db/queries/settings";
import { emitActionEvent } from "@/db/queries/webhook-payloads";
import { configuredProviders, type EmailProvider, type SmsProvider } from "./providers";
import { renderAction } from "./render-action";

export type SendResult =
  | { status: "sent"; channel: "email" | "letter" | "sms"; messageId: string }
  | { status: "error"; reason: string }
  /** Not `scheduled` (already sent, cancelled, to confirm…) or not due on `date`: nothing to do. */
  | { status: "skipped" };

/** Where the PDF of a letter, or the content of any action, can be opened. */
export const actionPreviewPath = (actionId: string) => `/relance/actions/${actionId}/apercu`;

export async function sendAction(
  db: Db,
  actionId: string,
  date: string,
  providers: { email: EmailProvider; sms: SmsProvider } = configuredProviders(),
): Promise<SendResult> {
  return db.transaction(async (tx): Promise<SendResult> => {
    if (!(await claimAction(tx, actionId, date))) return { status: "skipped" };
    const loaded = await loadActionForSending(tx, jobScope, actionId, date);
    if (!loaded) return { status: "skipped" };
    const [company, logo] = await Promise.all([getOption(tx, "company"), getOption(tx, "companyLogo")]);
    const rendered = await renderAction(loaded, { company, logo });
    if (!rendered.ok) {
      await markActionError(tx, actionId, rendered.reason);
      return { status: "error", reason: rendered.reason };
    }

    const common = { actionId, clientId: loaded.action.clientId, channel: rendered.channel, recipient: rendered.recipient, status: "queued" as const };
    const provider = rendered.channel === "email" ? providers.email : rendered.channel === "sms" ? providers.sms : null;
    const messageId = await recordOutbound(tx, {
      ...common,
      provider: provider?.name ?? "outbox",
      ...(rendered.channel === "email"
        ? {
            subject: rendered.subject,
            body: rendered.html,
            attachments: rendered.attachments.map((a) => ({ fileName: a.fileName, contentType: a.contentType, size: a.content.length })),
          }
        : rendered.channel === "letter"
          ? { subject: rendered.subject, body: rendered.bodyHtml, pdf: rendered.pdf, letter: { ...rendered.letter, logo: null }, batchDate: date }
          : { subject: null, body: rendered.text }),
    });
    // Already recorded as sent: the action was put back to `scheduled` by hand; it is not sent twice.
    if (!messageId) return { status: "skipped" };
    await saveRenderedContent(tx, actionId, {
      subject: rendered.channel === "sms" ? null : rendered.subject,
      body: rendered.channel === "sms" ? rendered.text : rendered.bodyHtml,
      pdfPath: rendered.channel === "letter" ? actionPreviewPath(actionId) : null,
    });

    // Letters go to the day's print batch: recording them is sending them.
    const outcome =
      rendered.channel === "email"
        ? await providers.email.send({ idempotencyKey: actionId, to: rendered.recipient, subject: rendered.subject, html: rendered.html, attachments: rendered.attachments })
        : rendered.channel === "sms"
          ? await providers.sms.send({ idempotencyKey: actionId, to: rendered.recipient, text: rendered.text })
          : ({ status: "sent", providerMessageId: null } as const);
    if (outcome.status === "refused") {
      await finishOutbound(tx, messageId, { status: "failed", error: outcome.reason });
      await markActionError(tx, actionId, outcome.reason);
      return { status: "error", reason: outcome.reason };
    }
    await finishOutbound(tx, messageId, { status: "sent", providerMessageId: outcome.providerMessageId });
    await emitActionEvent(tx, "action.sent", actionId);
    return { status: "sent", channel: rendered.channel, messageId };
  });
}
