import { asc } from "drizzle-orm";
import type { Queryable } from "../client";
import { groups } from "../schema";

/** Groups in priority order, for selects. */
export function listGroupOptions(db: Queryable) {
  return db.select({ id: groups.id, name: groups.name }).from(groups).orderBy(asc(groups.priority));
}
