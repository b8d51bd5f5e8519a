import { ArrowLeft, Download, TrendingUp } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ForecastTable } from "@/components/forecast/forecast-table";
import { NOT_YET_COMPUTED } from "@/lib/scoring/forecast-weeks";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { listCashForecast } from "@/db/queries/cash-forecast";
import { listEntities } from "@/db/queries/users";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Encaissements prévus" };

export default async function CashForecastPage({ searchParams }: { searchParams: Promise<{ societe?: string | string[] }> }) {
  const { db, scope } = await requireUser("clients.read");
  // The forecast is kept by société and collector portfolio, not by sales rep.
  if (scope.role === "sales") notFound();
  const { societe } = await searchParams;
  // As on the home: admins and managers may narrow to one of their sociétés; anything else in the URL is ignored.
  const entity =
    scope.role === "admin" || scope.role === "manager"
      ? (await listEntities(db)).find((e) => e.id === societe && (scope.role === "admin" || scope.entityIds.includes(e.id)))
      : undefined;
  const weeks = await listCashForecast(db, scope, { entityId: entity?.id });
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <h1 className="text-2xl font-semibold">Encaissements prévus</h1>
          <p className="text-sm text-muted-foreground">
            Par semaine du lundi au dimanche, la semaine en cours à partir d&apos;aujourd&apos;hui, sur votre périmètre
            {entity ? ` : ${entity.name}` : ""}. Chaque facture ouverte en euros compte pour son montant ouvert × la probabilité
            d&apos;être payée dans la semaine ; l&apos;intervalle à 80 % encadre l&apos;encaissement de chaque semaine.
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <Button asChild variant="ghost" size="sm">
            <Link href={entity ? `/?societe=${entity.id}` : "/"}>
              <ArrowLeft className="size-4" aria-hidden="true" /> Accueil
            </Link>
          </Button>
          {weeks.length > 0 && (
            <Button asChild variant="outline" size="sm">
              <a href={`/api/previsions/export${entity ? `?societe=${entity.id}` : ""}`} download>
                <Download className="size-4" aria-hidden="true" /> Exporter (xlsx)
              </a>
            </Button>
          )}
        </div>
      </div>
      {weeks.length === 0 ? <EmptyState icon={TrendingUp} title="Aucune prévision pour l'instant" description={NOT_YET_COMPUTED} /> : <ForecastTable weeks={weeks} />}
    </div>
  );
}
