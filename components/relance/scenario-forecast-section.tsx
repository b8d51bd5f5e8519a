import { CalendarClock } from "lucide-react";
import { GetForm } from "@/components/forms/get-form";
import { selectClassName } from "@/components/forms/field";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Label } from "@/components/ui/label";
import { Skeleton } from "@/components/ui/skeleton";
import type { Queryable } from "@/db/client";
import { readScenarioForecast } from "@/db/queries/scenario-forecasts";
import { scenarioShare } from "@/lib/collection/forecast";
import { formatDate, formatDateTime } from "@/lib/format/fr";
import { ScenarioForecast } from "./scenario-forecast";
import { ScenarioForecastRefresh } from "./scenario-forecast-refresh";

/**
 * The forecast card of the Scénarios page, for every scenario or the one chosen in `?previsions=`: the forecast the
 * nightly run (or the last change of the scenarios and groups) computed, never computed on the request.
 */
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
  const stored = await readScenarioForecast(db);
  const forecast = stored.forecast && scenarioId ? scenarioShare(stored.forecast, scenarioId) : stored.forecast;
  const status = stored.computing
    ? "Les scénarios ou les groupes ont changé : nouvelles prévisions en cours de calcul, la page se mettra à jour."
    : stored.failed
      ? "Le dernier calcul des prévisions n'a pas abouti : relancez-le."
      : forecast && forecast.from < date
        ? `Prévisions calculées le ${formatDate(forecast.from)} : elles seront recalculées au prochain traitement de nuit.`
        : stored.computedAt
          ? `Calculées le ${formatDateTime(stored.computedAt)}.`
          : null;
  return (
    <section aria-label="Prévisions" className="space-y-3">
      <div className="flex flex-wrap items-end justify-between gap-2">
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
        <ScenarioForecastRefresh computing={stored.computing} />
      </div>
      {status && (
        <p role="status" className={stored.failed ? "text-sm text-destructive" : "text-sm text-muted-foreground"}>
          {status}
        </p>
      )}
      {forecast ? (
        <ScenarioForecast forecast={forecast} showScenario={!scenarioId} />
      ) : (
        <EmptyState
          icon={CalendarClock}
          title="Prévisions des prochaines nuits"
          description={
            stored.computing
              ? "Calcul en cours : les prévisions s'afficheront ici dans un instant."
              : "Les prévisions sont calculées par le traitement de nuit et après chaque modification des scénarios ou des groupes. « Recalculer » les calcule maintenant."
          }
        />
      )}
    </section>
  );
}

export function ScenarioForecastSkeleton() {
  return (
    <div className="space-y-3" role="status" aria-label="Chargement des prévisions…">
      <Skeleton className="h-9 w-72" />
      <Skeleton className="h-96 w-full" />
    </div>
  );
}
