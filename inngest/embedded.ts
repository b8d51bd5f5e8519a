import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { getDatabase } from "@/db/client";
import { hasSucceededRun } from "@/db/queries/job-runs";
import { today } from "@/lib/dates";
import { env, inngestConfigured } from "@/lib/env";
import { nightlyRunJob } from "./functions/nightly-run";
import { jobs } from "./functions";
import { runJobInProcess, scheduleJobsInProcess } from "./runner";

export const serverInfoPath = () => path.resolve(env.DATA_DIR, "server.json");
export type ServerInfo = { pid: number; port: number; token: string };

/**
 * Start-up of the app process: open and migrate the database, and with no Inngest keys run the cron
 * schedules here. With the embedded database, CLI job commands cannot open it while the server holds it,
 * so the server publishes a local address and token through which they ask it to run jobs.
 */
export async function startEmbeddedServices(port: number): Promise<void> {
  const { db, kind } = await getDatabase();
  if (kind === "pglite") {
    const info: ServerInfo = { pid: process.pid, port, token: randomBytes(24).toString("base64url") };
    fs.writeFileSync(serverInfoPath(), JSON.stringify(info), { mode: 0o600 });
  }
  if (inngestConfigured || env.JOBS_IN_PROCESS === "off") return;

  scheduleJobsInProcess(jobs, (id, error) => console.error(`[jobs] ${id} a échoué :`, error));
  // A server that was off at night catches up on today's run, so actions and KPIs are never a day behind.
  if (!(await hasSucceededRun(db, nightlyRunJob.id, today()))) {
    runJobInProcess(nightlyRunJob).catch((error) => console.error("[jobs] nightly-run a échoué :", error));
  }
}

export function readServerInfo(): ServerInfo | null {
  try {
    return JSON.parse(fs.readFileSync(serverInfoPath(), "utf8")) as ServerInfo;
  } catch {
    return null;
  }
}
