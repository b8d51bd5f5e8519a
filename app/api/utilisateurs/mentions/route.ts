import { NextResponse } from "next/server";
import { searchMentionableUsers } from "@/db/queries/threads";
import { userForRoute } from "@/lib/auth/session";

/** Active users matching `q`, for the @ suggestions of the discussion composer. */
export async function GET(request: Request) {
  const current = await userForRoute("discussions.write");
  if (current.denied) return current.denied;
  const q = (new URL(request.url).searchParams.get("q") ?? "").slice(0, 60);
  return NextResponse.json(await searchMentionableUsers(current.db, q));
}
