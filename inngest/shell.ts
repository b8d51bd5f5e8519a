import fs from "node:fs";
import path from "node:path";
import { openDatabase, setDatabase } from "@/db/client";
import { lockHolder } from "@/db/data-dir-lock";
import { env } from "@/lib/env";
import type { JobDefinition } from "./define-job";
import { readServerInfo } from "./embedded";
import { copyIntoUploads } from "./job-files";
import { runJobInProcess } from "./runner";

/**
 * Runs a job from a shell command. With the embedded database held by a running server, the server runs
 * it (PGlite takes one process); otherwise this process opens the database itself.
 */
export async function runJobFromShell<R>(job: JobDefinition<R>, data: Record<string, unknown>): Promise<R> {
  const holder = env.DATABASE_URL ? null : lockHolder(path.resolve(env.DATA_DIR, "pglite"));
  if (holder !== null) {
    const info = readServerInfo();
    if (!info || info.pid !== holder) {
      throw new Error(`La base embarquée est ouverte par le processus ${holder}, qui n'accepte pas de commandes. Arrêtez-le puis relancez.`);
    }
    console.error(`Le serveur (pid ${holder}) exécute ${job.id}…`);
    // The server reads files only from its uploads and drop folders: a file named here travels as a copy.
    const copy = typeof data.filePath === "string" ? await copyIntoUploads(data.filePath) : null;
    try {
      const response = await fetch(`http://127.0.0.1:${info.port}/api/jobs/${job.id}`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-encaisse-token": info.token },
        body: JSON.stringify(copy ? { ...data, filePath: copy } : data),
      }).catch(() => {
        throw new Error(`Le serveur (pid ${holder}) ne répond pas sur le port ${info.port}. Arrêtez-le puis relancez.`);
      });
      const body = (await response.json().catch(() => ({}))) as { result?: R; error?: string };
      if (!response.ok) throw new Error(body.error ?? `Le serveur a répondu ${response.status}.`);
      return body.result as R;
    } finally {
      if (copy) await fs.promises.rm(copy, { force: true });
    }
  }
  const handle = await openDatabase({ databaseUrl: env.DATABASE_URL });
  setDatabase(handle);
  try {
    return await runJobInProcess(job, data);
  } finally {
    await handle.close();
  }
}
