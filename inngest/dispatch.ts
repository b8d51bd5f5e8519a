import { inngestConfigured } from "@/lib/env";
import { inngest } from "./client";
import type { JobDefinition } from "./define-job";
import { runJobInProcess } from "./runner";

/** Starts a job now: through Inngest when it is configured, otherwise directly in this process. */
export async function dispatchJob<R>(
  job: JobDefinition<R>,
  data: Record<string, unknown> = {},
): Promise<{ queued: true } | { queued: false; result: R }> {
  if (inngestConfigured) {
    await inngest.send({ name: job.event, data });
    return { queued: true };
  }
  return { queued: false, result: await runJobInProcess(job, data) };
}
