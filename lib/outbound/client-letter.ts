/** A reminder letter for one client: the rendered template placed on the company's letterhead. */
import { shortCivility } from "@/lib/contacts/civility";
import type { Company, Options } from "@/lib/settings/options";
import type { RenderedTemplate, TemplateContext } from "@/lib/templates";
import { letterDateLine } from "./letter-date";
import type { LetterPdfInput } from "./letter-pdf";

/** « À l'attention de Mme Martin »: the usual short civility before the name. */
function attentionLine(contact: TemplateContext["contact"]): string | null {
  if (!contact?.name.trim()) return null;
  return `À l'attention de ${[shortCivility(contact.civility), contact.name.trim()].filter(Boolean).join(" ")}`;
}

export function clientLetterInput(args: {
  context: TemplateContext;
  rendered: RenderedTemplate;
  company: Company;
  logo: Options["companyLogo"];
  /** Printed above the subject for a formal notice: « Lettre recommandée avec accusé de réception ». */
  postalMention?: string | null;
}): LetterPdfInput {
  const { context, rendered, company } = args;
  const { client } = context;
  const street = (client.address ?? "").split("\n").map((line) => line.trim()).filter(Boolean);
  const town = [client.postalCode, client.city].filter(Boolean).join(" ").trim();
  const country = client.country && client.country !== "FR" ? client.country : null;
  return {
    company,
    logo: args.logo,
    recipient: { name: client.name, attention: attentionLine(context.contact), addressLines: [...street, ...(town ? [town] : []), ...(country ? [country] : [])] },
    placeAndDate: letterDateLine(company.city, context.today),
    reference: `Réf. client : ${client.code}`,
    postalMention: args.postalMention ?? null,
    subject: rendered.subject ?? "",
    bodyHtml: rendered.body,
  };
}
