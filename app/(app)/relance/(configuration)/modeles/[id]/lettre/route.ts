import { getOption } from "@/db/queries/settings";
import { loadTemplateContext } from "@/db/queries/template-context";
import { getTemplate, sentAsFormalNotice } from "@/db/queries/templates";
import { userForRoute } from "@/lib/auth/session";
import { today } from "@/lib/dates";
import { isUuid } from "@/lib/ids";
import { clientLetterInput } from "@/lib/outbound/client-letter";
import { renderLetterPdf } from "@/lib/outbound/letter-pdf";
import { FORMAL_NOTICE_MENTION } from "@/lib/outbound/render-action";
import { renderTemplate, TemplateError } from "@/lib/templates";
import { withErrorResponse } from "@/lib/http/route-errors";

const notFound = (error: string) => Response.json({ error }, { status: 404 });

/**
 * A saved letter template rendered for one of the user's clients, as the PDF it would send: shown in the browser,
 * or downloaded with `?telecharger=1`.
 */
export const GET = withErrorResponse(async function handleGet(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const current = await userForRoute("relance.configure");
  if (current.denied) return current.denied;
  const { id } = await params;
  const search = new URL(request.url).searchParams;
  const template = isUuid(id) ? await getTemplate(current.db, id) : null;
  if (!template || template.channel !== "letter") return notFound("Modèle de courrier introuvable.");
  const date = today();
  const context = await loadTemplateContext(current.db, current.scope, search.get("client") ?? "", date, "letter");
  if (!context) return notFound("Client introuvable.");
  const [company, logo, formalNotice] = await Promise.all([
    getOption(current.db, "company"),
    getOption(current.db, "companyLogo"),
    sentAsFormalNotice(current.db, template.id),
  ]);
  try {
    const rendered = renderTemplate(template, context, "letter");
    const postalMention = formalNotice ? FORMAL_NOTICE_MENTION : null;
    const pdf = await renderLetterPdf(clientLetterInput({ context, rendered, company, logo, postalMention }));
    const fileName = `${template.name}-${context.client.code}.pdf`.replace(/[^\w.-]+/g, "-");
    const disposition = search.get("telecharger") === "1" ? "attachment" : "inline";
    return new Response(new Uint8Array(pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `${disposition}; filename="${fileName}"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof TemplateError) return Response.json({ error: error.errors.join(" ") }, { status: 422 });
    throw error;
  }
});
