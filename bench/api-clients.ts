/**
 * The open API's case of bench:pages: keys made in the bench database for the administrator and a collector, and
 * the bare SQL of `GET /api/v1/clients?limit=100` (its two statements, the ids then the records) timed by
 * EXPLAIN ANALYZE, to compare the endpoint's time with the database's share of it.
 */
import { eq, inArray } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import type { Db } from "@/db/client";
import { createApiKey } from "@/db/queries/api-keys";
import { loadScope } from "@/db/queries/scope";
import * as schema from "@/db/schema";
import { clientListQuery } from "@/lib/api/contract/clients";
import { listApiClients } from "@/lib/api/resources/clients";
import { today } from "@/lib/dates";

export const API_CLIENTS_PATH = "/api/v1/clients?limit=100";

/** Keys of `emails`' users, tokens by e-mail; `remove` deletes them. Their rate limit leaves room for every run. */
export async function makeBenchApiKeys(databaseUrl: string, emails: string[]) {
  const client = postgres(databaseUrl, { onnotice: () => {}, max: 1 });
  const db = drizzle({ client, schema, casing: "snake_case" });
  const users = await db.select({ id: schema.users.id, email: schema.users.email }).from(schema.users).where(inArray(schema.users.email, emails));
  const tokens: Record<string, string> = {};
  const ids: string[] = [];
  for (const user of users) {
    const { key, token } = await createApiKey(db, user.id, user.id, { name: "Banc d'essai", readOnly: true, expiresAt: null, requestsPerMinute: 100_000 });
    tokens[user.email] = token;
    ids.push(key.id);
  }
  return {
    tokens,
    remove: async () => {
      if (ids.length) await db.delete(schema.apiKeys).where(inArray(schema.apiKeys.id, ids));
      await client.end();
    },
  };
}

/** Milliseconds (planning + execution, EXPLAIN ANALYZE) of the statements the endpoint runs for `email`'s first page. */
export async function bareSqlOfClientsPage(databaseUrl: string, email: string): Promise<number> {
  const statements: { sql: string; params: unknown[] }[] = [];
  const client = postgres(databaseUrl, { onnotice: () => {}, max: 1 });
  const logged = drizzle({ client, schema, casing: "snake_case", logger: { logQuery: (sql, params) => statements.push({ sql, params }) } });
  try {
    const [user] = await logged.select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.email, email));
    const date = today();
    const scope = (await loadScope(logged, user.id, date))!;
    const query = clientListQuery.parse({ limit: "100" });
    statements.length = 0;
    // Once to warm the caches as the endpoint's repeated requests are, then the statements it ran.
    await listApiClients(logged as unknown as Db, scope, query, date);
    const page = [...statements];
    let total = 0;
    for (const statement of page) {
      const plan = await client.unsafe(`explain (analyze, format json) ${statement.sql}`, statement.params as never[]);
      const [{ "QUERY PLAN": [root] }] = plan as unknown as { "QUERY PLAN": { "Planning Time": number; "Execution Time": number }[] }[];
      total += root["Planning Time"] + root["Execution Time"];
    }
    return total;
  } finally {
    await client.end();
  }
}
