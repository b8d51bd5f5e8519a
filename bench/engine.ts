/**
 * `npm run bench:engine` (PostgreSQL at DATABASE_URL): on the `--size large` data set (seeded when the database is
 * empty), times one scenario evaluation from scratch and an immediate re-run (which must create nothing), and
 * compares the first with a bare INSERT … SELECT of as many actions and links into unindexed tables. Between the
 * two it analyses the engine's tables, as the nightly run does after its evaluation.
 * Works on the database's own scenarios and groups; when no group has a scenario it adds a catch-all group
 * « Banc d'essai » with the standard steps. Existing actions are deleted first: use a benchmark database.
 */
import { sql } from "drizzle-orm";
import { type Db, openDatabase, queryRows } from "@/db/client";
import { analyzeEngineTables } from "@/db/queries/collection-engine";
import { recomputeGroupMembership } from "@/db/queries/group-membership";
import { makeScenario } from "@/db/test-builders";
import { groups } from "@/db/schema";
import { evaluateScenarios } from "@/lib/collection/evaluate";
import { today } from "@/lib/dates";
import { env } from "@/lib/env";
import { loadAverage, run, timed } from "./steps";

const EVALUATION_TARGET_S = 10;
const RERUN_TARGET_S = 2;

async function ensureScenarioGroup(db: Db) {
  const [{ n }] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from groups where scenario_id is not null`);
  if (n > 0) return;
  const scenario = await makeScenario(db, "Banc d'essai", [
    { label: "Préventif", offsetDays: -5, actionType: "email", mode: "automatic" },
    { label: "Relance", offsetDays: 5, actionType: "email", mode: "automatic" },
    { label: "Appel", offsetDays: 15, actionType: "call", mode: "manual" },
    { label: "Lettre", offsetDays: 30, actionType: "letter", mode: "automatic_to_confirm", minAmount: "50" },
    { label: "Mise en demeure", offsetDays: 45, actionType: "formal_notice", mode: "automatic_to_confirm" },
  ]);
  await db.insert(groups).values({ name: "Banc d'essai", priority: 0, criteria: [], scenarioId: scenario.id });
}

async function main() {
  if (!env.DATABASE_URL) throw new Error("DATABASE_URL doit désigner une base PostgreSQL (le jeu large n'est pas pour PGlite).");
  await run("npx", ["tsx", "db/seed/cli.ts", "--size", "large", "--if-empty"]);
  const handle = await openDatabase({ databaseUrl: env.DATABASE_URL });
  const { db } = handle;
  try {
    const date = today();
    await ensureScenarioGroup(db);
    await recomputeGroupMembership(db, date);
    await db.execute(sql`delete from actions`);
    await db.execute(sql`vacuum analyze actions`);
    await db.execute(sql`vacuum analyze action_documents`);
    const [counts] = await queryRows<{ documents: number; open: number }>(
      db,
      sql`select count(*)::int as documents, count(*) filter (where status = 'open')::int as open from documents`,
    );
    console.log(`Données : ${counts.documents.toLocaleString("fr-FR")} pièces dont ${counts.open.toLocaleString("fr-FR")} ouvertes, date ${date}`);

    const [first, firstS] = await timed(() => evaluateScenarios(db, date, 7));
    const firstLoad = loadAverage();
    const [, analyzeS] = await timed(() => analyzeEngineTables(db));
    const analyzeLoad = loadAverage();
    const [again, againS] = await timed(() => evaluateScenarios(db, date, 7));
    const againLoad = loadAverage();

    // The floor: the same number of rows written by one INSERT … SELECT each, with no rule and no index.
    const [, bareS] = await timed(() =>
      db.transaction(async (tx) => {
        await tx.execute(sql`create temporary table bare_actions (like actions including defaults) on commit drop`);
        await tx.execute(sql`create temporary table bare_links (action_id uuid, document_id bigint) on commit drop`);
        await tx.execute(sql`insert into bare_actions (client_id, type, mode, planned_date, status)
          select client_id, 'email', 'automatic', due_date, 'scheduled' from documents limit ${first.createdActions}`);
        await tx.execute(sql`insert into bare_links select gen_random_uuid(), id from documents limit ${first.coveredDocuments}`);
      }),
    );
    const bareLoad = loadAverage();

    const row = (label: string, seconds: number, target: number | null, load: string, detail: string) =>
      console.log(
        `${label.padEnd(30)} ${seconds.toFixed(2).padStart(7)} s  ${(target ? `${(seconds / target).toFixed(2)} de l'objectif (${target} s)` : "").padEnd(26)} charge ${load}  ${detail}`,
      );
    console.log("");
    row("Évaluation complète", firstS, EVALUATION_TARGET_S, firstLoad, `${first.createdActions.toLocaleString("fr-FR")} actions, ${first.coveredDocuments.toLocaleString("fr-FR")} pièces couvertes`);
    row("Statistiques (ANALYZE)", analyzeS, null, analyzeLoad, "actions et pièces liées, comme la nuit");
    row("Relance immédiate", againS, RERUN_TARGET_S, againLoad, `${again.createdActions} action créée (attendu : 0)`);
    row("INSERT … SELECT nu", bareS, null, bareLoad, "mêmes volumes, sans règle ni index");
    console.log(`\nRapport évaluation / INSERT nu : ${(firstS / bareS).toFixed(1)}`);
    const ok = firstS <= EVALUATION_TARGET_S && againS <= RERUN_TARGET_S && again.createdActions === 0;
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
