/**
 * `npm run bench:scoring` (PostgreSQL at DATABASE_URL): on the `--size large` data set (seeded when the database is
 * empty), times the nightly scoring (training, then the scores of every open invoice and client) and the 13-week
 * cash-in forecast, beside the load average, and compares the scoring with a bare INSERT … SELECT writing as many
 * invoice scores into an unindexed table.
 */
import { sql } from "drizzle-orm";
import { openDatabase } from "@/db/client";
import { computeCashForecast } from "@/db/queries/cash-forecast";
import { today } from "@/lib/dates";
import { env } from "@/lib/env";
import { scoreAll } from "@/lib/scoring/score-all";
import { loadAverage, run, timed } from "./steps";

const SCORING_TARGET_S = 60;
const SCORES_ONLY_TARGET_S = 15;


async function main() {
  if (!env.DATABASE_URL) throw new Error("DATABASE_URL doit désigner une base PostgreSQL (le jeu large n'est pas pour PGlite).");
  await run("npx", ["tsx", "db/seed/cli.ts", "--size", "large", "--if-empty"]);
  const handle = await openDatabase({ databaseUrl: env.DATABASE_URL });
  const { db } = handle;
  try {
    const date = today();
    await db.execute(sql`analyze`);
    const row = (label: string, seconds: number, target: number | null, detail: string) =>
      console.log(
        `${label.padEnd(30)} ${seconds.toFixed(2).padStart(7)} s  ${(target ? `${(seconds / target).toFixed(2)} de l'objectif (${target} s)` : "").padEnd(26)} charge ${loadAverage()}  ${detail}`,
      );

    const [scoring, scoringS] = await timed(() => scoreAll(db, date));
    row("Score : entraînement + scores", scoringS, SCORING_TARGET_S, `${scoring.kind}, ${scoring.trainedOn.toLocaleString("fr-FR")} factures apprises`);
    const scoresOnly = scoringS - scoring.trainSeconds;
    row("Score : écriture des scores", scoresOnly, SCORES_ONLY_TARGET_S, `${scoring.documents.toLocaleString("fr-FR")} factures, ${scoring.clients.toLocaleString("fr-FR")} clients`);

    const [forecast, forecastS] = await timed(() => db.transaction((tx) => computeCashForecast(tx, date)));
    row("Prévision d'encaissements", forecastS, null, `${forecast.invoices.toLocaleString("fr-FR")} factures, ${forecast.rows.toLocaleString("fr-FR")} lignes`);

    // The floor: as many invoice scores written by one INSERT … SELECT with no feature, model or index.
    const [, bareS] = await timed(() =>
      db.transaction(async (tx) => {
        await tx.execute(sql`create temporary table bare_scores (document_id bigint, p_late float8, expected date) on commit drop`);
        await tx.execute(sql`insert into bare_scores select id, random(), due_date from documents where status = 'open' and type = 'invoice'`);
      }),
    );
    row("INSERT … SELECT nu", bareS, null, "mêmes factures ouvertes, sans caractéristique ni index");
    console.log(`\nRapport écriture des scores / INSERT nu : ${(scoresOnly / bareS).toFixed(1)}`);
    if (scoring.metrics) console.log(`Échantillon tenu à l'écart : AUC ${scoring.metrics.auc.toFixed(3)}, Brier ${scoring.metrics.brier.toFixed(3)} (taux de base ${scoring.metrics.baseBrier.toFixed(3)})`);
    const ok = scoringS <= SCORING_TARGET_S && scoresOnly <= SCORES_ONLY_TARGET_S;
    console.log(ok ? "Objectifs tenus." : "Objectifs non tenus.");
    if (!ok) process.exitCode = 1;
  } finally {
    await handle.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
