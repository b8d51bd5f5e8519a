/**
 * Imports whose process died (kill, crash, power cut) stay `running` in the history. Their data never changed: the
 * final status is written in the same transaction as the data, so a `running` record means nothing was committed.
 * This closes them as failed, at start-up and before each import, and tells the pages which failures they were.
 */
import { PGlite } from "@electric-sql/pglite";
import type { Db } from "@/db/client";
import { failStaleImports, touchImportHeartbeat } from "@/db/queries/imports";

export const INTERRUPTED_MESSAGE = "Import interrompu (processus arrêté) : aucune donnée modifiée.";
/** Also the start of the message of an import stopped by an unexpected error. */
const INTERRUPTED_PREFIX = "Import interrompu";
/** A running import refreshes its heartbeat every 15 s; eight missed beats mean its process is gone. */
export const STALE_AFTER_MS = 2 * 60_000;
const HEARTBEAT_EVERY_MS = 15_000;

// Shared by every bundle of the server process, like the database handle.
const globalForImports = globalThis as unknown as { encaisseActiveImports?: Set<string> };
const activeImports = (globalForImports.encaisseActiveImports ??= new Set<string>());

/**
 * Closes the imports no process is running any more: those whose heartbeat is older than STALE_AFTER_MS. At the
 * start-up of a server on the embedded database, which only one process can open, every running import is dead.
 */
export async function closeInterruptedImports(db: Db, { startup = false }: { startup?: boolean } = {}): Promise<string[]> {
  const embedded = (db as unknown as { $client?: unknown }).$client instanceof PGlite;
  return failStaleImports(db, {
    staleAfterMs: startup && embedded ? 0 : STALE_AFTER_MS,
    message: INTERRUPTED_MESSAGE,
    keep: [...activeImports],
  });
}

/**
 * Marks the import as worked on by this process and refreshes its heartbeat until the returned function is called.
 * The timer does not keep the process alive.
 */
export function keepImportAlive(db: Db, importId: string): () => void {
  activeImports.add(importId);
  const timer = setInterval(() => {
    touchImportHeartbeat(db, importId).catch(() => {
      // The database is unreachable: the import itself will fail and say so.
    });
  }, HEARTBEAT_EVERY_MS);
  timer.unref();
  return () => {
    clearInterval(timer);
    activeImports.delete(importId);
  };
}

export function isInterrupted(record: { status: string; message: string | null }): boolean {
  return record.status === "failed" && (record.message?.startsWith(INTERRUPTED_PREFIX) ?? false);
}
