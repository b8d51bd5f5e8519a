import { ArrowRight } from "lucide-react";
import Link from "next/link";
import { ForecastChart } from "@/components/charts/forecast-chart";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { CashForecastWeek } from "@/db/queries/cash-forecast";
import { formatDate, formatMoney } from "@/lib/format/fr";
import { forecastHref, forecastTotal, NOT_YET_COMPUTED } from "@/lib/scoring/forecast-weeks";

/** The home's card: expected cash-in for each of the next 13 weeks, with its 80 % band and the total. */
export function CashForecastCard({ weeks, entityId }: { weeks: CashForecastWeek[]; entityId?: string }) {
  const total = forecastTotal(weeks);
  return (
    <Card data-testid="cash-forecast-card">
      <CardHeader className="flex flex-row flex-wrap items-start justify-between gap-2">
        <div className="space-y-1.5">
          <CardTitle>Encaissements prévus</CardTitle>
          <CardDescription>Semaine par semaine, sur les 13 prochaines semaines, avec l&apos;intervalle à 80 %</CardDescription>
        </div>
        <Button asChild variant="outline" size="sm">
          <Link href={forecastHref(entityId)}>
            Détail par semaine <ArrowRight className="size-4" aria-hidden="true" />
          </Link>
        </Button>
      </CardHeader>
      <CardContent className="space-y-3">
        {weeks.length === 0 ? (
          <p className="text-sm text-muted-foreground">{NOT_YET_COMPUTED}</p>
        ) : (
          <>
            <p className="text-sm">
              <span className="text-muted-foreground">Total sur 13 semaines : </span>
              <span className="tabular text-lg font-semibold" data-testid="cash-forecast-total">
                {formatMoney(total)}
              </span>
            </p>
            <ForecastChart
              data={weeks.map((w) => ({ label: formatDate(w.weekStart).slice(0, 5), expected: w.expected, low: w.low, high: w.high }))}
              expectedLabel="Encaissement prévu"
              bandLabel="Intervalle à 80 %"
              ariaLabel={`Encaissements prévus par semaine sur 13 semaines, ${formatMoney(total)} au total`}
            />
          </>
        )}
      </CardContent>
    </Card>
  );
}
