/**
 * `npm run bench:calculated` (PostgreSQL at DATABASE_URL): on the `--size large` data set (seeded when the database
 * is empty), creates ten calculated columns mixing pièce aggregates, snapshot windows, DSO, DBT and CEI, times their
 * materialisation (first run, then a second one that finds every value already right) beside the load average,
 * and compares it with a bare INSERT … SELECT of as many values from one scan of the documents. The columns are
 * removed afterwards.
 */
import { sql } from "drizzle-orm";
import { openDatabase, queryRows } from "@/db/client";
import { materialiseColumns } from "@/db/queries/calculated-values";
import type { CalculatedColumnType } from "@/db/schema/calculated";
import { addDays, today } from "@/lib/dates";
import { env } from "@/lib/env";
import { loadAverage, run, timed, withBenchColumns } from "./steps";

const TARGET_S = 20;

const columns: { name: string; type: CalculatedColumnType; formula: string }[] = [
  { name: "Bench taux d'échu 90 j", type: "percent", formula: "SOMME(pièces.ouvert; échue; 90 j) / encours" },
  { name: "Bench encours moyen 6 mois", type: "amount", formula: "MOYENNE(encours; 6 mois)" },
  { name: "Bench DSO 90 j", type: "days", formula: "DSO(90 j)" },
  { name: "Bench DBT", type: "days", formula: "DBT()" },
  { name: "Bench DBT 90 j", type: "days", formula: "DBT(90 j)" },
  { name: "Bench CEI 3 mois", type: "percent", formula: "CEI(3 mois)" },
  { name: "Bench ventes 12 mois", type: "amount", formula: "VENTES(12 mois)" },
  { name: "Bench pièces en retard de 30 j", type: "number", formula: "NB(pièces; pièces.retard > 30)" },
  { name: "Bench retard maximal", type: "days", formula: "MAX(pièces.retard; ouverte)" },
  { name: "Bench délai de règlement 12 mois", type: "days", formula: "MOYENNE(pièces.délai_règlement; réglée; 12 mois)" },
];

async function main() {
  if (!env.DATABASE_URL) throw new Error("DATABASE_URL doit désigner une base PostgreSQL (le jeu large n'est pas pour PGlite).");
  await run("npx", ["tsx", "db/seed/cli.ts", "--size", "large", "--if-empty"]);
  const handle = await openDatabase({ databaseUrl: env.DATABASE_URL });
  const { db } = handle;
  try {
    await withBenchColumns(db, columns, async (ids) => {
      const date = today();
      await db.execute(sql`analyze`);
      const [{ clients, documents }] = await queryRows<{ clients: number; documents: number }>(
        db,
        sql`select (select count(*) from clients)::int as clients, (select count(*) from documents)::int as documents`,
      );
      const row = (label: string, seconds: number, target: number | null, detail: string) =>
        console.log(
          `${label.padEnd(32)} ${seconds.toFixed(2).padStart(7)} s  ${(target ? `${(seconds / target).toFixed(2)} de l'objectif (${target} s)` : "").padEnd(26)} charge ${loadAverage()}  ${detail}`,
        );
      const scope = `${clients.toLocaleString("fr-FR")} clients, ${documents.toLocaleString("fr-FR")} pièces`;

      const [first, firstS] = await timed(() => db.transaction((tx) => materialiseColumns(tx, date, { columnIds: ids })));
      row("Colonnes calculées (1er calcul)", firstS, TARGET_S, `${first.columns} colonnes, ${scope}`);
      const [, againS] = await timed(() => db.transaction((tx) => materialiseColumns(tx, date, { columnIds: ids })));
      row("Colonnes calculées (inchangées)", againS, TARGET_S, "valeurs déjà à jour : rien n'est réécrit");
      // What the nightly run does: the day after, retards and windows have moved on.
      const [, nextS] = await timed(() => db.transaction((tx) => materialiseColumns(tx, addDays(date, 1), { columnIds: ids })));
      row("Colonnes calculées (lendemain)", nextS, TARGET_S, "le traitement de nuit : les valeurs qui ont bougé");

      // The floor: one scan of the documents grouped by client, ten values per client written with no index.
      const [, bareS] = await timed(() =>
        db.transaction(async (tx) => {
          await tx.execute(sql`create temporary table bare_values (column_no int, client_id uuid, number numeric) on commit drop`);
          await tx.execute(sql`insert into bare_values select n, t.client_id, t.total * n
            from (select client_id, sum(amount) as total from documents group by client_id) t cross join generate_series(1, 10) n`);
        }),
      );
      row("INSERT … SELECT nu", bareS, null, "une somme par client, dix valeurs par client, sans index");
      console.log(`\nRapport 1er calcul / INSERT nu : ${(firstS / bareS).toFixed(1)}`);
      const ok = firstS <= TARGET_S && nextS <= TARGET_S;
      console.log(ok ? "Objectif tenu." : "Objectif non tenu.");
      if (!ok) process.exitCode = 1;
    });
  } finally {
    await handle.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
