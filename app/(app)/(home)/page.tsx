import type { Metadata } from "next";
import Link from "next/link";
import { AgedBalanceCard } from "@/components/home/aged-balance-card";
import { KpiCard } from "@/components/home/kpi-card";
import { Onboarding } from "@/components/home/onboarding";
import { PendingActionsCard } from "@/components/home/pending-actions-card";
import { TeamCard } from "@/components/home/team-card";
import { agedBalanceBuckets } from "@/db/queries/aged-balance";
import { teamPerformance } from "@/db/queries/team-performance";
import { addDays } from "@/lib/dates";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { listMyPendingActions } from "@/db/queries/actions";
import { homeFigures } from "@/db/queries/dashboard";
import { listTopOverdueClients } from "@/db/queries/top-overdue";
import { requireUser } from "@/lib/auth/session";
import { today } from "@/lib/dates";
import { formatDate, formatInteger, formatMoney, formatPercent } from "@/lib/format/fr";
import { can } from "@/lib/auth/permissions";

export const metadata: Metadata = { title: "Accueil" };

export default async function HomePage() {
  const { db, scope, user } = await requireUser("clients.read");
  const date = today();
  const [figures, pending, topOverdue] = await Promise.all([
    homeFigures(db, scope),
    listMyPendingActions(db, scope, date),
    listTopOverdueClients(db, scope),
  ]);
  const firstName = user.name.split(" ")[0];

  if (figures.clients === 0) {
    return (
      <div className="space-y-6">
        <h1 className="text-2xl font-semibold">Bonjour {firstName}</h1>
        <Onboarding isAdmin={scope.role === "admin"} />
      </div>
    );
  }

  const overdueRatio = Number(figures.outstanding) ? Number(figures.overdue) / Number(figures.outstanding) : null;

  // ── Équipe et balance âgée ──
  const teamPeriod = { from: addDays(date, -29), to: date };
  const [agedBalance, team] = await Promise.all([
    agedBalanceBuckets(db, scope),
    can(scope.role, "dashboard.team") ? teamPerformance(db, scope, teamPeriod) : null,
  ]);
  // ── fin Équipe et balance âgée ──

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
      </div>
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        <KpiCard label="Encours" value={formatMoney(figures.outstanding)} hint="Pièces ouvertes, avoirs déduits" />
        <KpiCard label="Échu" value={formatMoney(figures.overdue)} hint={`${formatPercent(overdueRatio)} de l'encours`} tone="danger" />
        <KpiCard label="Non échu" value={formatMoney(figures.notDue)} tone="success" />
        <KpiCard label="Clients" value={formatInteger(figures.clients)} hint="Dans votre périmètre" />
      </div>
      <div className="grid gap-6 xl:grid-cols-2">
        <AgedBalanceCard buckets={agedBalance.buckets} agingLimits={agedBalance.agingLimits} clients={agedBalance.clients} />
        <div className="space-y-6">
          <PendingActionsCard rows={pending.rows} total={pending.total} agendaLink={can(scope.role, "relance.work")} />
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
                      <Link href={`/clients/${client.id}`} className="min-w-0 truncate font-medium hover:underline">
                        {client.name} <span className="text-xs text-muted-foreground">{client.code}</span>
                      </Link>
                      <span className="tabular shrink-0 font-medium text-destructive">{formatMoney(client.overdue)}</span>
                    </li>
                  ))}
                </ul>
              )}
            </CardContent>
          </Card>
        </div>
      </div>
      {/* ── Équipe (dashboard.team) ── */}
      {team && <TeamCard rows={team} from={teamPeriod.from} to={teamPeriod.to} />}
      {/* ── fin Équipe ── */}
    </div>
  );
}
