import { z } from "zod";
import { getDb } from "@/db/client";
import { recordJobRun } from "@/db/queries/job-runs";
import { recordDailySnapshot } from "@/db/queries/snapshots";
import { isoDatePattern, today } from "@/lib/dates";
import { defineJob } from "../define-job";

const eventData = z.object({ date: z.string().regex(isoDatePattern).optional() });

/** Per-client encours, échu and aged buckets for the day, the base of every trend and KPI. */
export const dailySnapshotJob = defineJob({
  id: "daily-snapshot",
  name: "Photographie quotidienne des encours",
  event: "encaisse/daily-snapshot.requested",
  onDemand: { label: "À la demande ; chaque nuit dans le traitement de nuit" },
  handler: async ({ event, step }) => {
    const date = eventData.parse(event.data).date ?? today();
    return step.run("record-snapshot", async () => {
      const db = await getDb();
      return recordJobRun(db, "daily-snapshot", date, () => db.transaction((tx) => recordDailySnapshot(tx, date)));
    });
  },
});
