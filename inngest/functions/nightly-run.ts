import { NonRetriableError } from "inngest";
import { z } from "zod";
import { getDb } from "@/db/client";
import { countSendOutcomes, listDueActionIds } from "@/db/queries/action-sending";
import { pruneApiBookkeeping } from "@/db/queries/api-keys";
import { materialiseColumns } from "@/db/queries/calculated-values";
import { computeCashForecast } from "@/db/queries/cash-forecast";
import { analyzeEngineTables } from "@/db/queries/collection-engine";
import { recomputeGroupMembership } from "@/db/queries/group-membership";
import { closeInterruptedRuns, finishJobRun, startJobRun } from "@/db/queries/job-runs";
import { settlePromises } from "@/db/queries/promise-outcomes";
import { getOption } from "@/db/queries/settings";
import { recordDailySnapshot, recordMissingSnapshots } from "@/db/queries/snapshots";
import { lastMonthEnds } from "@/db/queries/home-trend";
import { applyScenarios } from "@/lib/collection/evaluate";
import { refreshScenarioForecast } from "@/lib/collection/forecast";
import {
  NightlyLockLost,
  NightlyRunBusy,
  newLockHolder,
  releaseNightlyLock,
  takeNightlyLock,
  whileHoldingNightlyLock,
} from "@/lib/collection/nightly-lock";
import { isoDatePattern, today } from "@/lib/dates";
import { env } from "@/lib/env";
import { scoreAll } from "@/lib/scoring/score-all";
import { defineJob } from "../define-job";
import { type DispatchReport, sendActionsHere } from "./send-action";

const JOB = "nightly-run";
const SEND_BATCH = 100;
const eventData = z.object({ date: z.string().regex(isoDatePattern).optional() });

/**
 * The night's work, step by step: scores, groups, promises, scenarios, sending what is due, the day's snapshot, the cash-in
 * forecast, the scenarios' forecast of the coming nights, and a report.
 * The whole run holds the nightly lock, its holder id memoised from step to step: a second run is refused before
 * it does anything. Every step is safe to run again, so a crashed run is simply started again once its lock expired.
 */
export const nightlyRunJob = defineJob({
  id: JOB,
  name: "Traitement de nuit (groupes, scénarios, envois, photographie)",
  event: "encaisse/nightly-run.requested",
  cron: { pattern: "0 2 * * *", timeZone: env.COMPANY_TIMEZONE, label: "Chaque nuit à 02:00" },
  handler: async ({ event, step }) => {
    const date = eventData.parse(event.data).date ?? today();
    // Its own step, so a retried "open-report" presents the same holder and finds its lease again.
    const holder = await step.run("choose-lock-holder", async () => newLockHolder());
    const opened = await step.run("open-report", async () => {
      const db = await getDb();
      try {
        await takeNightlyLock(db, holder);
      } catch (error) {
        if (error instanceof NightlyRunBusy) return { busy: error.message };
        throw error;
      }
      // Holding the lock proves the runs still shown as running are dead.
      await closeInterruptedRuns(db, JOB);
      return { runId: await startJobRun(db, JOB, date) };
    });
    const { runId } = opened;
    if (!runId) throw new NonRetriableError(opened.busy ?? new NightlyRunBusy().message);

    const locked = <T>(id: string, work: () => Promise<T>) =>
      step.run(id, async () => {
        try {
          return await whileHoldingNightlyLock(await getDb(), holder, work);
        } catch (error) {
          throw error instanceof NightlyLockLost ? new NonRetriableError(error.message) : error;
        }
      });
    try {
      // Before the groups: a group or an alert may select clients by their score.
      const scoring = await locked("score-invoices", async () => scoreAll(await getDb(), date));
      // Before the groups too: their criteria may read a calculated column, which may read the score.
      const calculated = await locked("calculated-columns", async () => (await getDb()).transaction((tx) => materialiseColumns(tx, date)));
      const groups = await locked("recompute-groups", async () => {
        const report = await (await getDb()).transaction((tx) => recomputeGroupMembership(tx, date));
        return { moved: report.updated, withoutGroup: report.noGroup };
      });
      // Before the scenarios: the documents of a broken promise are chased again this very night.
      const promises = await locked("settle-promises", async () => (await getDb()).transaction((tx) => settlePromises(tx, date)));
      const evaluation = await locked("evaluate-scenarios", async () => {
        const db = await getDb();
        return applyScenarios(db, date, await getOption(db, "planningHorizonDays"));
      });
      await locked("analyze-actions", async () => analyzeEngineTables(await getDb()));
      const sending = await sendDueActions(locked, date);
      const snapshot = await locked("record-snapshot", async () => (await getDb()).transaction((tx) => recordDailySnapshot(tx, date)));
      // The trend's month ends (and the one before, for its oldest CEI): rebuilt once after a history is imported.
      const monthEnds = await locked("record-month-ends", async () =>
        (await getDb()).transaction((tx) => recordMissingSnapshots(tx, lastMonthEnds(date, 13))),
      );
      // From the scores written by "score-invoices" earlier in the run.
      const forecast = await locked("cash-forecast", async () => (await getDb()).transaction((tx) => computeCashForecast(tx, date)));
      // After the evaluation: the forecast starts from the actions it left pending.
      const scenarioForecast = await locked("scenario-forecast", async () => refreshScenarioForecast(await getDb(), date));
      await locked("prune-api-bookkeeping", async () => pruneApiBookkeeping(await getDb()));
      const report = { scoring, calculated, groups, promises, evaluation, sending, snapshot, monthEnds, forecast, scenarioForecast };
      await locked("write-report", async () => finishJobRun(await getDb(), runId, { report }));
      await step.run("release-lock", async () => releaseNightlyLock(await getDb(), holder));
      return report;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await step.run("record-failure", async () => {
        const db = await getDb();
        await finishJobRun(db, runId, { error: message });
        await releaseNightlyLock(db, holder);
      });
      throw error;
    }
  },
});

type Locked = <T>(id: string, work: () => Promise<T>) => Promise<T>;

/**
 * Sends the due actions inside the run, under its lock, in batches short enough for one Inngest request each,
 * then counts what became of every one of them: sent, refused, or left for the next dispatch.
 */
async function sendDueActions(locked: Locked, date: string): Promise<DispatchReport> {
  const due = await locked("list-due-actions", async () => listDueActionIds(await getDb(), date));
  for (let i = 0; i < due.length; i += SEND_BATCH) {
    await locked(`send-due-actions-${i / SEND_BATCH + 1}`, () => sendActionsHere(due.slice(i, i + SEND_BATCH), date));
  }
  return locked("count-sends", async () => ({ due: due.length, queued: 0, ...(await countSendOutcomes(await getDb(), due)) }));
}
