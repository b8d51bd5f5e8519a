import { z } from "zod";
import { getDb } from "@/db/client";
import { refreshScenarioForecast } from "@/lib/collection/forecast";
import { isoDatePattern, today } from "@/lib/dates";
import { defineJob } from "../define-job";

const eventData = z.object({ date: z.string().regex(isoDatePattern).optional() });

/** The Scénarios page's forecast of the coming nights, computed again after a change of the scenarios or groups. */
export const scenarioForecastJob = defineJob({
  id: "scenario-forecast",
  name: "Prévisions des prochaines nuits",
  event: "encaisse/scenario-forecast.requested",
  onDemand: { label: "Par le traitement de nuit et après chaque modification des scénarios ou des groupes" },
  handler: async ({ event, step }) => {
    const date = eventData.parse(event.data).date ?? today();
    return step.run("forecast", async () => refreshScenarioForecast(await getDb(), date));
  },
});
