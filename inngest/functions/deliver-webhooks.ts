import { getDb } from "@/db/client";
import { env } from "@/lib/env";
import { deliverDueWebhooks } from "@/lib/webhooks/deliver";
import { onWebhooksPending } from "@/lib/webhooks/signal";
import { defineJob } from "../define-job";
import { dispatchJobInBackground } from "../dispatch";

/**
 * Sends the webhook deliveries that are due: every minute for retries, and a moment after events are written so
 * they go out promptly. Safe to run twice or in parallel: deliveries are claimed with SKIP LOCKED. Not recorded
 * in the job history: it runs every minute, and the delivery log of each subscription says what happened.
 */
export const deliverWebhooksJob = defineJob({
  id: "deliver-webhooks",
  name: "Envoi des webhooks",
  event: "encaisse/webhooks.deliver",
  cron: { pattern: "* * * * *", timeZone: env.COMPANY_TIMEZONE, label: "Toutes les minutes" },
  handler: async ({ step }) => step.run("deliver", async () => deliverDueWebhooks(await getDb())),
});

/** In the process that runs jobs (or sends them to Inngest): events written start the delivery job. */
export function deliverWebhooksWhenPending(): void {
  onWebhooksPending(() => {
    void dispatchJobInBackground(deliverWebhooksJob, {}, (error) => console.error("[jobs] deliver-webhooks a échoué :", error)).catch((error) =>
      console.error("[jobs] deliver-webhooks n'a pas pu démarrer :", error),
    );
  });
}
