import { type AgendaRow, streamHistory } from "@/db/queries/agenda";
import { userForRoute } from "@/lib/auth/session";
import { actionStatusLabels, actionTypeLabels } from "@/lib/collection/labels";
import { today as todayInParis } from "@/lib/dates";
import { neutraliseFormula } from "@/lib/export/neutralise";
import { dateFormat, mapBatches, moneyFormat, xlsxResponse } from "@/lib/export/xlsx-response";
import { historyResult, shownStatus } from "@/lib/relance/history-result";
import { parseAgendaSearch, toAgendaFilters } from "@/lib/relance/agenda-filters";
import { withErrorResponse } from "@/lib/http/route-errors";

type Cell = string | number | Date | null;
const text = (v: string | null | undefined) => (v ? neutraliseFormula(v) : null);
// A business date as a spreadsheet date at midnight UTC, so it shows the same day everywhere.
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

const columns: { header: string; width: number; numFmt?: string; value: (r: AgendaRow) => Cell }[] = [
  { header: "Date prévue", width: 12, numFmt: dateFormat, value: (r) => day(r.plannedDate) },
  { header: "Réalisée le", width: 18, numFmt: "dd/mm/yyyy hh:mm", value: (r) => r.doneAt ?? r.sentAt ?? null },
  { header: "Code client", width: 14, value: (r) => text(r.clientCode) },
  { header: "Raison sociale", width: 36, value: (r) => text(r.clientName) },
  { header: "Action", width: 16, value: (r) => actionTypeLabels[r.type] },
  { header: "Étape", width: 28, value: (r) => text(r.stepLabel) },
  { header: "Statut", width: 20, value: (r) => actionStatusLabels[shownStatus(r)] },
  { header: "Résultat", width: 48, value: (r) => text(historyResult(r)) },
  { header: "Montant", width: 14, numFmt: moneyFormat, value: (r) => Number(r.amountCovered) },
  { header: "Chargé de recouvrement", width: 24, value: (r) => text(r.assigneeName) },
];

/** The agenda history as filtered on screen, newest first, streamed batch by batch. */
export const GET = withErrorResponse(async function handleGet(request: Request) {
  const current = await userForRoute("relance.work");
  if (current.denied) return current.denied;
  const search = parseAgendaSearch(Object.fromEntries(new URL(request.url).searchParams));
  const rows = mapBatches(streamHistory(current.db, current.scope, toAgendaFilters(search, current.scope)), (row) => columns.map((c) => c.value(row)));
  return xlsxResponse(
    "Historique",
    columns.map(({ header, width, numFmt }) => ({ header, width, numFmt })),
    rows,
    `historique-relances-${todayInParis()}.xlsx`,
  );
});
