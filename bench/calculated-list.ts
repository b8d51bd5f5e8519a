/**
 * `npx tsx bench/calculated-list.ts` (PostgreSQL at DATABASE_URL, the `--size large` data set): the clients list
 * with three calculated columns shown (two materialised, one on the row) sorted by each in turn and filtered by a
 * range, as the page reads it for an administrator. Prints p50/p95 of 20 runs after a warm-up; the columns are
 * removed afterwards.
 */
import { eq, sql } from "drizzle-orm";
import { openDatabase, queryRows } from "@/db/client";
import { loadReadyColumns, materialiseColumns } from "@/db/queries/calculated-values";
import { type ClientFilters, type ClientSort, listClients } from "@/db/queries/clients";
import { loadScope } from "@/db/queries/scope";
import { users } from "@/db/schema";
import type { CalculatedColumnType } from "@/db/schema/calculated";
import { today } from "@/lib/dates";
import { calculatedKey } from "@/lib/formulas/keys";
import { env } from "@/lib/env";
import { loadAverage, percentile, timed, withBenchColumns } from "./steps";

const TARGET_MS = 300;
const columns: { name: string; type: CalculatedColumnType; formula: string }[] = [
  { name: "Bench liste taux d'échu 90 j", type: "percent", formula: "SOMME(pièces.ouvert; échue; 90 j) / encours" },
  { name: "Bench liste retard maximal", type: "days", formula: "MAX(pièces.retard; ouverte)" },
  { name: "Bench liste part échue", type: "percent", formula: "échu / encours" },
];

async function main() {
  if (!env.DATABASE_URL) throw new Error("DATABASE_URL doit désigner une base PostgreSQL.");
  const handle = await openDatabase({ databaseUrl: env.DATABASE_URL });
  const { db } = handle;
  const names = columns.map((c) => c.name);
  try {
    await withBenchColumns(db, columns, async (ids) => {
      const date = today();
      await db.transaction((tx) => materialiseColumns(tx, date, { columnIds: ids }));
      await db.execute(sql`analyze calculated_values`);
      const [admin] = await db.select({ id: users.id }).from(users).where(eq(users.email, "admin@encaisse.demo"));
      const scope = (await loadScope(db, admin.id, date))!;
      const [{ clients }] = await queryRows<{ clients: number }>(db, sql`select count(*)::int as clients from clients`);
      const { columns: ready } = await loadReadyColumns(db);
      const view = { columns: ready, shown: ids };
      const cases: [string, ClientFilters, ClientSort][] = [
        ...ids.flatMap((id, i): [string, ClientFilters, ClientSort][] => [
          [`tri ↓ par « ${names[i]} »`, {}, { key: calculatedKey(id), order: "desc" }],
          [`tri ↑ par « ${names[i]} »`, {}, { key: calculatedKey(id), order: "asc" }],
        ]),
        [`filtre ≥ 50 % et tri par « ${names[0]} »`, { calculated: { [ids[0]]: { min: 50 } } }, { key: calculatedKey(ids[0]), order: "desc" }],
      ];
      console.log(`${clients.toLocaleString("fr-FR")} clients, 3 colonnes calculées affichées ; objectif p95 ≤ ${TARGET_MS} ms`);
      for (const [label, filters, sort] of cases) {
        const run = () => listClients(db, scope, filters, sort, date, { page: 1, pageSize: 50 }, view);
        await run();
        const times: number[] = [];
        for (let i = 0; i < 20; i++) times.push((await timed(run))[1] * 1000);
        times.sort((a, b) => a - b);
        const p = (q: number) => percentile(times, q).toFixed(0);
        console.log(`${label.padEnd(60)} p50 ${p(50).padStart(5)} ms  p95 ${p(95).padStart(5)} ms  charge ${loadAverage()}`);
      }
    });
  } finally {
    await handle.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
