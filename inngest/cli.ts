/**
 * `npm run job -- <job-id> [--date yyyy-mm-dd]`: runs a job once. With the embedded database held by a
 * running server, the server runs it; otherwise this process opens the database itself.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { openDatabase, setDatabase } from "@/db/client";
import { lockHolder } from "@/db/data-dir-lock";
import { env } from "@/lib/env";
import { readServerInfo } from "./embedded";
import { findJob, jobs } from "./functions";
import { runJobInProcess } from "./runner";

async function main() {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { date: { type: "string" } } });
  const job = findJob(positionals[0] ?? "");
  if (!job) {
    console.error(`Traitement inconnu. Disponibles : ${jobs.map((j) => j.id).join(", ")}`);
    process.exit(2);
  }
  const data = values.date ? { date: values.date } : {};
  const holder = env.DATABASE_URL ? null : lockHolder(path.resolve(env.DATA_DIR, "pglite"));

  if (holder !== null) {
    const info = readServerInfo();
    if (!info || info.pid !== holder) {
      console.error(`La base embarquée est ouverte par le processus ${holder}, qui n'accepte pas de commandes. Arrêtez-le puis relancez.`);
      process.exit(1);
    }
    console.log(`Le serveur (pid ${holder}) exécute ${job.id}…`);
    const response = await fetch(`http://127.0.0.1:${info.port}/api/jobs/${job.id}`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-encaisse-token": info.token },
      body: JSON.stringify(data),
    });
    const body = await response.json();
    if (!response.ok) throw new Error(body.error ?? `HTTP ${response.status}`);
    console.log(JSON.stringify(body.result, null, 2));
    return;
  }

  const handle = await openDatabase({ databaseUrl: env.DATABASE_URL });
  setDatabase(handle);
  try {
    console.log(JSON.stringify(await runJobInProcess(job, data), null, 2));
  } finally {
    await handle.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
