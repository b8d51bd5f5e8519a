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
import { listMyPendingActions } from "@/db/queries/actions";
import { homeFigures } from "@/db/queries/dashboard";
import { daysReadAt, homeKpis } from "@/db/queries/kpi";
import { recordMissingSnapshots } from "@/db/queries/snapshots";
import { KpiDateForm } from "@/components/home/kpi-date-form";
import { TopOverdueCard } from "@/components/home/top-overdue-card";
import { listEntities } from "@/db/queries/users";
import { listTopOverdueClients } from "@/db/queries/top-overdue";
import { requireUser } from "@/lib/auth/session";
import { isCalendarDate, today } from "@/lib/dates";
import { formatDate } from "@/lib/format/fr";
import { can } from "@/lib/auth/permissions";
import { GeographyCard } from "@/components/home/geography-card";
import { TrendCard } from "@/components/home/trend-card";
import { homeGeography } from "@/db/queries/home-geography";
import { homeTrend } from "@/db/queries/home-trend";
import { OtherCurrenciesNote } from "@/components/documents/other-currencies-note";
import { CashForecastCard } from "@/components/forecast/cash-forecast-card";
import { listCashForecast } from "@/db/queries/cash-forecast";
import { openInOtherCurrencies } from "@/db/queries/currencies";

export const metadata: Metadata = { title: "Accueil" };

export default async function HomePage({
  searchParams,
}: {
  searchParams: Promise<{ societe?: string | string[]; au?: string | string[] }>;
}) {
  const { db, scope, user } = await requireUser("clients.read");
  const date = today();
  // Managers and admins may narrow the indicators to one of their sociétés; anything else in the URL is ignored.
  const entities =
    scope.role === "admin"
      ? await listEntities(db)
      : scope.role === "manager"
        ? (await listEntities(db)).filter((entity) => scope.entityIds.includes(entity.id))
        : [];
  const { societe, au } = await searchParams;
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

  // Every figure is read as of the latest snapshot, or of the past day chosen (« au »); the actions due are today's.
  const latest = figures.snapshotDate ?? date;
  const chosen = figures.snapshotDate && isCalendarDate(au) && au < latest ? au : null;
  // A past day never recorded is rebuilt from the pièces once, with the month ends its CEI reads.
  if (chosen) await db.transaction((tx) => recordMissingSnapshots(tx, daysReadAt(chosen)));
  const asOf = chosen ?? latest;
  const period = teamPeriod(asOf);
  // The actions, disputes, biggest delays and forecast are today's: a past day shows only its indicators.
  const todayOnly = <T,>(read: () => Promise<T>) => (chosen ? null : read());
  const [kpis, pending, topOverdue, agedBalance, team, trend, geography, otherCurrencies, sales, forecast] = await Promise.all([
    homeKpis(db, scope, asOf, entityId),
    todayOnly(() => listMyPendingActions(db, scope, date, entityId)),
    todayOnly(() => listTopOverdueClients(db, scope, entityId)),
    agedBalanceBuckets(db, scope, asOf, entityId),
    can(scope.role, "dashboard.team") ? teamPerformance(db, scope, asOf, entityId) : null,
    homeTrend(db, scope, date, entityId),
    homeGeography(db, scope, asOf, entityId),
    todayOnly(() => openInOtherCurrencies(db, scope, { entityId })),
    scope.role === "sales" ? todayOnly(() => salesSummary(db, scope)) : null,
    // Kept by société and collector portfolio: a sales rep has none.
    scope.role === "sales" ? null : todayOnly(() => listCashForecast(db, scope, { entityId })),
  ]);

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <h1 className="text-2xl font-semibold">Bonjour {firstName}</h1>
          <p className="text-sm text-muted-foreground">
            {chosen
              ? `Indicateurs au ${formatDate(chosen)}, sur votre périmètre. Les actions, litiges et prévisions sont sur la vue du jour.`
              : figures.snapshotDate
                ? `Indicateurs au ${formatDate(figures.snapshotDate)}, sur votre périmètre.`
                : "Les indicateurs seront calculés lors du prochain traitement de nuit."}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-4">
          {figures.snapshotDate && <KpiDateForm value={chosen} latest={latest} entityId={entityId} />}
          {entities.length > 1 && <KpiEntitySelect entities={entities} value={entityId ?? null} />}
        </div>
      </div>
      {sales && <SalesSummaryCards summary={sales} today={date} />}
      <KpiCards kpis={kpis} />
      {otherCurrencies && <OtherCurrenciesNote totals={otherCurrencies} />}
      <div className={chosen ? "space-y-6" : "grid grid-cols-1 gap-6 xl:grid-cols-2"}>
        <AgedBalanceCard
          buckets={agedBalance.buckets}
          agingLimits={agedBalance.agingLimits}
          clients={agedBalance.clients}
          entityId={entityId}
          pastDay={chosen ?? undefined}
        />
        {pending && topOverdue && (
          <div className="space-y-6">
            <PendingActionsCard rows={pending.rows} total={pending.total} agendaLink={can(scope.role, "relance.work")} />
            <DisputesCard db={db} scope={scope} today={date} />
            <TopOverdueCard clients={topOverdue} />
          </div>
        )}
      </div>
      {forecast && <CashForecastCard weeks={forecast} entityId={entityId} />}
      {team && <TeamCard rows={team} from={period.from} to={period.to} />}
      <section aria-label="Tendance et géographie" className="space-y-6">
        <TrendCard points={trend} entityId={entityId} />
        <GeographyCard rows={geography} />
      </section>
    </div>
  );
}
