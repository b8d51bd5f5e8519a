import { and, desc, eq, gt } from "drizzle-orm";
import type { Scope } from "@/lib/auth/scope";
import type { Queryable } from "../client";
import { clients } from "../schema";
import { clientInScope } from "./scope";

export function listTopOverdueClients(db: Queryable, scope: Scope, entityId?: string, limit = 5) {
  return db
    .select({ id: clients.id, code: clients.code, name: clients.name, overdue: clients.overdue, outstanding: clients.outstanding })
    .from(clients)
    .where(and(clientInScope(scope), entityId ? eq(clients.entityId, entityId) : undefined, gt(clients.overdue, "0")))
    .orderBy(desc(clients.overdue))
    .limit(limit);
}
