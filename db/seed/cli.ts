/**
 * `npm run db:seed [-- --size large] [--reset] [--if-empty] [--today yyyy-mm-dd]`: loads the demo data set,
 * then records the daily snapshots the dashboards read (today, 30 days ago and the last 12 month ends).
 */
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { type Db, openDatabase, queryRows } from "@/db/client";
import { materialiseColumns } from "@/db/queries/calculated-values";
import { recordDailySnapshot } from "@/db/queries/snapshots";
import { refreshScenarioForecast } from "@/lib/collection/forecast";
import { isoDatePattern, today as todayInParis } from "@/lib/dates";
import { CliError, runCli } from "@/lib/cli/run-cli";
import { env } from "@/lib/env";
import { seedDemo } from "./generate";
import { snapshotDates } from "./snapshot-dates";

async function emptyAllTables(db: Db) {
  const tables = await queryRows<{ name: string }>(
    db,
    sql`select tablename as name from pg_tables where schemaname = 'public'`,
  );
  await db.execute(sql.raw(`truncate ${tables.map((t) => `"${t.name}"`).join(", ")} restart identity cascade`));
}

async function main() {
  const { values } = parseArgs({
    options: {
      size: { type: "string", default: "demo" },
      reset: { type: "boolean", default: false },
      "if-empty": { type: "boolean", default: false },
      today: { type: "string" },
    },
  });
  const size = values.size === "large" ? "large" : "demo";
  const today = values.today ?? todayInParis();
  if (!isoDatePattern.test(today)) throw new CliError("--today attend une date au format AAAA-MM-JJ.");
  if (size === "large" && !env.DATABASE_URL) {
    throw new CliError("Le jeu « large » (100 000 clients, 1 000 000 de pièces) se charge sur PostgreSQL : définissez DATABASE_URL.");
  }

  const handle = await openDatabase({ databaseUrl: env.DATABASE_URL });
  try {
    const [{ users }] = await queryRows<{ users: number }>(handle.db, sql`select count(*)::int as users from users`);
    if (users > 0 && values["if-empty"]) {
      console.log("Base déjà initialisée : données conservées.");
      return;
    }
    if (users > 0 && !values.reset) {
      throw new CliError("La base contient déjà des données. Relancez avec --reset pour tout effacer et recharger la démo.");
    }
    if (users > 0) await emptyAllTables(handle.db);

    const started = Date.now();
    const summary = await seedDemo(handle.db, { size, today });
    console.log(
      `Données de démonstration chargées en ${((Date.now() - started) / 1000).toFixed(1)} s : ` +
        `${summary.clients} clients, ${summary.contacts} contacts, ${summary.documents} pièces (${summary.openDocuments} ouvertes).`,
    );
    // Newest first: only today's snapshot rewrites the balances kept on every client row. The earlier days only
    // add their own rows: two at a time, one per core (PGlite takes them in turn).
    const [newest, ...earlier] = snapshotDates(today).reverse();
    await recordDailySnapshot(handle.db, newest);
    const next = async (): Promise<void> => {
      const date = earlier.shift();
      if (date) await recordDailySnapshot(handle.db, date).then(next);
    };
    await Promise.all([next(), next()]);
    // The demo's calculated columns read those snapshots: worked out once they exist.
    await materialiseColumns(handle.db, today);
    // Fresh statistics after a bulk load, or the planner guesses the clients list wrong.
    await handle.db.execute(sql`analyze`);
    console.log(`Photographies quotidiennes calculées (${((Date.now() - started) / 1000).toFixed(1)} s au total).`);
    // What the Scénarios page shows before the first nightly run.
    await refreshScenarioForecast(handle.db, today);
    console.log(`Prévisions des prochaines nuits calculées (${((Date.now() - started) / 1000).toFixed(1)} s au total).`);
    console.log("\nComptes de démonstration :");
    for (const login of summary.logins) {
      console.log(`  ${login.role.padEnd(10)} ${login.email.padEnd(30)} ${login.password}   (${login.name})`);
    }
  } finally {
    await handle.close();
  }
}

runCli(main);
