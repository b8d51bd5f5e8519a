import type { HomeKpis } from "@/db/queries/kpi";
import { formatCountback, formatDays, formatMonth, formatPoints, kpiChange, shortHistoryNote } from "@/lib/kpi/display";
import { formatDate, formatMoney, formatPercent } from "@/lib/format/fr";
import { KpiCard } from "./kpi-card";

const money = (delta: number) => formatMoney(delta.toFixed(2));
const percentOf = (value: number | null) => (value === null ? "—" : formatPercent(value / 100));

/** The row of indicator cards at the top of the home page, each with its change against 30 days before. */
export function KpiCards({ kpis }: { kpis: HomeKpis }) {
  const { current, previous } = kpis;
  const label = `vs le ${formatDate(kpis.previousDate)}`;
  const was = <T,>(pick: (f: NonNullable<typeof previous>) => T) => (previous ? pick(previous) : null);
  const shortHistory = shortHistoryNote(kpis.salesMonthsKnown, kpis.salesKnownFrom);
  const countbackDefinition =
    "L'encours est épuisé par le chiffre d'affaires TTC (factures − avoirs) du mois en cours, puis des mois précédents ; on compte les jours couverts (24 mois au plus).";
  return (
    <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
      <KpiCard
        label="Encours"
        value={formatMoney(current.outstanding)}
        hint="Pièces ouvertes, avoirs déduits"
        description="Somme des montants restant dus des pièces ouvertes ; avoirs et règlements non affectés viennent en déduction."
        change={kpiChange(Number(current.outstanding), was((f) => Number(f.outstanding)), "neutral", money)}
        changeLabel={label}
      />
      <KpiCard
        label="Échu"
        value={formatMoney(current.overdue)}
        hint={`${formatPercent(current.overdueShare)} de l'encours`}
        tone="danger"
        description="Pièces dont l'échéance est dépassée. % échu = échu / encours."
        change={kpiChange(Number(current.overdue), was((f) => Number(f.overdue)), "lower", money)}
        changeLabel={label}
      />
      <KpiCard
        label="DSO"
        value={formatCountback(current.dso, current.dsoLowerBound)}
        hint={current.dsoLowerBound ? `Minimum : ventes connues sur ${kpis.salesMonthsKnown} mois` : "Délai moyen de paiement (méthode par épuisement)"}
        tone={current.dsoLowerBound ? "warning" : "default"}
        description={current.dsoLowerBound ? `${shortHistory} ${countbackDefinition}` : countbackDefinition}
        change={current.dsoLowerBound ? null : kpiChange(current.dso, was((f) => f.dso), "lower", formatDays)}
        changeLabel={label}
      />
      <KpiCard
        label="BPDSO / ADD"
        value={`${formatCountback(current.bpdso, current.bpdsoLowerBound)} / ${formatDays(current.add)}`}
        hint={current.bpdsoLowerBound ? `BPDSO minimum : ventes connues sur ${kpis.salesMonthsKnown} mois` : "Meilleur DSO possible / retard moyen"}
        tone={current.bpdsoLowerBound ? "warning" : "default"}
        description={
          (current.bpdsoLowerBound ? `${shortHistory} ` : "") +
          "BPDSO : la même méthode sur le seul non échu. ADD (retard moyen) = DSO − BPDSO. La variation porte sur l'ADD."
        }
        change={current.dsoLowerBound || current.bpdsoLowerBound ? null : kpiChange(current.add, was((f) => f.add), "lower", formatDays)}
        changeLabel={label}
      />
      <KpiCard
        label="DBT"
        value={formatDays(current.dbt)}
        hint="Retard moyen pondéré de l'échu"
        description="Σ (montant ouvert × jours de retard) / Σ montant ouvert, sur les factures échues."
        change={kpiChange(current.dbt, was((f) => f.dbt), "lower", formatDays)}
        changeLabel={label}
      />
      <KpiCard
        label="CEI"
        value={percentOf(current.cei)}
        hint={`Efficacité du recouvrement, ${formatMonth(kpis.ceiMonth)}`}
        description="(encours d'ouverture + ventes du mois − encours de clôture) / (encours d'ouverture + ventes − non échu de clôture) × 100, sur le dernier mois complet."
        change={kpiChange(ratio(current.cei), was((f) => ratio(f.cei)), "higher", formatPoints)}
        changeLabel={label}
      />
      <KpiCard
        label="Taux de recouvrement"
        value={formatPercent(current.recoveryRate)}
        hint="Sur les 30 derniers jours"
        description="Montant réglé des factures arrivées à échéance sur les 30 derniers jours / montant de ces factures."
        change={kpiChange(current.recoveryRate, was((f) => f.recoveryRate), "higher", formatPoints)}
        changeLabel={label}
      />
      <KpiCard
        label="Non échu"
        value={formatMoney(current.notDue)}
        tone="success"
        description="Encours − échu : pièces dont l'échéance n'est pas encore passée."
        change={kpiChange(Number(current.notDue), was((f) => Number(f.notDue)), "neutral", money)}
        changeLabel={label}
      />
    </div>
  );
}

function ratio(percent: number | null): number | null {
  return percent === null ? null : percent / 100;
}
