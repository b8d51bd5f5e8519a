import ExcelJS from "exceljs";
import { NextResponse } from "next/server";
import { getImport } from "@/db/queries/imports";
import { userForRoute } from "@/lib/auth/session";
import { neutraliseFormula } from "@/lib/export/neutralise";

/** The row errors of an import as an xlsx file, for the admin to fix the source file. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const current = await userForRoute("imports.run");
  if (current.denied) return current.denied;
  const record = await getImport(current.db, (await params).id);
  if (!record) return NextResponse.json({ error: "Import introuvable." }, { status: 404 });

  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Erreurs");
  sheet.columns = [
    { header: "Ligne", key: "row", width: 8 },
    { header: "Colonne", key: "column", width: 24 },
    { header: "Valeur", key: "value", width: 30 },
    { header: "Motif", key: "reason", width: 70 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const error of record.errors) {
    sheet.addRow({ row: error.row, column: neutraliseFormula(error.column), value: neutraliseFormula(error.value), reason: neutraliseFormula(error.reason) });
  }
  const buffer = await workbook.xlsx.writeBuffer();
  const name = `erreurs-${record.fileName.replace(/[^\w.-]+/g, "_")}.xlsx`;
  return new NextResponse(buffer as ArrayBuffer, {
    headers: {
      "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "content-disposition": `attachment; filename="${name}"`,
    },
  });
}
