import { z } from "zod";
import { type Db, getDb } from "@/db/client";
import { listDueActionIds } from "@/db/queries/action-sending";
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
  /** Transient failures in process: left `scheduled`, sent by the next dispatch. */
  deferred: number;
};

/**
 * Hands every due `scheduled` action (planned on or before `date`; only those of `actionIds` when given) to
 * sending: one `encaisse/action.send` event each under Inngest, else the send job's body run here, one after
 * the other. The event id dedupes a dispatch repeated the same day.
 */
export async function dispatchDueActions(db: Db, date: string, actionIds?: string[]): Promise<DispatchReport> {
  const ids = await listDueActionIds(db, date, actionIds);
  const report: DispatchReport = { due: ids.length, queued: 0, sent: 0, errors: 0, deferred: 0 };
  if (inngestConfigured) {
    for (let i = 0; i < ids.length; i += 500) {
      const batch = ids.slice(i, i + 500);
      await inngest.send(batch.map((actionId) => ({ id: `action-send-${actionId}-${date}`, name: sendActionJob.event, data: { actionId, date } })));
    }
    report.queued = ids.length;
    return report;
  }
  for (const actionId of ids) {
    try {
      const result = await runJobInProcess(sendActionJob, { actionId, date });
      if (result.status === "sent") report.sent++;
      else if (result.status === "error") report.errors++;
    } catch (error) {
      // One failing action must not stop the others; it stays `scheduled` for the next dispatch.
      console.error(`[jobs] send-action ${actionId} :`, error);
      report.deferred++;
    }
  }
  return report;
}
