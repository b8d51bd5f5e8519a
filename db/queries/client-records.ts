import { and, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Scope } from "@/lib/auth/scope";
import type { Queryable } from "../client";
import { clients, entities, groups, users } from "../schema";
import { clientScoreGrade, clientScorePLate, hasOpenDispute } from "./clients";
import { clientInScope } from "./scope";

const collector = alias(users, "collector");
const salesRep = alias(users, "sales_rep");

/** Whole client records in scope for `ids`, in the order of `ids`: what the open API answers for a client. */
export async function readClientRecords(db: Queryable, scope: Scope, ids: string[]) {
  if (ids.length === 0) return [];
  const rows = await db
    .select({
      client: clients,
      entity: { id: entities.id, code: entities.code, name: entities.name },
      collectorName: collector.name,
      salesRepName: salesRep.name,
      groupName: groups.name,
      hasOpenDispute: sql<boolean>`${hasOpenDispute}`,
      scoreGrade: clientScoreGrade,
      scorePLate: clientScorePLate,
    })
    .from(clients)
    .innerJoin(entities, eq(entities.id, clients.entityId))
    .leftJoin(collector, eq(collector.id, clients.collectorId))
    .leftJoin(salesRep, eq(salesRep.id, clients.salesRepId))
    .leftJoin(groups, eq(groups.id, clients.effectiveGroupId))
    .where(and(inArray(clients.id, ids), clientInScope(scope)));
  const byId = new Map(rows.map((r) => [r.client.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export type ClientRecord = Awaited<ReturnType<typeof readClientRecords>>[number];
