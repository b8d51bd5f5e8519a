/** Figures derived once per rendering from the context: per-document days late and penalties, and their totals. */
import { courtesyTitle, interlocutor, normaliseCivility, salutation } from "@/lib/contacts/civility";
import { formatDate, formatInteger, formatMoney } from "@/lib/format/fr";
import type { TemplateContext, TemplateDocument } from "./context";
import { fromCents, sumCents, toCents } from "./decimal";
import { documentPenalty, type DocumentPenalty, RECOVERY_INDEMNITY_CENTS } from "./penalties";

export type PreparedDocument = TemplateDocument &
  DocumentPenalty & {
    overdue: boolean;
    /** A negative open amount (credit note, unapplied payment): owed to the client. */
    isCredit: boolean;
  };

export type Prepared = {
  context: TemplateContext;
  documents: PreparedDocument[];
  amountCents: bigint;
  openCents: bigint;
  penaltyCents: bigint;
  indemnityCents: bigint;
};

export function prepare(context: TemplateContext): Prepared {
  const isBusiness = context.client.isBusiness ?? true;
  const documents = context.documents.map((doc) => ({
    ...doc,
    ...documentPenalty(doc, context.today, context.penaltyRatePercent, isBusiness),
    overdue: doc.dueDate < context.today,
    isCredit: toCents(doc.openAmount) < 0n,
  }));
  return {
    context,
    documents,
    amountCents: sumCents(documents.map((d) => toCents(d.amount))),
    openCents: sumCents(documents.map((d) => toCents(d.openAmount))),
    penaltyCents: sumCents(documents.map((d) => d.penaltyCents)),
    indemnityCents: sumCents(documents.map((d) => d.indemnityCents)),
  };
}

export const money = (cents: bigint) => formatMoney(fromCents(cents));

/** "12,15 %" with the narrow no-break space Intl puts before the percent sign. */
export function formatRate(ratePercent: string): string {
  return `${ratePercent.replace(".", ",")}\u202f%`;
}

const invoiceCount = (n: number) => `${formatInteger(n)} facture${n > 1 ? "s" : ""}`;

function joinLines(lines: (string | null | undefined)[]): string {
  return lines
    .map((line) => line?.trim())
    .filter(Boolean)
    .join("\n");
}

/** Plain-text value of every single-value clip; lines separated by "\n". */
export function inlineValues(p: Prepared): Record<string, string> {
  const { client, contact, company, collector, totals, today, penaltyRatePercent } = p.context;
  const country = client.country && client.country !== "FR" ? client.country : null;
  return {
    "client.code": client.code,
    "client.raison_sociale": client.name,
    "client.adresse": joinLines([client.address, [client.postalCode, client.city].filter(Boolean).join(" "), country]),
    "contact.civilite": normaliseCivility(contact?.civility) ?? "",
    "contact.nom": contact?.name ?? "",
    "contact.salutation": salutation(contact?.civility),
    "contact.titre": courtesyTitle(contact?.civility),
    "societe.nom": company.name,
    "societe.adresse": joinLines([company.address]),
    "societe.iban": company.iban ?? "",
    "societe.signature": company.signature?.trim() ?? "",
    "gestionnaire.nom": collector?.name ?? "",
    "gestionnaire.email": collector?.email ?? "",
    "gestionnaire.telephone": collector?.phone ?? "",
    "gestionnaire.interlocuteur": interlocutor(collector?.civility),
    "totaux.encours": formatMoney(totals.outstanding),
    "totaux.echu": formatMoney(totals.overdue),
    "totaux.nombre_pieces": formatInteger(p.documents.length),
    "totaux.reste_du": money(p.openCents),
    "date.aujourdhui": formatDate(today),
    "penalites.factures": invoiceCount(p.documents.filter((d) => d.bearsPenalty).length),
    "penalites.taux": formatRate(penaltyRatePercent),
    "penalites.total": money(p.penaltyCents),
    "penalites.indemnite_forfaitaire": money(RECOVERY_INDEMNITY_CENTS),
    "penalites.indemnites": money(p.indemnityCents),
    "penalites.total_avec_indemnites": money(p.penaltyCents + p.indemnityCents),
    "penalites.total_a_payer": money(p.openCents + p.penaltyCents + p.indemnityCents),
  };
}
