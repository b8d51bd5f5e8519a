import { z } from "zod";
import { getDb } from "@/db/client";
import { recomputeGroupMembership } from "@/db/queries/group-membership";
import { closeInterruptedRuns, finishJobRun, startJobRun } from "@/db/queries/job-runs";
import { settlePromises } from "@/db/queries/promise-outcomes";
import { getOption } from "@/db/queries/settings";
import { recordDailySnapshot } from "@/db/queries/snapshots";
import { evaluateScenarios } from "@/lib/collection/evaluate";
import { withNightlyLock } from "@/lib/collection/nightly-lock";
import { isoDatePattern, today } from "@/lib/dates";
import { env } from "@/lib/env";
import { defineJob } from "../define-job";
import { dispatchDueActions } from "./send-action";

const JOB = "nightly-run";
const eventData = z.object({ date: z.string().regex(isoDatePattern).optional() });

/**
 * The night's work, step by step: groups, promises, scenarios, sending what is due, the day's snapshot, and a report.
 * Every step is safe to run again, so a crashed run is simply started again.
 */
export const nightlyRunJob = defineJob({
  id: JOB,
  name: "Traitement de nuit (groupes, scénarios, envois, photographie)",
  event: "encaisse/nightly-run.requested",
  cron: { pattern: "0 2 * * *", timeZone: env.COMPANY_TIMEZONE, label: "Chaque nuit à 02:00" },
  handler: async ({ event, step }) => {
    const date = eventData.parse(event.data).date ?? today();
    const runId = await step.run("open-report", async () => {
      const db = await getDb();
      return withNightlyLock(db, async (tx) => {
        await closeInterruptedRuns(tx, JOB);
        return startJobRun(tx, JOB, date);
      });
    });
    try {
      const groups = await step.run("recompute-groups", async () =>
        withNightlyLock(await getDb(), async (tx) => {
          const report = await recomputeGroupMembership(tx, date);
          return { moved: report.updated, withoutGroup: report.noGroup };
        }),
      );
      // Before the scenarios: the documents of a broken promise are chased again this very night.
      const promises = await step.run("settle-promises", async () => withNightlyLock(await getDb(), (tx) => settlePromises(tx, date)));
      const evaluation = await step.run("evaluate-scenarios", async () => {
        const db = await getDb();
        return evaluateScenarios(db, date, await getOption(db, "planningHorizonDays"));
      });
      const sending = await step.run("send-due-actions", async () => dispatchDueActions(await getDb(), date));
      const snapshot = await step.run("record-snapshot", async () => withNightlyLock(await getDb(), (tx) => recordDailySnapshot(tx, date)));
      const report = { groups, promises, evaluation, sending, snapshot };
      await step.run("write-report", async () => finishJobRun(await getDb(), runId, { report }));
      return report;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await step.run("record-failure", async () => finishJobRun(await getDb(), runId, { error: message }));
      throw error;
    }
  },
});
