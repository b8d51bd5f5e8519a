import { timingSafeEqual } from "node:crypto";
import { NextResponse } from "next/server";
import { readServerInfo } from "@/inngest/embedded";
import { findJob } from "@/inngest/functions";
import { runJobInProcess } from "@/inngest/runner";

function sameToken(given: string | null, expected: string) {
  if (!given || given.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

/**
 * Lets `npm run job:*` run a job inside this server when it holds the embedded database.
 * Only callers that can read the server's token file (the same machine and user) get in.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const info = readServerInfo();
  if (!info || info.pid !== process.pid || !sameToken(request.headers.get("x-encaisse-token"), info.token)) {
    return NextResponse.json({ error: "Accès refusé" }, { status: 403 });
  }
  const job = findJob((await params).id);
  if (!job) return NextResponse.json({ error: "Traitement inconnu" }, { status: 404 });
  const data = (await request.json().catch(() => ({}))) as Record<string, unknown>;
  try {
    return NextResponse.json({ result: await runJobInProcess(job, data) });
  } catch (error) {
    return NextResponse.json({ error: error instanceof Error ? error.message : String(error) }, { status: 500 });
  }
}
