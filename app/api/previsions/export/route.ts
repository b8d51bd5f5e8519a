import { z } from "zod";
import { listCashForecast } from "@/db/queries/cash-forecast";
import { withCumulative } from "@/lib/scoring/forecast-weeks";
import { userForRoute } from "@/lib/auth/session";
import { addDays, today as todayInParis } from "@/lib/dates";
import { dateFormat, moneyFormat, xlsxResponse } from "@/lib/export/xlsx-response";
import { withErrorResponse } from "@/lib/http/route-errors";

const cents = (value: number) => Math.round(value * 100) / 100;

async function* once<T>(batch: T[]): AsyncIterable<T[]> {
  yield batch;
}

/** The weekly cash-in forecast of the user's scope, as on the Encaissements prévus page. */
export const GET = withErrorResponse(async function handleGet(request: Request) {
  const current = await userForRoute("clients.read");
  if (current.denied) return current.denied;
  // Narrowed like the home page; the scope still applies, so another société's id yields only zeros.
  const entityId = z.uuid().safeParse(new URL(request.url).searchParams.get("societe")).data;
  const weeks = current.scope.role === "sales" ? [] : await listCashForecast(current.db, current.scope, { entityId });
  const columns = [
    { header: "Semaine du", width: 12, numFmt: dateFormat },
    { header: "Au", width: 12, numFmt: dateFormat },
    { header: "Prévu", width: 16, numFmt: moneyFormat },
    { header: "Bas (80 %)", width: 16, numFmt: moneyFormat },
    { header: "Haut (80 %)", width: 16, numFmt: moneyFormat },
    { header: "Cumul", width: 16, numFmt: moneyFormat },
  ];
  const rows = withCumulative(weeks).map((w) => [
    new Date(`${w.weekStart}T00:00:00Z`),
    new Date(`${addDays(w.weekStart, 6)}T00:00:00Z`),
    cents(w.expected),
    cents(w.low),
    cents(w.high),
    cents(w.cumulative),
  ]);
  // Only dates and numbers: no text cell that a spreadsheet could read as a formula.
  return xlsxResponse("Encaissements prévus", columns, once(rows), `encaissements-prevus-${todayInParis()}.xlsx`);
});
