import { getOutboundMessage, getOutboundPdf } from "@/db/queries/outbound";
import { userForRoute } from "@/lib/auth/session";
import { emailHtmlResponse, pdfResponse, textResponse } from "@/lib/outbound/content-response";
import { withErrorResponse } from "@/lib/http/route-errors";

/** The content of a sent message as it went out: e-mail page (sandboxed), letter PDF, or SMS text. */
export const GET = withErrorResponse(async function handleGet(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const current = await userForRoute("settings.manage");
  if (current.denied) return current.denied;
  const { id } = await params;
  const message = await getOutboundMessage(current.db, current.scope, id);
  if (!message) return textResponse("Message introuvable.", 404);
  if (message.channel === "letter") {
    const pdf = await getOutboundPdf(current.db, current.scope, id);
    if (!pdf) return textResponse("Ce courrier n'a pas de PDF.", 404);
    const download = new URL(request.url).searchParams.get("telecharger") === "1";
    return pdfResponse(pdf, `courrier-${message.clientCode ?? "client"}-${message.batchDate ?? ""}.pdf`, download);
  }
  return message.channel === "email" ? emailHtmlResponse(message.body) : textResponse(message.body);
});
