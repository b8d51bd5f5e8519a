import type { NextRequest } from "next/server";
import { NextResponse } from "next/server";
import { serve } from "inngest/next";
import { inngest } from "@/inngest/client";
import { inngestFunctions } from "@/inngest/functions";
import { inngestConfigured } from "@/lib/env";

const handlers = serve({ client: inngest, functions: inngestFunctions });

/**
 * Inngest's endpoint, served only when Inngest runs the jobs (its keys, or INNGEST_DEV for a developer's dev
 * server). Otherwise the jobs run in process and nobody outside may list or call them here.
 */
function servedWithInngest(handler: typeof handlers.GET) {
  return (request: NextRequest, context: unknown) =>
    inngestConfigured ? handler(request, context) : Promise.resolve(NextResponse.json({ error: "Page introuvable." }, { status: 404 }));
}

export const GET = servedWithInngest(handlers.GET);
export const POST = servedWithInngest(handlers.POST);
export const PUT = servedWithInngest(handlers.PUT);
