"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { recordAudit } from "@/db/queries/audit";
import { runsWithoutInput } from "@/inngest/define-job";
import { dispatchJob } from "@/inngest/dispatch";
import { findJob } from "@/inngest/functions";
import { authedAction } from "@/lib/auth/action";

export const runJobNowAction = authedAction("jobs.run", z.object({ jobId: z.string().min(1) }), async ({ jobId }, { db, scope }) => {
  const job = findJob(jobId);
  // Only scheduled jobs run without input; the others (imports) start from their own page.
  if (!job || !runsWithoutInput(job)) return { ok: false, error: "Traitement inconnu." };
  await recordAudit(db, { userId: scope.userId, action: "job.run", targetType: "job", targetId: job.id });
  try {
    const outcome = await dispatchJob(job);
    revalidatePath("/", "layout");
    return { ok: true, data: undefined, message: outcome.queued ? "Traitement mis en file d'attente." : "Traitement terminé." };
  } catch (error) {
    return { ok: false, error: `Le traitement a échoué : ${error instanceof Error ? error.message : String(error)}` };
  }
});
