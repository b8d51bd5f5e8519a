/**
 * Indicators (encours, échu, balance âgée, DSO…) are in the company's currency; documents in another currency
 * are kept in their own and shown apart, never added in silently.
 */
import { and, eq, sql } from "drizzle-orm";
import type { Scope } from "@/lib/auth/scope";
import { isUuid } from "@/lib/ids";
import type { Queryable } from "../client";
import { clients, documents } from "../schema";
import { clientInScope } from "./scope";

export const BASE_CURRENCY = "EUR";

/** SQL condition on a documents alias: the document counts in the indicators. */
export const countsInIndicators = (alias: string) => sql.raw(`${alias}.currency = '${BASE_CURRENCY}'`);

export type CurrencyTotal = { currency: string; count: number; openAmount: string };

/** Open items in other currencies within the scope (one société or one client when given), by currency. */
export function openInOtherCurrencies(
  db: Queryable,
  scope: Scope,
  narrow: { entityId?: string; clientId?: string } = {},
): Promise<CurrencyTotal[]> {
  if (narrow.clientId !== undefined && !isUuid(narrow.clientId)) return Promise.resolve([]);
  return db
    .select({
      currency: documents.currency,
      count: sql<number>`count(*)::int`,
      openAmount: sql<string>`sum(${documents.openAmount})::text`,
    })
    .from(documents)
    .innerJoin(clients, eq(clients.id, documents.clientId))
    .where(
      and(
        clientInScope(scope),
        eq(documents.status, "open"),
        // A literal, so that the partial index of open foreign pièces is provably usable whatever the plan.
        sql`${documents.currency} <> ${sql.raw(`'${BASE_CURRENCY}'`)}`,
        narrow.entityId ? eq(clients.entityId, narrow.entityId) : undefined,
        narrow.clientId ? eq(documents.clientId, narrow.clientId) : undefined,
      ),
    )
    .groupBy(documents.currency)
    .orderBy(documents.currency);
}
