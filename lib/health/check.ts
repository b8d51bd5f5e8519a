/**
 * The health check behind /api/health: does the database answer, are all migrations of the journal applied,
 * and how did the last nightly run end. Never throws; a database that hangs counts as down after the timeout.
 */
import fs from "node:fs";
import path from "node:path";
import type { DatabaseHandle } from "@/db/client";
import { lastAppliedMigrationMillis, latestRunWithError } from "@/db/queries/health";
import { env } from "@/lib/env";

export const HEALTH_TIMEOUT_MS = 2_000;
const NIGHTLY_JOB = "nightly-run";

export type HealthReport = {
  ok: boolean;
  /** Why the app is unavailable, in French; null when it is fine. */
  reason: string | null;
  database: { kind: "embedded" | "postgresql"; reachable: boolean; error: string | null };
  migrations: { applied: number; expected: number; missing: string[] } | null;
  nightlyRun: Awaited<ReturnType<typeof latestRunWithError>> | null;
};

class TimeoutError extends Error {}

/** `promise`, or a TimeoutError after `ms`. */
export async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(`Pas de réponse en ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, expired]);
  } finally {
    clearTimeout(timer);
  }
}

/** The migrations drizzle-kit generated, as the migrator reads them at start-up. */
function journalEntries(): { tag: string; when: number }[] {
  const file = path.join(process.cwd(), "drizzle", "meta", "_journal.json");
  return (JSON.parse(fs.readFileSync(file, "utf8")) as { entries: { tag: string; when: number }[] }).entries;
}

function errorText(error: unknown) {
  return error instanceof Error ? error.message : String(error);
}

export async function checkHealth(database: () => Promise<DatabaseHandle>, timeoutMs = HEALTH_TIMEOUT_MS): Promise<HealthReport> {
  const report: HealthReport = {
    ok: false,
    reason: null,
    database: { kind: env.DATABASE_URL ? "postgresql" : "embedded", reachable: false, error: null },
    migrations: null,
    nightlyRun: null,
  };
  let lastApplied: number | null = null;
  try {
    await withTimeout(
      (async () => {
        const handle = await database();
        report.database.kind = handle.kind === "pglite" ? "embedded" : "postgresql";
        lastApplied = await lastAppliedMigrationMillis(handle.db);
        report.database.reachable = true;
        report.nightlyRun = await latestRunWithError(handle.db, NIGHTLY_JOB);
      })(),
      timeoutMs,
    );
  } catch (error) {
    report.database.error = errorText(error);
    if (!report.database.reachable) {
      report.reason =
        error instanceof TimeoutError
          ? `La base de données n'a pas répondu en ${String(timeoutMs / 1000).replace(".", ",")} s.`
          : "La base de données ne répond pas.";
      return report;
    }
  }
  try {
    const entries = journalEntries();
    const missing = entries.filter((entry) => lastApplied === null || entry.when > lastApplied).map((entry) => entry.tag);
    report.migrations = { applied: entries.length - missing.length, expected: entries.length, missing };
    if (missing.length > 0) {
      report.reason = `${missing.length} migration(s) sur ${entries.length} ne sont pas appliquées à la base de données.`;
      return report;
    }
  } catch (error) {
    report.reason = "Le journal des migrations est illisible.";
    report.database.error ??= errorText(error);
    return report;
  }
  report.ok = true;
  return report;
}
