import { timingSafeEqual } from "node:crypto";
import { NextResponse } from "next/server";
import { ZodError } from "zod";
import { readServerInfo } from "@/inngest/embedded";
import { findJob } from "@/inngest/functions";
import { allowedJobFile } from "@/inngest/job-files";
import { runJobInProcess } from "@/inngest/runner";
import { withErrorResponse } from "@/lib/http/route-errors";

function sameToken(given: string | null, expected: string) {
  if (!given || given.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

const refuse = (error: string, status = 400) => NextResponse.json({ error }, { status });

/** The job's input: a JSON object, or nothing. */
async function readInput(request: Request): Promise<Record<string, unknown> | null> {
  const text = await request.text().catch(() => null);
  if (text === null) return null;
  if (text.trim() === "") return {};
  try {
    const data: unknown = JSON.parse(text);
    return data !== null && typeof data === "object" && !Array.isArray(data) ? (data as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * Lets `npm run job:*` and `npm run import` run a job inside this server when it holds the embedded database.
 * Only callers that can read the server's token file (the same machine and user) get in, and even they name
 * files only inside the uploads and drop folders.
 */
export const POST = withErrorResponse(async function handlePost(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const info = readServerInfo();
  if (!info || info.pid !== process.pid || !sameToken(request.headers.get("x-encaisse-token"), info.token)) {
    return refuse("Accès refusé", 403);
  }
  const job = findJob((await params).id);
  if (!job) return refuse("Traitement inconnu", 404);
  const data = await readInput(request);
  if (!data) return refuse("Requête invalide : le corps doit être un objet JSON.");
  if ("filePath" in data) {
    const file = typeof data.filePath === "string" ? await allowedJobFile(data.filePath) : null;
    if (!file) return refuse("Fichier refusé : seuls les fichiers du dossier des envois et du dossier de dépôt peuvent être importés par le serveur.");
    data.filePath = file;
  }
  try {
    return NextResponse.json({ result: await runJobInProcess(job, data) });
  } catch (error) {
    if (error instanceof ZodError) {
      const fields = [...new Set(error.issues.map((issue) => issue.path.join(".") || "(corps)"))].join(", ");
      return refuse(`Données invalides pour ce traitement : ${fields}.`);
    }
    console.error(`[jobs] ${job.id} a échoué :`, error);
    return refuse(`Le traitement a échoué : ${error instanceof Error ? error.message : String(error)}`, 500);
  }
});
