/** The stored forecast of the coming nights (`scenario_forecasts`), which the Scénarios page reads. */
import { eq, sql } from "drizzle-orm";
import type { Forecast } from "@/lib/collection/forecast";
import type { Queryable } from "../client";
import { scenarioForecasts } from "../schema";

/** A computation asked for this long ago and still not stored is taken for failed: the page offers to start again. */
const COMPUTING_FOR_AT_MOST_MS = 10 * 60_000;

export type StoredForecast = { forecast: Forecast | null; computedAt: Date | null; computing: boolean; failed: boolean };

export async function readScenarioForecast(db: Queryable, now = new Date()): Promise<StoredForecast> {
  const [row] = await db
    .select({ forecast: scenarioForecasts.forecast, computedAt: scenarioForecasts.computedAt, requestedAt: scenarioForecasts.requestedAt })
    .from(scenarioForecasts)
    .where(eq(scenarioForecasts.id, 1));
  const waiting = row?.requestedAt && (!row.computedAt || row.requestedAt > row.computedAt) ? row.requestedAt : null;
  const late = waiting !== null && now.getTime() - waiting.getTime() > COMPUTING_FOR_AT_MOST_MS;
  return {
    forecast: (row?.forecast as Forecast | null) ?? null,
    computedAt: row?.computedAt ?? null,
    computing: waiting !== null && !late,
    failed: late,
  };
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
    .values({ id: 1, requestedAt: sql`now()` })
    .onConflictDoUpdate({ target: scenarioForecasts.id, set: { requestedAt: sql`now()` } });
}
