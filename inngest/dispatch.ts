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

/** Starts a job without waiting for it: an Inngest event, or a run in this process that outlives the request. */
export async function dispatchJobInBackground<R>(job: JobDefinition<R>, data: Record<string, unknown>, onError: (e: unknown) => void) {
  if (inngestConfigured) {
    await inngest.send({ name: job.event, data });
    return;
  }
  runJobInProcess(job, data).catch(onError);
}
