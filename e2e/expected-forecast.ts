/**
 * The cash-in forecast the browser tests expect, computed invoice by invoice in JavaScript from the scores
 * (lib/scoring/cash-forecast.ts), never through the nightly SQL that fills cash_forecasts.
 */
import { type SQL, sql } from "drizzle-orm";
import { queryRows, type Queryable } from "@/db/client";
import { FORECAST_WEEKS, weekProbabilities } from "@/lib/scoring/cash-forecast";

/** Σ open × P(paid in the week) over the 13 weeks, for the scored open invoices in euros of the clients chosen. */
async function expectedTotal(db: Queryable, date: string, clients: SQL): Promise<number> {
  const rows = await queryRows<{ open: string; due_date: string; expected: string; p_late: number }>(
    db,
    sql`select d.open_amount::text as open, d.due_date::text as due_date, s.expected_payment_date::text as expected, s.p_late
        from document_scores s join documents d on d.id = s.document_id join clients c on c.id = d.client_id
        where d.status = 'open' and d.open_amount > 0 and d.currency = 'EUR' and ${clients}`,
  );
  let total = 0;
  for (const r of rows) {
    const p = weekProbabilities({ today: date, dueDate: r.due_date, expectedPaymentDate: r.expected, pLate: r.p_late, weeks: FORECAST_WEEKS });
    total += Number(r.open) * p.reduce((a, b) => a + b, 0);
  }
  return total;
}

export type ExpectedForecast = { admin: number; collector1: number; dist: { entityId: string; total: number } };

export async function expectedForecast(db: Queryable, date: string): Promise<ExpectedForecast> {
  const [dist] = await queryRows<{ id: string }>(db, sql`select id from entities where code = 'DIST'`);
  return {
    admin: await expectedTotal(db, date, sql`true`),
    collector1: await expectedTotal(db, date, sql`c.collector_id = (select id from users where email = 'recouvrement1@encaisse.demo')`),
    dist: { entityId: dist.id, total: await expectedTotal(db, date, sql`c.entity_id = ${dist.id}`) },
  };
}
