import { GetForm } from "@/components/forms/get-form";
import { selectClassName } from "@/components/forms/field";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Skeleton } from "@/components/ui/skeleton";
import type { Queryable } from "@/db/client";
import { forecastNights } from "@/lib/collection/forecast";
import { ScenarioForecast } from "./scenario-forecast";

const NIGHTS = 30;

/** The forecast card of the Scénarios page, for every scenario or the one chosen in `?previsions=`. */
export async function ScenarioForecastSection({
  db,
  date,
  scenarioId,
  scenarios,
}: {
  db: Queryable;
  date: string;
  scenarioId: string | null;
  scenarios: { id: string; name: string }[];
}) {
  const forecast = await forecastNights(db, { date, nights: NIGHTS, scenarioId });
  return (
    <section aria-label="Prévisions" className="space-y-3">
      <GetForm action="/relance/scenarios" className="flex flex-wrap items-end gap-2">
        <div className="space-y-1">
          <Label htmlFor="previsions">Prévisions pour</Label>
          <select id="previsions" name="previsions" defaultValue={scenarioId ?? ""} className={selectClassName}>
            <option value="">Tous les scénarios</option>
            {scenarios.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <Button type="submit" variant="outline">
          Afficher
        </Button>
      </GetForm>
      <ScenarioForecast forecast={forecast} showScenario={!scenarioId} />
    </section>
  );
}

export function ScenarioForecastSkeleton() {
  return (
    <div className="space-y-3" role="status" aria-label="Calcul des prévisions…">
      <Skeleton className="h-9 w-72" />
      <Skeleton className="h-96 w-full" />
    </div>
  );
}
