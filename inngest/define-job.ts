import type { InngestFunction } from "inngest";
import { inngest } from "./client";

/** The part of Inngest's step tools our jobs use, so the same body runs under Inngest or in process. */
export type JobStep = { run<T>(id: string, fn: () => Promise<T>): Promise<T> };
export type JobEvent = { name: string; data: Record<string, unknown> };
export type JobHandler<R> = (ctx: { event: JobEvent; step: JobStep }) => Promise<R>;

export type JobDefinition<R> = {
  id: string;
  name: string;
  /** Event that starts the job on demand. */
  event: string;
  /** Cron schedule, read in the time zone below, and how it reads in French. */
  cron?: { pattern: string; timeZone: string; label: string };
  /** For jobs without a schedule of their own that an administrator may still start by hand: how that reads. */
  onDemand?: { label: string };
  handler: JobHandler<R>;
};

export function defineJob<R>(definition: JobDefinition<R>) {
  const triggers = [
    { event: definition.event },
    ...(definition.cron ? [{ cron: `TZ=${definition.cron.timeZone} ${definition.cron.pattern}` }] : []),
  ];
  const fn = inngest.createFunction(
    { id: definition.id, name: definition.name, triggers, retries: 3 },
    ({ event, step }) =>
      definition.handler({
        event: { name: event.name, data: (event.data ?? {}) as Record<string, unknown> },
        step: step as unknown as JobStep,
      }),
  );
  return { ...definition, fn };
}

/** Jobs that run without input, so Paramétrage and the shell can start them now. */
export function runsWithoutInput(job: Pick<JobDefinition<unknown>, "cron" | "onDemand">): boolean {
  return Boolean(job.cron ?? job.onDemand);
}

export type AnyJob = JobDefinition<unknown> & { fn: InngestFunction.Any };
