/**
 * The weekly cash-in forecast: computed each night from the scores of the open invoices into `cash_forecasts`
 * (per société, collector and week), then summed over what a user may see.
 */
import { inArray, type SQL, sql } from "drizzle-orm";
import type { Scope } from "@/lib/auth/scope";
import { addDays } from "@/lib/dates";
import { FORECAST_WEEKS, interval80, MIN_SCALE_DAYS, SCALE_PER_DAY_LATE, weekMonday } from "@/lib/scoring/cash-forecast";
import { queryRows, type Queryable } from "../client";
import { cashForecasts } from "../schema";
import { BASE_CURRENCY } from "./currencies";

export const NO_COLLECTOR = "00000000-0000-0000-0000-000000000000";
/** Days of computations kept, today included, for looking back at what was forecast. */
export const FORECAST_RETENTION_DAYS = 60;

/** ln P(T ≥ x) of a logistic of scale `s` centred on 0, as in lib/scoring/cash-forecast.ts; exp() kept off underflow. */
const logSurvival = (x: SQL, s: SQL) => sql`(-(greatest(${x} / ${s}, 0) + ln(1 + exp(greatest(-abs(${x} / ${s}), -700)))))`;

/**
 * Rewrites `date`'s forecast from `document_scores`: for every open invoice in the company's currency and each of the
 * 13 weeks from the Monday of `date`, P(paid that week) by `weekProbabilities`' formula, summed as open × p with the
 * variance open² × p × (1 − p). Invoices sharing a société, collector, expected date and scale share their
 * probabilities, so they are summed first (Σ open, Σ open²) and the distribution is evaluated once per group.
 */
export async function computeCashForecast(db: Queryable, date: string): Promise<{ weeks: number; rows: number; invoices: number }> {
  const monday = weekMonday(date);
  await db.execute(
    sql`delete from cash_forecasts where computed_on = ${date}::date or computed_on <= ${addDays(date, -FORECAST_RETENTION_DAYS)}::date`,
  );
  const [result] = await queryRows<{ rows: number; invoices: number }>(
    db,
    sql`with invoices as (
        select c.entity_id, coalesce(c.collector_id, ${NO_COLLECTOR}::uuid) as collector_id, s.expected_payment_date as expected,
          greatest(${MIN_SCALE_DAYS}::float8,
            ${SCALE_PER_DAY_LATE}::float8 * greatest(0, s.expected_payment_date - d.due_date, ${date}::date - d.due_date)) as scale,
          d.open_amount::float8 as open
        from document_scores s join documents d on d.id = s.document_id join clients c on c.id = d.client_id
        where d.status = 'open' and d.open_amount > 0 and d.currency = ${BASE_CURRENCY}),
      groups as (
        select entity_id, collector_id, expected, scale, count(*) as n, sum(open) as open, sum(open * open) as open2,
          (${date}::date - expected)::float8 - 0.5 as from_day, (${monday}::date - expected)::float8 as monday_day
        from invoices group by entity_id, collector_id, expected, scale),
      bounds as (
        select g.*, w, ${logSurvival(sql`g.from_day`, sql`g.scale`)} as log_now,
          greatest(g.monday_day + 7 * w - 0.5, g.from_day) as a, greatest(g.monday_day + 7 * w + 6.5, g.from_day) as b
        from groups g cross join generate_series(0, ${FORECAST_WEEKS - 1}::int) as w),
      weekly as (
        select entity_id, collector_id, w, open, open2,
          greatest(0, exp(greatest(${logSurvival(sql`a`, sql`scale`)} - log_now, -700))
            - exp(greatest(${logSurvival(sql`b`, sql`scale`)} - log_now, -700))) as p
        from bounds),
      written as (
        insert into cash_forecasts (computed_on, entity_id, collector_id, week_start, expected, variance)
        select ${date}::date, entity_id, collector_id, ${monday}::date + 7 * w, round(sum(open * p)::numeric, 2), sum(open2 * p * (1 - p))
        from weekly group by entity_id, collector_id, w
        returning 1)
      select (select count(*)::int from written) as rows, (select count(*)::int from invoices) as invoices`,
  );
  return { weeks: FORECAST_WEEKS, rows: result.rows, invoices: result.invoices };
}

/** The forecast rows a scope may see: a collector their portfolio (and the ones they cover), the sales reps none. */
function forecastInScope(scope: Scope): SQL {
  switch (scope.role) {
    case "admin":
    case "supervisor":
      return sql`true`;
    case "manager":
      return scope.entityIds.length ? inArray(cashForecasts.entityId, scope.entityIds) : sql`false`;
    case "collector":
      return inArray(cashForecasts.collectorId, scope.collectorIds);
    case "sales":
      return sql`false`;
  }
}

export type CashForecastWeek = { weekStart: string; expected: number; low: number; high: number };

/**
 * The latest forecast summed over the scope (one société when given): 13 weeks from the Monday of the day it was
 * computed, each with its 80 % interval; none before the first computation.
 */
export async function listCashForecast(db: Queryable, scope: Scope, { entityId }: { entityId?: string } = {}): Promise<CashForecastWeek[]> {
  const entity = entityId ? sql` and ${cashForecasts.entityId} = ${entityId}` : sql``;
  const rows = await queryRows<{ week_start: string; expected: string; variance: number }>(
    db,
    sql`with latest as (select max(computed_on) as day from cash_forecasts),
      weeks as (
        select latest.day, (date_trunc('week', latest.day) + i * interval '7 days')::date as week_start
        from latest cross join generate_series(0, ${FORECAST_WEEKS - 1}::int) as i where latest.day is not null)
      select weeks.week_start::text as week_start,
        coalesce(sum(cash_forecasts.expected), 0)::text as expected, coalesce(sum(cash_forecasts.variance), 0)::float8 as variance
      from weeks left join cash_forecasts on cash_forecasts.computed_on = weeks.day and cash_forecasts.week_start = weeks.week_start
        and ${forecastInScope(scope)}${entity}
      group by weeks.week_start order by weeks.week_start`,
  );
  return rows.map((r) => {
    const expected = Number(r.expected);
    return { weekStart: r.week_start, expected, ...interval80(expected, r.variance) };
  });
}
