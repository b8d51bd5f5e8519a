import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import type { ExtractTablesWithRelations, SQL } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { env } from "@/lib/env";
import { acquireDataDirLock } from "./data-dir-lock";
import * as schema from "./schema";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** Anything queries can run on: the database or an open transaction. */
export type Queryable = Db | Tx;

export type DatabaseHandle = { db: Db; kind: "pglite" | "postgres"; close: () => Promise<void> };

const extensions = { pg_trgm, unaccent };
/**
 * Session settings of every connection. A one-letter typo in a five-letter name scores 0.5 (« dupnt » in
 * « dupont »): the default word-similarity threshold of 0.6 would miss it. Page queries are short: compiling
 * one (JIT, triggered by cost estimates on large tables) took seconds where running it takes milliseconds.
 */
const sessionSettings = { "pg_trgm.word_similarity_threshold": "0.5", jit: "off" };
const CLOSE_GRACE_SECONDS = 5;
const migrationsFolder = path.join(process.cwd(), "drizzle");

export type OpenOptions = { databaseUrl?: string; dataDir?: string; memory?: boolean };

/** Opens PostgreSQL when a URL is given, otherwise PGlite (on disk, or in memory for tests), then migrates. */
export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    const client = postgres(options.databaseUrl, { max: 10, onnotice: () => {}, connection: sessionSettings });
    const db = drizzlePostgres({ client, schema, casing: "snake_case" });
    // A failed attempt must not leave a pool behind: the next one opens its own.
    await closeOnFailure(migratePostgres(db, { migrationsFolder }), () => client.end({ timeout: 0 }));
    // A connection cut mid-transaction can leave the driver waiting on a query that will never settle: closing
    // gives running queries a few seconds, then drops the connections, so the caller's own error comes through.
    return { db: db as unknown as Db, kind: "postgres", close: () => client.end({ timeout: CLOSE_GRACE_SECONDS }) };
  }
  let release = () => {};
  let client: PGlite;
  if (options.memory) {
    client = new PGlite({ extensions });
  } else {
    const dir = path.resolve(options.dataDir ?? env.DATA_DIR, "pglite");
    const releaseLock = acquireDataDirLock(dir);
    release = releaseLock;
    try {
      client = new PGlite(dir, { extensions });
    } catch (error) {
      releaseLock();
      throw error;
    }
  }
  const close = async () => {
    try {
      await client.close();
    } finally {
      release();
    }
  };
  const db = drizzlePglite({ client, schema, casing: "snake_case" });
  await closeOnFailure(migratePglite(db, { migrationsFolder }), close);
  for (const [name, value] of Object.entries(sessionSettings)) await client.query("select set_config($1, $2, false)", [name, value]);
  return { db: db as unknown as Db, kind: "pglite", close };
}

async function closeOnFailure(work: Promise<unknown>, close: () => Promise<unknown>): Promise<void> {
  try {
    await work;
  } catch (error) {
    await close().catch(() => {});
    throw error;
  }
}

const globalForDb = globalThis as unknown as { encaisseDb?: Promise<DatabaseHandle> };

/**
 * The process-wide database from the environment; shared by every bundle of the server. A failed opening is
 * forgotten, so the next caller tries again: a server started while PostgreSQL is down works once it is back.
 */
export function getDatabase(): Promise<DatabaseHandle> {
  if (globalForDb.encaisseDb) return globalForDb.encaisseDb;
  const opening = openDatabase({ databaseUrl: env.DATABASE_URL }).then(
    (handle) => {
      closeOnSignals(handle);
      return handle;
    },
    (error: unknown) => {
      if (globalForDb.encaisseDb === opening) globalForDb.encaisseDb = undefined;
      throw error;
    },
  );
  globalForDb.encaisseDb = opening;
  return opening;
}

/** Makes `handle` the process-wide database (tests, CLI commands that open their own). */
export function setDatabase(handle: DatabaseHandle): void {
  globalForDb.encaisseDb = Promise.resolve(handle);
}

export async function getDb(): Promise<Db> {
  return (await getDatabase()).db;
}

function closeOnSignals(handle: DatabaseHandle) {
  if (handle.kind !== "pglite") return;
  const shutdown = () => {
    handle.close().finally(() => process.exit(0));
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}

/** Raw SQL rows, whichever driver is behind `db` (PGlite answers `{ rows }`, postgres.js an array). */
export async function queryRows<T>(db: Queryable, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
