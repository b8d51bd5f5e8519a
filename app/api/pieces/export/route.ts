import { streamDocuments } from "@/db/queries/documents";
import { getOption } from "@/db/queries/settings";
import { userForRoute } from "@/lib/auth/session";
import { today } from "@/lib/dates";
import { parseDocumentSearch, toDocumentFilters } from "@/lib/documents/filters";
import { documentTypeLabels } from "@/lib/documents/labels";
import { canBeLate } from "@/lib/documents/lateness";
import { neutraliseFormula } from "@/lib/export/neutralise";
import { dateFormat, mapBatches, moneyFormat, percentFormat, xlsxResponse } from "@/lib/export/xlsx-response";
import { gradeOf } from "@/lib/scoring/grades";
import { withErrorResponse } from "@/lib/http/route-errors";

const excelDate = (iso: string | null) => (iso ? new Date(`${iso}T00:00:00Z`) : null);

/** The Pièces list as filtered on screen, as an xlsx streamed batch by batch (text cells can never be formulas). */
export const GET = withErrorResponse(async function handleGet(request: Request) {
  const current = await userForRoute("documents.read");
  if (current.denied) return current.denied;
  const search = parseDocumentSearch(Object.fromEntries(new URL(request.url).searchParams));
  const filters = toDocumentFilters(search, await getOption(current.db, "agingLimits"));
  const date = today();

  const columns = [
    { header: "Société", width: 10 },
    { header: "Code client", width: 14 },
    { header: "Raison sociale", width: 36 },
    { header: "Type", width: 12 },
    { header: "N° de pièce", width: 18 },
    { header: "Date", width: 12, numFmt: dateFormat },
    { header: "Échéance", width: 12, numFmt: dateFormat },
    { header: "Montant", width: 14, numFmt: moneyFormat },
    { header: "Reste dû", width: 14, numFmt: moneyFormat },
    { header: "Devise", width: 8 },
    { header: "Jours de retard", width: 14 },
    { header: "Litige", width: 8 },
    { header: "Score", width: 8 },
    { header: "Probabilité de retard", width: 14, numFmt: percentFormat },
  ];
  const rows = mapBatches(streamDocuments(current.db, current.scope, filters, date), (doc) => [
    neutraliseFormula(doc.entityCode),
    neutraliseFormula(doc.clientCode),
    neutraliseFormula(doc.clientName),
    documentTypeLabels[doc.type],
    neutraliseFormula(doc.number),
    excelDate(doc.issueDate),
    excelDate(doc.dueDate),
    // Exported as numbers so the spreadsheet can sum them; the database keeps exact decimals.
    Number(doc.amount),
    Number(doc.openAmount),
    doc.currency,
    canBeLate(doc.type) ? doc.daysLate : null,
    doc.disputed ? "Oui" : "",
    doc.pLate === null ? null : gradeOf(doc.pLate),
    doc.pLate,
  ]);
  return xlsxResponse("Pièces", columns, rows, `pieces-${date}.xlsx`);
});
