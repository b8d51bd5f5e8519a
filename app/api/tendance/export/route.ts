import { z } from "zod";
import { homeTrend } from "@/db/queries/home-trend";
import { userForRoute } from "@/lib/auth/session";
import { today as todayInParis } from "@/lib/dates";
import { dateFormat, moneyFormat, xlsxResponse } from "@/lib/export/xlsx-response";
import { withErrorResponse } from "@/lib/http/route-errors";

const daysFormat = "0.0";

/** The home's trend table: the indicators at each of the last 12 month ends and at the latest snapshot. */
export const GET = withErrorResponse(async function handleGet(request: Request) {
  const current = await userForRoute("clients.read");
  if (current.denied) return current.denied;
  // Narrowed like the home page; the scope still applies, so another société's id yields zeros.
  const entityId = z.uuid().safeParse(new URL(request.url).searchParams.get("societe")).data;
  const date = todayInParis();
  const points = (await homeTrend(current.db, current.scope, date, entityId)).filter((p) => p.recorded);
  const columns = [
    { header: "Date", width: 12, numFmt: dateFormat },
    { header: "Encours", width: 16, numFmt: moneyFormat },
    { header: "Échu", width: 16, numFmt: moneyFormat },
    { header: "DSO (j)", width: 10, numFmt: daysFormat },
    { header: "DSO minimum", width: 13 },
    { header: "BPDSO (j)", width: 10, numFmt: daysFormat },
    { header: "BPDSO minimum", width: 15 },
    { header: "DBT (j)", width: 10, numFmt: daysFormat },
    { header: "CEI (%)", width: 10, numFmt: daysFormat },
  ];
  const rows = points.map((p) => [
    new Date(`${p.date}T00:00:00Z`),
    Number(p.outstanding),
    Number(p.overdue),
    p.kpis?.dso ?? null,
    p.kpis ? (p.kpis.dsoLowerBound ? "oui" : "non") : null,
    p.kpis?.bpdso ?? null,
    p.kpis ? (p.kpis.bpdsoLowerBound ? "oui" : "non") : null,
    p.kpis?.dbt ?? null,
    p.kpis?.cei ?? null,
  ]);
  return xlsxResponse("Tendance", columns, (async function* () { yield rows; })(), `tendance-${date}.xlsx`);
});
