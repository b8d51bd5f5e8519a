import type { Metadata } from "next";
import { AgedBalanceCard } from "@/components/home/aged-balance-card";
import { DisputesCard } from "@/components/home/disputes-card";
import { KpiCards } from "@/components/home/kpi-cards";
import { KpiEntitySelect } from "@/components/home/kpi-entity-select";
import { Onboarding } from "@/components/home/onboarding";
import { PendingActionsCard } from "@/components/home/pending-actions-card";
import { SalesSummaryCards } from "@/components/home/sales-summary";
import { salesSummary } from "@/db/queries/sales-summary";
import { TeamCard } from "@/components/home/team-card";
import { agedBalanceBuckets } from "@/db/queries/aged-balance";
import { teamPerformance, teamPeriod } from "@/db/queries/team-performance";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { listMyPendingActions } from "@/db/queries/actions";
import { homeFigures } from "@/db/queries/dashboard";
import { homeKpis } from "@/db/queries/kpi";
import { listEntities } from "@/db/queries/users";
import { listTopOverdueClients } from "@/db/queries/top-overdue";
import { requireUser } from "@/lib/auth/session";
import { today } from "@/lib/dates";
import { formatDate, formatMoney } from "@/lib/format/fr";
import { can } from "@/lib/auth/permissions";
import { GeographyCard } from "@/components/home/geography-card";
import { TrendCard } from "@/components/home/trend-card";
import { homeGeography } from "@/db/queries/home-geography";
import { homeTrend } from "@/db/queries/home-trend";
import { RowLink } from "@/components/ui/row-link";
import { OtherCurrenciesNote } from "@/components/documents/other-currencies-note";
import { CashForecastCard } from "@/components/forecast/cash-forecast-card";
import { listCashForecast } from "@/db/queries/cash-forecast";
import { openInOtherCurrencies } from "@/db/queries/currencies";

export const metadata: Metadata = { title: "Accueil" };

export default async function HomePage({ searchParams }: { searchParams: Promise<{ societe?: string | string[] }> }) {
  const { db, scope, user } = await requireUser("clients.read");
  const date = today();
  // Managers and admins may narrow the indicators to one of their sociétés; anything else in the URL is ignored.
  const entities =
    scope.role === "admin"
      ? await listEntities(db)
      : scope.role === "manager"
        ? (await listEntities(db)).filter((entity) => scope.entityIds.includes(entity.id))
        : [];
  const { societe } = await searchParams;
  const entityId = entities.find((entity) => entity.id === societe)?.id;
  const figures = await homeFigures(db, scope);
  const firstName = user.name.split(" ")[0];

  if (!figures.hasClients) {
    return (
      <div className="space-y-6">
        <h1 className="text-2xl font-semibold">Bonjour {firstName}</h1>
        <Onboarding isAdmin={scope.role === "admin"} />
      </div>
    );
  }

  // Every figure is read as of the latest snapshot; the actions due are today's.
  const asOf = figures.snapshotDate ?? date;
  const period = teamPeriod(asOf);
  const [kpis, pending, topOverdue, agedBalance, team, trend, geography, otherCurrencies, sales, forecast] = await Promise.all([
    homeKpis(db, scope, asOf, entityId),
    listMyPendingActions(db, scope, date, entityId),
    listTopOverdueClients(db, scope, entityId),
    agedBalanceBuckets(db, scope, asOf, entityId),
    can(scope.role, "dashboard.team") ? teamPerformance(db, scope, asOf, entityId) : null,
    homeTrend(db, scope, date, entityId),
    homeGeography(db, scope, asOf, entityId),
    openInOtherCurrencies(db, scope, { entityId }),
    scope.role === "sales" ? salesSummary(db, scope) : null,
    // Kept by société and collector portfolio: a sales rep has none.
    scope.role === "sales" ? null : listCashForecast(db, scope, { entityId }),
  ]);

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <h1 className="text-2xl font-semibold">Bonjour {firstName}</h1>
          <p className="text-sm text-muted-foreground">
            {figures.snapshotDate
              ? `Indicateurs au ${formatDate(figures.snapshotDate)}, sur votre périmètre.`
              : "Les indicateurs seront calculés lors du prochain traitement de nuit."}
          </p>
        </div>
        {entities.length > 1 && <KpiEntitySelect entities={entities} value={entityId ?? null} />}
      </div>
      {sales && <SalesSummaryCards summary={sales} today={date} />}
      <KpiCards kpis={kpis} />
      <OtherCurrenciesNote totals={otherCurrencies} />
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-2">
        <AgedBalanceCard buckets={agedBalance.buckets} agingLimits={agedBalance.agingLimits} clients={agedBalance.clients} entityId={entityId} />
        <div className="space-y-6">
          <PendingActionsCard rows={pending.rows} total={pending.total} agendaLink={can(scope.role, "relance.work")} />
          <DisputesCard db={db} scope={scope} today={date} />
          <Card>
            <CardHeader>
              <CardTitle>Plus gros retards</CardTitle>
              <CardDescription>Clients de votre périmètre avec le plus d&apos;échu</CardDescription>
            </CardHeader>
            <CardContent>
              {topOverdue.length === 0 ? (
                <p className="text-sm text-muted-foreground">Aucun client en retard : bravo.</p>
              ) : (
                <ul className="divide-y">
                  {topOverdue.map((client) => (
                    <li key={client.id} className="flex items-center justify-between gap-4 py-2 text-sm">
                      <RowLink href={`/clients/${client.id}`} className="min-w-0 truncate font-medium hover:underline">
                        {client.name} <span className="text-xs text-muted-foreground">{client.code}</span>
                      </RowLink>
                      <span className="tabular shrink-0 font-medium text-destructive">{formatMoney(client.overdue)}</span>
                    </li>
                  ))}
                </ul>
              )}
            </CardContent>
          </Card>
        </div>
      </div>
      {forecast && <CashForecastCard weeks={forecast} entityId={entityId} />}
      {team && <TeamCard rows={team} from={period.from} to={period.to} />}
      <section aria-label="Tendance et géographie" className="space-y-6">
        <TrendCard points={trend} />
        <GeographyCard rows={geography} />
      </section>
    </div>
  );
}
