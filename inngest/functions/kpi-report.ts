import { z } from "zod";
import { getDb } from "@/db/client";
import { isoDatePattern } from "@/lib/dates";
import { kpiReport } from "@/lib/kpi/report";
import { defineJob } from "../define-job";

const eventData = z.object({ date: z.string().regex(isoDatePattern), entityCode: z.string().optional() });

/** The indicators at a date, for `npm run kpi`: a job so that it runs inside the server when it holds the embedded database. */
export const kpiReportJob = defineJob({
  id: "kpi-report",
  name: "Indicateurs à une date",
  event: "encaisse/kpi-report.requested",
  handler: async ({ event, step }) => {
    const { date, entityCode } = eventData.parse(event.data);
    return step.run("kpis", async () => kpiReport(await getDb(), date, entityCode));
  },
});
