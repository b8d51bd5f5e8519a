import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import { streamDocuments } from "@/db/queries/documents";
import { getOption } from "@/db/queries/settings";
import { userForRoute } from "@/lib/auth/session";
import { today } from "@/lib/dates";
import { parseDocumentSearch, toDocumentFilters } from "@/lib/documents/filters";
import { documentTypeLabels } from "@/lib/documents/labels";
import { neutraliseFormula } from "@/lib/export/neutralise";

const excelDate = (iso: string | null) => (iso ? new Date(`${iso}T00:00:00Z`) : null);

/** The Pièces list as filtered on screen, as an xlsx streamed batch by batch (text cells can never be formulas). */
export async function GET(request: Request) {
  const current = await userForRoute("documents.read");
  if (current.denied) return current.denied;
  const search = parseDocumentSearch(Object.fromEntries(new URL(request.url).searchParams));
  const filters = toDocumentFilters(search, await getOption(current.db, "agingLimits"));
  const date = today();

  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true });
  const sheet = workbook.addWorksheet("Pièces");
  sheet.columns = [
    { header: "Société", key: "entity", width: 10 },
    { header: "Code client", key: "clientCode", width: 14 },
    { header: "Raison sociale", key: "clientName", width: 36 },
    { header: "Type", key: "type", width: 12 },
    { header: "N° de pièce", key: "number", width: 18 },
    { header: "Date", key: "issueDate", width: 12, style: { numFmt: "dd/mm/yyyy" } },
    { header: "Échéance", key: "dueDate", width: 12, style: { numFmt: "dd/mm/yyyy" } },
    { header: "Montant", key: "amount", width: 14, style: { numFmt: "#,##0.00" } },
    { header: "Reste dû", key: "openAmount", width: 14, style: { numFmt: "#,##0.00" } },
    { header: "Jours de retard", key: "daysLate", width: 14 },
    { header: "Litige", key: "disputed", width: 8 },
  ];

  (async () => {
    try {
      for await (const rows of streamDocuments(current.db, current.scope, filters, date)) {
        for (const doc of rows) {
          sheet
            .addRow({
              entity: neutraliseFormula(doc.entityCode),
              clientCode: neutraliseFormula(doc.clientCode),
              clientName: neutraliseFormula(doc.clientName),
              type: documentTypeLabels[doc.type],
              number: neutraliseFormula(doc.number),
              issueDate: excelDate(doc.issueDate),
              dueDate: excelDate(doc.dueDate),
              // Exported as numbers so the spreadsheet can sum them; the database keeps exact decimals.
              amount: Number(doc.amount),
              openAmount: Number(doc.openAmount),
              daysLate: doc.daysLate,
              disputed: doc.disputed ? "Oui" : "",
            })
            .commit();
        }
      }
      sheet.commit();
      await workbook.commit();
    } catch (error) {
      output.destroy(error as Error);
    }
  })();

  return new Response(Readable.toWeb(output) as ReadableStream, {
    headers: {
      "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "content-disposition": `attachment; filename="pieces-${date}.xlsx"`,
    },
  });
}
