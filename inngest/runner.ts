import { Cron } from "croner";
import type { JobDefinition, JobStep } from "./define-job";

/** Steps run straight through in process; Inngest's memoisation is not needed because jobs are idempotent. */
const inProcessStep: JobStep = { run: (_id, fn) => fn() };

export function runJobInProcess<R>(job: JobDefinition<R>, data: Record<string, unknown> = {}): Promise<R> {
  return job.handler({ event: { name: job.event, data }, step: inProcessStep });
}

/** Starts the cron schedules of `jobs` in this process; returns a function that stops them. */
export function scheduleJobsInProcess(jobs: JobDefinition<unknown>[], onError: (id: string, e: unknown) => void) {
  const timers = jobs
    .filter((job) => job.cron)
    .map(
      (job) =>
        new Cron(job.cron!.pattern, { timezone: job.cron!.timeZone, protect: true }, async () => {
          try {
            await runJobInProcess(job);
          } catch (error) {
            onError(job.id, error);
          }
        }),
    );
  return () => timers.forEach((timer) => timer.stop());
}
