import { NextResponse } from "next/server";
import { searchClients } from "@/db/queries/clients";
import { userForRoute } from "@/lib/auth/session";

/** Quick-search suggestions for the top bar: at most 5 clients in the user's scope, plus the total. */
export async function GET(request: Request) {
  const current = await userForRoute("clients.read");
  if (current.denied) return current.denied;
  const q = (new URL(request.url).searchParams.get("q") ?? "").trim().slice(0, 100);
  if (q.length < 2) return NextResponse.json({ rows: [], total: 0 });
  return NextResponse.json(await searchClients(current.db, current.scope, q, 5));
}
