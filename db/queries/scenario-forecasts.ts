/** The stored forecast of the coming nights (`scenario_forecasts`), which the Scénarios page reads. */
import { eq, sql } from "drizzle-orm";
import type { Forecast } from "@/lib/collection/forecast";
import { type Queryable, queryRows } from "../client";
import { scenarioForecasts } from "../schema";

export type StoredForecast = { forecast: Forecast | null; computedAt: Date | null; computing: boolean; failed: boolean };

/**
 * The stored forecast and whether a newer one is on its way. Every instant here is the database's clock, as
 * `markScenarioForecastStale` and `scenarioForecastClock` write it, so app servers' clocks never compare; a
 * computation asked for more than ten minutes before `at` (now) and still not stored is taken for failed.
 */
export async function readScenarioForecast(db: Queryable, at?: Date): Promise<StoredForecast> {
  const waiting = sql`${scenarioForecasts.requestedAt} is not null and (${scenarioForecasts.computedAt} is null or ${scenarioForecasts.requestedAt} > ${scenarioForecasts.computedAt})`;
  const [row] = await db
    .select({
      forecast: scenarioForecasts.forecast,
      computedAt: scenarioForecasts.computedAt,
      waiting: sql<boolean>`${waiting}`,
      late: sql<boolean>`coalesce(${scenarioForecasts.requestedAt} < coalesce(${at?.toISOString() ?? null}::timestamptz, clock_timestamp()) - interval '10 minutes', false)`,
    })
    .from(scenarioForecasts)
    .where(eq(scenarioForecasts.id, 1));
  return {
    forecast: (row?.forecast as Forecast | null) ?? null,
    computedAt: row?.computedAt ?? null,
    computing: Boolean(row?.waiting && !row.late),
    failed: Boolean(row?.waiting && row.late),
  };
}

/** The database's clock, read when a computation begins: what `storeScenarioForecast` is given as `computedAt`. */
export async function scenarioForecastClock(db: Queryable): Promise<Date> {
  const [row] = await queryRows<{ now: Date }>(db, sql`select clock_timestamp() as now`);
  return new Date(row.now);
}

/** Keeps `forecast` unless one begun later is already stored: two computations may finish in either order. */
export async function storeScenarioForecast(db: Queryable, forecast: Forecast, computedAt: Date): Promise<void> {
  await db
    .insert(scenarioForecasts)
    .values({ id: 1, fromDate: forecast.from, forecast, computedAt })
    .onConflictDoUpdate({
      target: scenarioForecasts.id,
      set: { fromDate: forecast.from, forecast, computedAt },
      setWhere: sql`${scenarioForecasts.computedAt} is null or ${scenarioForecasts.computedAt} <= excluded.computed_at`,
    });
}

/** Notes that the stored forecast no longer reflects the scenarios, until a computation begun after now stores. */
export async function markScenarioForecastStale(db: Queryable): Promise<void> {
  await db
    .insert(scenarioForecasts)
    .values({ id: 1, requestedAt: sql`clock_timestamp()` })
    .onConflictDoUpdate({ target: scenarioForecasts.id, set: { requestedAt: sql`clock_timestamp()` } });
}
