import { z } from "zod";
import { getDb } from "@/db/client";
import { recordJobRun } from "@/db/queries/job-runs";
import { sendNotificationDigests } from "@/lib/collaboration/notification-digest";
import { isoDatePattern, today } from "@/lib/dates";
import { env } from "@/lib/env";
import { defineJob } from "../define-job";

const eventData = z.object({ date: z.string().regex(isoDatePattern).optional() });

/** Each working morning, the unread notifications by e-mail to whoever asked for them. */
export const notificationDigestJob = defineJob({
  id: "notification-digest",
  name: "Résumé quotidien des notifications",
  event: "encaisse/notification-digest.requested",
  cron: { pattern: "0 7 * * 1-5", timeZone: env.COMPANY_TIMEZONE, label: "Chaque jour ouvré à 07:00" },
  handler: async ({ event, step }) => {
    const date = eventData.parse(event.data).date ?? today();
    return step.run("send-digests", async () => {
      const db = await getDb();
      return recordJobRun(db, "notification-digest", date, () => sendNotificationDigests(db, date));
    });
  },
});
