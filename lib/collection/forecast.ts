import { asc, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { loadPreviewCandidates } from "@/db/queries/engine-preview";
import { scenarioForecastClock, storeScenarioForecast } from "@/db/queries/scenario-forecasts";
import { getOption } from "@/db/queries/settings";
import { scenarioSteps, scenarios } from "@/db/schema";
import { addDays } from "@/lib/dates";
import { fromCents, sumCents, toCents } from "@/lib/templates/decimal";
import { type NightCount, simulateNights } from "./preview";

export type ForecastStep = {
  stepId: string;
  label: string;
  scenarioId: string;
  scenario: string;
  offsetDays: number;
  actionType: string;
  actions: number;
  amount: string;
};
export type Forecast = { from: string; nights: number; horizonDays: number; byNight: NightCount[]; steps: ForecastStep[] };

/** The next `nights` nightly runs from `date`, for one scenario or all: what each would create, per step. */
export async function forecastNights(db: Queryable, args: { date: string; nights: number; scenarioId?: string | null }): Promise<Forecast> {
  const horizonDays = await getOption(db, "planningHorizonDays");
  const until = addDays(args.date, args.nights - 1 + horizonDays);
  const [loaded, stepRows] = await Promise.all([
    loadPreviewCandidates(db, { date: args.date, until, scenarioId: args.scenarioId }),
    db
      .select({
        stepId: scenarioSteps.id,
        label: scenarioSteps.label,
        scenarioId: scenarios.id,
        scenario: scenarios.name,
        offsetDays: scenarioSteps.offsetDays,
        actionType: scenarioSteps.actionType,
      })
      .from(scenarioSteps)
      .innerJoin(scenarios, eq(scenarios.id, scenarioSteps.scenarioId))
      .where(args.scenarioId ? eq(scenarioSteps.scenarioId, args.scenarioId) : undefined)
      .orderBy(asc(scenarios.name), asc(scenarioSteps.position)),
  ]);
  const byNight = simulateNights({ date: args.date, horizonDays, nights: args.nights, ...loaded });
  const steps = stepRows.map((step) => {
    const rows = byNight.filter((r) => r.stepId === step.stepId);
    return {
      ...step,
      actions: rows.reduce((n, r) => n + r.actions, 0),
      amount: fromCents(sumCents(rows.map((r) => toCents(r.amount)))),
    };
  });
  return { from: args.date, nights: args.nights, horizonDays, byNight, steps };
}

/** The nights the Scénarios page forecasts. */
export const FORECAST_NIGHTS = 30;

/**
 * One scenario's share of the forecast of every scenario: a client follows one scenario, and the engine plans each
 * client on its own, so it is that scenario's steps' rows (a test checks it against `forecastNights` for it alone).
 */
export function scenarioShare(forecast: Forecast, scenarioId: string): Forecast {
  const steps = forecast.steps.filter((s) => s.scenarioId === scenarioId);
  const ids = new Set(steps.map((s) => s.stepId));
  return { ...forecast, steps, byNight: forecast.byNight.filter((r) => ids.has(r.stepId)) };
}

/** Computes the forecast of every scenario from `date` and stores it for the Scénarios page. */
export async function refreshScenarioForecast(db: Queryable, date: string): Promise<{ from: string; actions: number }> {
  const computedAt = await scenarioForecastClock(db);
  const forecast = await forecastNights(db, { date, nights: FORECAST_NIGHTS });
  await storeScenarioForecast(db, forecast, computedAt);
  return { from: date, actions: forecast.steps.reduce((n, s) => n + s.actions, 0) };
}
