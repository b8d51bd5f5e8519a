import { dailySnapshotJob } from "./daily-snapshot";

export const jobs = [dailySnapshotJob];
export const inngestFunctions = jobs.map((job) => job.fn);

export function findJob(id: string) {
  return jobs.find((job) => job.id === id);
}
