import { NextResponse } from "next/server";
import { searchClients } from "@/db/queries/clients";
import { can } from "@/lib/auth/permissions";
import { currentUser } from "@/lib/auth/session";

/** Quick-search suggestions for the top bar: at most 5 clients in the user's scope, plus the total. */
export async function GET(request: Request) {
  const current = await currentUser();
  if (!current || !can(current.scope.role, "clients.read")) {
    return NextResponse.json({ error: "Non authentifié" }, { status: 401 });
  }
  const q = (new URL(request.url).searchParams.get("q") ?? "").trim().slice(0, 100);
  if (q.length < 2) return NextResponse.json({ rows: [], total: 0 });
  return NextResponse.json(await searchClients(current.db, current.scope, q, 5));
}
