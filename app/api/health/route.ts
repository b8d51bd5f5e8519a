import { NextResponse } from "next/server";
import { getDatabase } from "@/db/client";
import { can } from "@/lib/auth/permissions";
import { currentUser } from "@/lib/auth/session";
import { checkHealth, HEALTH_TIMEOUT_MS, withTimeout } from "@/lib/health/check";

const headers = { "Cache-Control": "no-store" };

/**
 * For load balancers and supervisors: 200 when the database answers with every migration applied, 503 with
 * the reason otherwise. A signed-in administrator or supervisor also gets what was checked and the last night's run.
 */
export async function GET() {
  const report = await checkHealth(getDatabase);
  if (report.database.error) console.error("[health]", report.reason ?? "", report.database.error);
  const status = report.ok ? 200 : 503;
  const summary = report.ok ? { status: "ok" } : { status: "indisponible", reason: report.reason };
  if (!(await mayReadDetails(report.database.reachable))) return NextResponse.json(summary, { status, headers });
  return NextResponse.json(
    { ...summary, database: report.database, migrations: report.migrations, nightlyRun: report.nightlyRun },
    { status, headers },
  );
}

async function mayReadDetails(databaseReachable: boolean): Promise<boolean> {
  // Finding the user takes the database; without it nobody is signed in as far as this answer goes.
  if (!databaseReachable) return false;
  try {
    const current = await withTimeout(currentUser(), HEALTH_TIMEOUT_MS);
    return current !== null && can(current.scope.role, "health.read");
  } catch {
    return false;
  }
}
