import { cookies } from "next/headers";
import { loadReadyColumns, type ReadyColumn } from "@/db/queries/calculated-values";
import { type ClientListRow, listClientCustomFields, streamClients } from "@/db/queries/clients";
import { getOption } from "@/db/queries/settings";
import { userForRoute } from "@/lib/auth/session";
import { chosenColumns, columnsCookie, standardColumns } from "@/lib/clients/columns";
import { calculatedIdOf } from "@/lib/formulas/keys";
import { parseClientSearch, toClientFilters, toClientSort } from "@/lib/clients/filters";
import { today as todayInParis } from "@/lib/dates";
import { neutraliseFormula } from "@/lib/export/neutralise";
import { mapBatches, moneyFormat, percentFormat, xlsxResponse } from "@/lib/export/xlsx-response";
import { agingBucketLabels } from "@/lib/settings/options";
import { withErrorResponse } from "@/lib/http/route-errors";

type Cell = string | number | null;
type ExportColumn = { header: string; width: number; money?: boolean; percent?: boolean; value: (row: ClientListRow) => Cell };

const text = (v: string | null | undefined) => (v ? neutraliseFormula(v) : null);
// Exported as numbers so the spreadsheet can sum them; the database keeps exact decimals.
const money = (v: string | null) => (v === null ? null : Number(v));

/** A calculated column: numbers as numbers (amounts and percentages formatted), oui/non, or neutralised text. */
function calculatedColumn(column: ReadyColumn): ExportColumn {
  const read = (r: ClientListRow) => r.calculated[column.id] ?? null;
  const header = neutraliseFormula(column.name);
  switch (column.type) {
    case "text":
      return { header, width: 20, value: (r) => text(read(r) === null ? null : String(read(r))) };
    case "boolean":
      return { header, width: 10, value: (r) => (read(r) === null ? null : read(r) === true || read(r) === "true" ? "Oui" : "Non") };
    default:
      return {
        header, width: 16, money: column.type === "amount", percent: column.type === "percent",
        value: (r) => (read(r) === null ? null : Number(read(r))),
      };
  }
}

function exportColumns(key: string, agingLabels: string[], calculated: ReadonlyMap<string, ReadyColumn>): ExportColumn[] {
  const calcId = calculatedIdOf(key);
  const calc = calcId ? calculated.get(calcId) : undefined;
  if (calc) return [calculatedColumn(calc)];
  const label = standardColumns.find((c) => c.key === key)?.label ?? key.slice(3);
  switch (key) {
    case "siren":
      return [{ header: label, width: 12, value: (r) => text(r.siren) }];
    case "city":
      return [
        { header: "Ville", width: 20, value: (r) => text(r.city) },
        { header: "Département", width: 12, value: (r) => text(r.department) },
      ];
    case "entity":
      return [{ header: label, width: 10, value: (r) => text(r.entityCode) }];
    case "collector":
      return [{ header: label, width: 24, value: (r) => text(r.collectorName) }];
    case "salesRep":
      return [{ header: label, width: 24, value: (r) => text(r.salesRepName) }];
    case "group":
      return [{ header: label, width: 20, value: (r) => text(r.groupName) }];
    case "paymentTerms":
      return [{ header: "Délai de paiement (jours)", width: 12, value: (r) => r.paymentTermsDays }];
    case "creditLimit":
      return [{ header: label, width: 14, money: true, value: (r) => money(r.creditLimit) }];
    case "outstanding":
      return [{ header: label, width: 14, money: true, value: (r) => money(r.outstanding) }];
    case "overdue":
      return [{ header: label, width: 14, money: true, value: (r) => money(r.overdue) }];
    case "aged":
      return agingLabels.map((bucket, i) => ({ header: `Échu ${bucket}`, width: 14, money: true, value: (r: ClientListRow) => r.aged?.[i] ?? 0 }));
    case "score":
      return [{ header: label, width: 8, value: (r) => r.scoreGrade }];
    case "pLate":
      return [{ header: label, width: 14, percent: true, value: (r) => r.scorePLate }];
    default:
      return [{ header: label, width: 18, value: (r) => { const v = r.customFields[label]; return typeof v === "number" ? v : text(v); } }];
  }
}

/** The clients list as filtered and sorted on screen, with the user's columns, streamed batch by batch. */
export const GET = withErrorResponse(async function handleGet(request: Request) {
  const current = await userForRoute("clients.read");
  if (current.denied) return current.denied;
  const search = parseClientSearch(Object.fromEntries(new URL(request.url).searchParams));
  const [customFields, agingLimits, cookieStore, { columns: ready }] = await Promise.all([
    listClientCustomFields(current.db), getOption(current.db, "agingLimits"), cookies(), loadReadyColumns(current.db),
  ]);
  const chosen = chosenColumns(cookieStore.get(columnsCookie)?.value, customFields, current.scope.role, ready.map((c) => c.id));
  const byId = new Map(ready.map((c) => [c.id, c]));
  const columns: ExportColumn[] = [
    { header: "Code client", width: 14, value: (r) => text(r.code) },
    { header: "Raison sociale", width: 36, value: (r) => text(r.name) },
    ...chosen.flatMap((key) => exportColumns(key, agingBucketLabels(agingLimits), byId)),
  ];
  const today = todayInParis();
  const calculated = { columns: ready, shown: chosen.flatMap((k) => calculatedIdOf(k) ?? []) };
  const stream = streamClients(current.db, current.scope, toClientFilters(search), toClientSort(search), today, 5000, calculated);
  const rows = mapBatches(stream, (row) => columns.map((c) => c.value(row)));
  return xlsxResponse("Clients", columns.map((c) => ({ header: c.header, width: c.width, numFmt: c.money ? moneyFormat : c.percent ? percentFormat : undefined })), rows, `clients-${today}.xlsx`);
});
