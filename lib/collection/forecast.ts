import { asc, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { loadPreviewCandidates } from "@/db/queries/engine-preview";
import { getOption } from "@/db/queries/settings";
import { scenarioSteps, scenarios } from "@/db/schema";
import { addDays } from "@/lib/dates";
import { fromCents, sumCents, toCents } from "@/lib/templates/decimal";
import { type NightCount, simulateNights } from "./preview";

export type ForecastStep = { stepId: string; label: string; scenario: string; offsetDays: number; actionType: string; actions: number; amount: string };
export type Forecast = { from: string; nights: number; horizonDays: number; byNight: NightCount[]; steps: ForecastStep[] };

/** The next `nights` nightly runs from `date`, for one scenario or all: what each would create, per step. */
export async function forecastNights(db: Queryable, args: { date: string; nights: number; scenarioId?: string | null }): Promise<Forecast> {
  const horizonDays = await getOption(db, "planningHorizonDays");
  const until = addDays(args.date, args.nights - 1 + horizonDays);
  const [loaded, stepRows] = await Promise.all([
    loadPreviewCandidates(db, { date: args.date, until, scenarioId: args.scenarioId }),
    db
      .select({ stepId: scenarioSteps.id, label: scenarioSteps.label, scenario: scenarios.name, offsetDays: scenarioSteps.offsetDays, actionType: scenarioSteps.actionType })
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
