import type { Queryable } from "@/db/client";
import { markScenarioForecastStale } from "@/db/queries/scenario-forecasts";
import { dispatchJobInBackground } from "@/inngest/dispatch";
import { scenarioForecastJob } from "@/inngest/functions/scenario-forecast";

/**
 * After a change of the scenarios or groups, or when asked from the page: the stored forecast is marked as no
 * longer current (the page says so) and computed again in the background.
 */
export async function refreshScenarioForecastSoon(db: Queryable): Promise<void> {
  await markScenarioForecastStale(db);
  await dispatchJobInBackground(scenarioForecastJob, {}, (error) => console.error("[prévisions des nuits] le calcul a échoué :", error));
}
