import type { ClientKpis } from "@/db/queries/client-kpis";
import { formatMoney, formatPercent } from "@/lib/format/fr";
import { cn } from "@/lib/utils";

const days = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 });
const formatDays = (value: number | null) => (value === null ? "—" : `${days.format(value)} j`);

type Tile = { label: string; value: string; hint?: string; tone?: "danger" | "warning" };

/** The figures of one client in a single band: balances, lateness and use of the credit limit. */
export function KpiStrip({ kpis }: { kpis: ClientKpis }) {
  const tiles: Tile[] = [
    { label: "Encours", value: formatMoney(kpis.outstanding) },
    { label: "Échu", value: formatMoney(kpis.overdue), tone: Number(kpis.overdue) > 0 ? "danger" : undefined },
    { label: "Part échue", value: formatPercent(kpis.overdueShare), hint: "de l'encours" },
    { label: "DBT", value: formatDays(kpis.dbt), hint: "retard pondéré de l'échu" },
    { label: "Retard moyen", value: formatDays(kpis.averageDaysLate), hint: "règlements sur 12 mois" },
    {
      label: "Crédit utilisé",
      value: formatPercent(kpis.creditUsed),
      hint: kpis.creditLimit ? `de ${formatMoney(kpis.creditLimit)}` : "aucune limite",
      tone: kpis.creditUsed !== null && kpis.creditUsed > 1 ? "danger" : kpis.creditUsed !== null && kpis.creditUsed > 0.8 ? "warning" : undefined,
    },
  ];
  return (
    <section aria-label="Indicateurs du client" className="grid grid-cols-2 gap-px overflow-hidden rounded-lg border bg-border shadow-xs sm:grid-cols-3 xl:grid-cols-6">
      {tiles.map((tile) => (
        <div key={tile.label} className="min-w-0 bg-card p-3 sm:p-4">
          <p className="text-xs font-medium text-muted-foreground">{tile.label}</p>
          <p
            className={cn(
              // Large amounts wrap on a phone rather than being cut by the tile.
              "tabular mt-1 text-lg font-semibold [overflow-wrap:anywhere] sm:text-xl sm:whitespace-nowrap",
              tile.tone === "danger" && "text-destructive",
              tile.tone === "warning" && "text-warning-foreground",
            )}
          >
            {tile.value}
          </p>
          {tile.hint && <p className="mt-0.5 text-xs text-muted-foreground">{tile.hint}</p>}
        </div>
      ))}
    </section>
  );
}
