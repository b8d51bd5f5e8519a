import { loadActionForSending } from "@/db/queries/action-sending";
import { getActionOutbound } from "@/db/queries/outbound";
import { getOption } from "@/db/queries/settings";
import { userForRoute } from "@/lib/auth/session";
import { today } from "@/lib/dates";
import { emailHtmlResponse, pdfResponse, textResponse } from "@/lib/outbound/content-response";
import { emailSender, withEnvelope } from "@/lib/outbound/email-envelope";
import { renderAction } from "@/lib/outbound/render-action";
import { isSimulatedSend } from "@/lib/outbound/send-state";
import { env } from "@/lib/env";
import { withErrorResponse } from "@/lib/http/route-errors";

/**
 * What an action sends, to open before confirming it: the e-mail as its HTML page, the letter as its PDF
 * (`?telecharger=1` downloads it), the SMS as text. Once sent, exactly what went out; before, rendered now for
 * its send date. An e-mail shows its envelope on top (from, to, cc, subject, attachments). A French reason (422) when it cannot go out; 404 for an action of a client out of scope.
 */
export const GET = withErrorResponse(async function handleGet(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const current = await userForRoute("relance.work");
  if (current.denied) return current.denied;
  const { id } = await params;
  const download = new URL(request.url).searchParams.get("telecharger") === "1";
  const now = today();
  const loaded = await loadActionForSending(current.db, current.scope, id, now);
  if (!loaded) return textResponse("Action introuvable.", 404);
  const fileName = `${loaded.action.type === "formal_notice" ? "mise-en-demeure" : "courrier"}-${loaded.context.client.code}-${loaded.action.plannedDate}.pdf`;

  const sent = await getActionOutbound(current.db, id);
  if (sent?.status === "sent") {
    if (sent.channel === "letter" && sent.pdf) return pdfResponse(sent.pdf, fileName, download);
    if (sent.channel !== "email") return textResponse(sent.body);
    const envelope = { from: emailSender(), to: sent.recipient, cc: [], subject: sent.subject ?? "", attachments: sent.attachments, simulated: isSimulatedSend(sent) };
    return emailHtmlResponse(withEnvelope(sent.body, envelope));
  }

  const sendDate = loaded.action.plannedDate > now ? loaded.action.plannedDate : now;
  const [company, logo] = await Promise.all([getOption(current.db, "company"), getOption(current.db, "companyLogo")]);
  const rendered = await renderAction({ ...loaded, context: { ...loaded.context, today: sendDate } }, { company, logo });
  if (!rendered.ok) return textResponse(rendered.reason, 422);
  if (rendered.channel === "letter") return pdfResponse(rendered.pdf, fileName, download);
  if (rendered.channel === "sms") return textResponse(rendered.text);
  const attachments = rendered.attachments.map((a) => ({ fileName: a.fileName, size: a.content.length }));
  const envelope = { from: emailSender(), to: rendered.recipient, cc: [], subject: rendered.subject, attachments, simulated: !env.RESEND_API_KEY };
  return emailHtmlResponse(withEnvelope(rendered.html, envelope));
});
