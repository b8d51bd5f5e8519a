/** A sample reminder letter for a fictitious client, to check the letterhead and footer from Paramétrage. */
import { addDays } from "@/lib/dates";
import type { Company, Options } from "@/lib/settings/options";
import { renderTemplate, type TemplateContext } from "@/lib/templates";
import { letterDateLine } from "./letter-date";
import type { LetterPdfInput } from "./letter-pdf";

const template = {
  subject: "Relance – factures échues",
  body: `<p>{{contact.salutation}}</p>
<p>Sauf erreur de notre part, les factures suivantes restent impayées à ce jour :</p>
{{pieces.tableau}}
<p>Nous vous remercions de bien vouloir nous régler la somme de <strong>{{totaux.reste_du}}</strong> par virement sur notre compte {{societe.iban}}. Si votre règlement est en cours, merci de ne pas tenir compte de ce courrier.</p>
<p>Conformément à l'article L441-10 du Code de commerce, tout retard de paiement donne lieu à des pénalités au taux annuel de {{penalites.taux}} et à une indemnité forfaitaire pour frais de recouvrement de {{penalites.indemnite_forfaitaire}}.</p>
<p>Nous vous prions d'agréer, {{contact.titre}}, l'expression de nos salutations distinguées.</p>`,
};

export function sampleLetterInput(options: { company: Company; logo: Options["companyLogo"]; ratePercent: string; today: string }): LetterPdfInput {
  const { company, today } = options;
  const invoice = (n: number, daysLate: number, amount: string) => ({
    type: "invoice" as const,
    number: `FA-EXEMPLE-${n}`,
    issueDate: addDays(today, -daysLate - 45),
    dueDate: addDays(today, -daysLate),
    amount,
    openAmount: amount,
  });
  const context: TemplateContext = {
    today,
    client: { code: "EXEMPLE", name: "Client Exemple SARL", address: "1 place de l'Exemple", postalCode: "75001", city: "Paris" },
    contact: { civility: "Madame", name: "Exemple" },
    company: { name: company.name, address: company.address, iban: company.iban, signature: company.signature },
    totals: { outstanding: "5834.40", overdue: "5834.40" },
    documents: [invoice(1, 42, "3120.00"), invoice(2, 12, "2714.40")],
    penaltyRatePercent: options.ratePercent,
  };
  const rendered = renderTemplate(template, context, "letter");
  return {
    company,
    logo: options.logo,
    recipient: { name: "Client Exemple SARL", attention: "À l'attention de Mme Exemple", addressLines: ["1 place de l'Exemple", "75001 Paris"] },
    placeAndDate: letterDateLine(company.city, today),
    reference: "Réf. client : EXEMPLE",
    subject: rendered.subject ?? "",
    bodyHtml: rendered.body,
  };
}
