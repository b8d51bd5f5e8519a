import { NextResponse } from "next/server";
import { searchClients } from "@/db/queries/clients";
import { userForRoute } from "@/lib/auth/session";
import { withErrorResponse } from "@/lib/http/route-errors";

/** Quick-search suggestions for the top bar: at most 5 clients in the user's scope, plus the total. */
export const GET = withErrorResponse(async function handleGet(request: Request) {
  const current = await userForRoute("clients.read");
  if (current.denied) return current.denied;
  const q = (new URL(request.url).searchParams.get("q") ?? "").trim().slice(0, 100);
  const headers = { "Cache-Control": "private, no-store" };
  if (q.length < 2) return NextResponse.json({ rows: [], total: 0 }, { headers });
  return NextResponse.json(await searchClients(current.db, current.scope, q, 5), { headers });
});
