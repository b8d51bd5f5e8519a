import { after } from "next/server";
import type { Db } from "@/db/client";
import { refreshHomeAggregates } from "@/db/queries/home-aggregates";

/**
 * After clients change hands, the home aggregates follow once the answer has gone: a rebuild takes seconds on a
 * large book, and nobody should wait for it to see their change saved.
 */
export function refreshHomeAfterResponse(db: Db): void {
  after(() =>
    db.transaction((tx) => refreshHomeAggregates(tx)).catch((error) => console.error("[accueil] mise à jour des indicateurs :", error)),
  );
}
