import { z } from "zod";
import { type Db, getDb } from "@/db/client";
import { countSendOutcomes, listDueActionIds } from "@/db/queries/action-sending";
import { isoDatePattern, today } from "@/lib/dates";
import { inngestConfigured } from "@/lib/env";
import { sendAction } from "@/lib/outbound/send-action";
import { inngest } from "../client";
import { defineJob } from "../define-job";
import { runJobInProcess } from "../runner";

const eventData = z.object({ actionId: z.uuid(), date: z.string().regex(isoDatePattern).optional() });

/**
 * Sends one automatic action. Safe to run twice: sendAction claims the action before sending, so a retry or a
 * duplicate event finds it already sent. A transient provider failure throws, and Inngest retries.
 */
export const sendActionJob = defineJob({
  id: "send-action",
  name: "Envoi d'une action automatique",
  event: "encaisse/action.send",
  handler: async ({ event, step }) => {
    const { actionId, date = today() } = eventData.parse(event.data);
    return step.run("send", async () => sendAction(await getDb(), actionId, date));
  },
});

export type DispatchReport = {
  /** Due actions handed over. */
  due: number;
  /** Under Inngest: events sent, one per action; the figures below stay at 0. */
  queued: number;
  sent: number;
  errors: number;
  /** Still `scheduled` after the retry: transient failures, sent by the next dispatch. */
  deferred: number;
};

/**
 * Hands every due `scheduled` action (planned on or before `date`; only those of `actionIds` when given) to
 * sending: one `encaisse/action.send` event each under Inngest, else sent here. The event id dedupes a dispatch
 * repeated the same day.
 */
export async function dispatchDueActions(db: Db, date: string, actionIds?: string[]): Promise<DispatchReport> {
  const ids = await listDueActionIds(db, date, actionIds);
  if (inngestConfigured) {
    for (let i = 0; i < ids.length; i += 500) {
      const batch = ids.slice(i, i + 500);
      await inngest.send(batch.map((actionId) => ({ id: `action-send-${actionId}-${date}`, name: sendActionJob.event, data: { actionId, date } })));
    }
    return { due: ids.length, queued: ids.length, sent: 0, errors: 0, deferred: 0 };
  }
  await sendActionsHere(ids, date);
  return { due: ids.length, queued: 0, ...(await countSendOutcomes(db, ids)) };
}

const RETRY_PAUSE_MS = 5_000;

/**
 * Sends the actions of `ids` in this process, one after the other, through the send job's body. One failing
 * action does not stop the others; those that failed for a transient reason get one more try once the others
 * are done, and are left `scheduled` for the next dispatch after that. Outcomes are read back with countSendOutcomes.
 */
export async function sendActionsHere(ids: string[], date: string): Promise<void> {
  let failed = await trySending(ids, date);
  if (failed.length === 0) return;
  await new Promise((resolve) => setTimeout(resolve, RETRY_PAUSE_MS));
  failed = await trySending(failed.map((f) => f.actionId), date);
  for (const { actionId, error } of failed) console.error(`[jobs] send-action ${actionId} :`, error);
}

async function trySending(ids: string[], date: string) {
  const failed: { actionId: string; error: unknown }[] = [];
  for (const actionId of ids) {
    try {
      await runJobInProcess(sendActionJob, { actionId, date });
    } catch (error) {
      failed.push({ actionId, error });
    }
  }
  return failed;
}
