import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { type DatabaseHandle, getDatabase } from "@/db/client";
import { DataDirBusyError } from "@/db/data-dir-lock";
import { hasSucceededRun } from "@/db/queries/job-runs";
import { today } from "@/lib/dates";
import { env, inngestConfigured } from "@/lib/env";
import { describeRootCause } from "@/lib/error-cause";
import { recoverImportsAtStartup } from "@/lib/import/startup";
import { deliverWebhooksWhenPending } from "./functions/deliver-webhooks";
import { nightlyRunJob } from "./functions/nightly-run";
import { jobs } from "./functions";
import { runJobInProcess, scheduleJobsInProcess } from "./runner";

export const serverInfoPath = () => path.resolve(env.DATA_DIR, "server.json");
export type ServerInfo = { pid: number; port: number; token: string };

const LONGEST_RETRY_MS = 60_000;

/**
 * Start-up of the app process: open and migrate the database, close the imports a previous process left
 * running, and with no Inngest keys run the cron schedules here. With the embedded database, CLI job commands
 * cannot open it while the server holds it, so the server publishes a local address and token through which
 * they ask it to run jobs. A database that is down does not stop the server: it tries again until it answers.
 */
export async function startEmbeddedServices(port: number, { firstRetryMs = 2_000 } = {}): Promise<void> {
  await startWhenDatabaseAnswers(port, firstRetryMs, false);
}

async function startWhenDatabaseAnswers(port: number, retryInMs: number, failedBefore: boolean): Promise<void> {
  let handle: DatabaseHandle;
  try {
    handle = await getDatabase();
  } catch (error) {
    // A second server on the same embedded database would only answer errors: it stops with the reason.
    if (error instanceof DataDirBusyError || (error as Error)?.name === "DataDirBusyError") {
      console.error(`${(error as Error).message}\nCe serveur s'arrête.`);
      process.exit(1);
    }
    console.error(
      `[démarrage] La base de données ne répond pas (${describeRootCause(error)}) : nouvel essai dans ${formatDelay(retryInMs)}. ` +
        "Les pages affichent une erreur d'ici là.",
    );
    const retry = () => void startWhenDatabaseAnswers(port, Math.min(retryInMs * 2, LONGEST_RETRY_MS), true);
    setTimeout(retry, retryInMs).unref();
    return;
  }
  if (failedBefore) console.error("[démarrage] La base de données répond de nouveau.");
  try {
    await runStartupWork(handle, port);
  } catch (error) {
    console.error("[démarrage] Les tâches de démarrage ont échoué :", error);
  }
}

async function runStartupWork({ db, kind }: DatabaseHandle, port: number) {
  if (kind === "pglite") {
    const info: ServerInfo = { pid: process.pid, port, token: randomBytes(24).toString("base64url") };
    fs.writeFileSync(serverInfoPath(), JSON.stringify(info), { mode: 0o600 });
  }
  await recoverImportsAtStartup(db);
  if (inngestConfigured || env.JOBS_IN_PROCESS !== "off") deliverWebhooksWhenPending();
  if (inngestConfigured || env.JOBS_IN_PROCESS === "off") return;

  scheduleJobsInProcess(jobs, (id, error) => console.error(`[jobs] ${id} a échoué :`, error));
  // A server that was off at night catches up on today's run, so actions and KPIs are never a day behind.
  if (!(await hasSucceededRun(db, nightlyRunJob.id, today()))) {
    runJobInProcess(nightlyRunJob).catch((error) => console.error("[jobs] nightly-run a échoué :", error));
  }
}

const formatDelay = (ms: number) => (ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`);

export function readServerInfo(): ServerInfo | null {
  try {
    return JSON.parse(fs.readFileSync(serverInfoPath(), "utf8")) as ServerInfo;
  } catch {
    return null;
  }
}
