import { z } from "zod";
import { latestAgingLimits, streamAgedBalanceByClient } from "@/db/queries/aged-balance";
import { getOption } from "@/db/queries/settings";
import { userForRoute } from "@/lib/auth/session";
import { today as todayInParis } from "@/lib/dates";
import { neutraliseFormula } from "@/lib/export/neutralise";
import { mapBatches, moneyFormat, xlsxResponse } from "@/lib/export/xlsx-response";
import { agingBucketLabels } from "@/lib/settings/options";
import { withErrorResponse } from "@/lib/http/route-errors";

/** The balance âgée of the user's scope, one row per client and one column per bucket, as on the home card. */
export const GET = withErrorResponse(async function handleGet(request: Request) {
  const current = await userForRoute("clients.read");
  if (current.denied) return current.denied;
  // Narrowed like the home page; the scope still applies, so another société's id yields no row.
  const entityId = z.uuid().safeParse(new URL(request.url).searchParams.get("societe")).data;
  // The snapshot's own limits, so the columns match the amounts (and the card) even after Paramétrage changed.
  const agingLimits = (await latestAgingLimits(current.db)) ?? (await getOption(current.db, "agingLimits"));
  const buckets = ["Non échu", ...agingBucketLabels(agingLimits).map((label) => `Échu ${label}`)];
  const columns = [
    { header: "Société", width: 10 },
    { header: "Code client", width: 14 },
    { header: "Raison sociale", width: 36 },
    { header: "Encours", width: 16, numFmt: moneyFormat },
    ...buckets.map((header) => ({ header, width: 16, numFmt: moneyFormat })),
  ];
  const rows = mapBatches(streamAgedBalanceByClient(current.db, current.scope, entityId), (row) => [
    neutraliseFormula(row.entityCode),
    neutraliseFormula(row.code),
    neutraliseFormula(row.name),
    // Numbers, so the spreadsheet can sum them; the database keeps exact decimals.
    Number(row.outstanding),
    ...buckets.map((_, i) => Number(row.buckets[i] ?? 0)),
  ]);
  return xlsxResponse("Balance âgée", columns, rows, `balance-agee-${todayInParis()}.xlsx`);
});
