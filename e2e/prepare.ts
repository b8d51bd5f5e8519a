/** Before the browser tests: a fresh embedded database with the demo data, and the ids the tests need. */
import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { openDatabase, queryRows } from "@/db/client";
import { materialiseColumns } from "@/db/queries/calculated-values";
import { recordDailySnapshot } from "@/db/queries/snapshots";
import { computeCashForecast } from "@/db/queries/cash-forecast";
import { seedDemo } from "@/db/seed/generate";
import { refreshScenarioForecast } from "@/lib/collection/forecast";
import { snapshotDates } from "@/db/seed/snapshot-dates";
import { evaluateScenarios } from "@/lib/collection/evaluate";
import { today } from "@/lib/dates";
import { scoreAll } from "@/lib/scoring/score-all";
import { env } from "@/lib/env";
import { expectedForecast } from "./expected-forecast";
import { expectedBalances, expectedHomeFigures } from "./expected-kpis";

async function main() {
  const dataDir = path.resolve(env.DATA_DIR);
  fs.rmSync(dataDir, { recursive: true, force: true });
  const handle = await openDatabase({ dataDir });
  try {
    const date = today();
    await seedDemo(handle.db, { size: "demo", today: date });
    // The snapshots the demo seed records, newest first: only the newest writes the balances kept on clients.
    for (const day of snapshotDates(date).reverse()) await recordDailySnapshot(handle.db, day);
    await materialiseColumns(handle.db, date);
    // The agenda needs actions: what the nightly run would plan today, plus a few failed sends to show in yellow.
    await evaluateScenarios(handle.db, date, 7);
    // As the nightly run does: the invoices' scores, then the weekly cash-in forecast from them.
    await scoreAll(handle.db, date);
    await computeCashForecast(handle.db, date);
    // As the nightly run does after the evaluation: the Scénarios page's forecast of the coming nights.
    await refreshScenarioForecast(handle.db, date);
    await handle.db.execute(
      sql`update actions set status = 'error', error_message = 'Aucune adresse e-mail pour le contact de facturation'
          where id in (select a.id from actions a join users u on u.id = a.assigned_user_id
                       where u.email = 'recouvrement1@encaisse.demo' and a.status = 'scheduled' and a.type = 'email'
                         and a.planned_date <= ${date}::date order by a.planned_date, a.id limit 2)`,
    );
    const clientOf = async (email: string) => {
      const [row] = await queryRows<{ id: string; code: string; name: string; siren: string }>(
        handle.db,
        sql`select c.id, c.code, c.name, c.siren from clients c join users u on u.id = c.collector_id
            where u.email = ${email} order by c.code limit 1`,
      );
      return row;
    };
    const [distClient] = await queryRows<{ id: string; code: string; name: string; siren: string }>(
      handle.db,
      sql`select c.id, c.code, c.name, c.siren from clients c join entities e on e.id = c.entity_id
          where e.code = 'DIST' order by c.code limit 1`,
    );
    // Clients the fiche client tests change; no other test reads them. The first one has overdue invoices to flag.
    const [clientForFiche] = await queryRows<{ id: string; code: string; name: string; siren: string }>(
      handle.db,
      sql`select c.id, c.code, c.name, c.siren from clients c join users u on u.id = c.collector_id
          where u.email = 'recouvrement1@encaisse.demo'
            and (select count(*) from documents d where d.client_id = c.id and d.status = 'open' and d.type = 'invoice'
                 and not d.disputed and d.due_date < ${date}::date) >= 3
          order by c.code offset 1 limit 1`,
    );
    // The client the fiche actions test (call, e-mail, statement) works on; no other test reads it.
    const [clientForActions] = await queryRows<{ id: string; code: string; name: string; siren: string }>(
      handle.db,
      sql`select c.id, c.code, c.name, c.siren from clients c join users u on u.id = c.collector_id
          where u.email = 'recouvrement1@encaisse.demo'
            and (select count(*) from documents d where d.client_id = c.id and d.status = 'open' and d.type = 'invoice'
                 and not d.disputed and d.due_date < ${date}::date) >= 3
          order by c.code offset 2 limit 1`,
    );
    const [clientToReassign] = await queryRows<{ id: string; code: string; name: string; siren: string }>(
      handle.db,
      sql`select c.id, c.code, c.name, c.siren from clients c join users u on u.id = c.collector_id
          where u.email = 'recouvrement2@encaisse.demo' order by c.code offset 1 limit 1`,
    );
    const [clientOfSales] = await queryRows<{ id: string; code: string; name: string; siren: string }>(
      handle.db,
      sql`select c.id, c.code, c.name, c.siren from clients c join users u on u.id = c.sales_rep_id
          where u.email = 'commercial@encaisse.demo' order by c.code limit 1`,
    );
    const [actionOfCollector2] = await queryRows<{ id: string }>(
      handle.db,
      sql`select a.id from actions a join users u on u.id = a.assigned_user_id
          where u.email = 'recouvrement2@encaisse.demo' and a.status = 'planned' order by a.planned_date, a.id limit 1`,
    );
    // The open dispute the collaboration test discusses: Sophie Durand's client whose sales rep is Nicolas Moreau.
    const [disputeForCollaboration] = await queryRows<{ id: string; clientId: string; clientName: string }>(
      handle.db,
      sql`select d.id, c.id as "clientId", c.name as "clientName" from disputes d join clients c on c.id = d.client_id
          join users uc on uc.id = c.collector_id join users us on us.id = c.sales_rep_id
          where uc.email = 'recouvrement1@encaisse.demo' and us.email = 'commercial@encaisse.demo'
            and d.closed_at is null and d.status = 'open'
          order by c.code desc, d.id limit 1`,
    );
    const [collector3] = await queryRows<{ id: string; name: string }>(
      handle.db,
      sql`select id, name from users where email = 'recouvrement3@encaisse.demo'`,
    );
    const fixtures = {
      kpiDate: date,
      expectedHome: {
        admin: await expectedHomeFigures(handle.db, date, null),
        collector1: await expectedBalances(handle.db, date, "recouvrement1@encaisse.demo"),
      },
      actionOfCollector2,
      disputeForCollaboration,
      collector3,
      distClient,
      clientOfCollector1: await clientOf("recouvrement1@encaisse.demo"),
      clientOfCollector2: await clientOf("recouvrement2@encaisse.demo"),
      clientForFiche,
      clientForActions,
      clientToReassign,
      clientOfSales,
      expectedForecast: await expectedForecast(handle.db, date),
    };
    fs.writeFileSync(path.join(dataDir, "fixtures.json"), JSON.stringify(fixtures, null, 2));
  } finally {
    await handle.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
