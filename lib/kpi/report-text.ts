import { formatDate, formatMoney, formatPercent } from "@/lib/format/fr";
import { formatCountback, formatDays, formatMonth, shortHistoryNote } from "./display";
import type { KpiReport } from "./report";

/** What `npm run kpi` prints: one indicator a line, fr-FR formats, and why a DSO is only a minimum when it is. */
export function kpiReportText(report: KpiReport): string {
  const { current: k } = report;
  const lines = [
    `Indicateurs au ${formatDate(report.date)} — ${report.entity ? `${report.entity.name} (${report.entity.code})` : "toutes sociétés"}`,
    `Encours              ${formatMoney(k.outstanding)}`,
    `Échu                 ${formatMoney(k.overdue)} (${formatPercent(k.overdueShare)} de l'encours)`,
    `Non échu             ${formatMoney(k.notDue)}`,
    `DSO                  ${formatCountback(k.dso, k.dsoLowerBound)}`,
    `BPDSO                ${formatCountback(k.bpdso, k.bpdsoLowerBound)}`,
    `ADD                  ${formatDays(k.add)}`,
    `DBT                  ${formatDays(k.dbt)}`,
    `CEI (${formatMonth(report.ceiMonth)})`.padEnd(20) + ` ${k.cei === null ? "—" : formatPercent(k.cei / 100)}`,
    `Taux de recouvrement ${formatPercent(k.recoveryRate)}`,
    "Balance âgée",
    ...report.aged.map((bucket) => `  ${bucket.label.padEnd(18)} ${formatMoney(bucket.amount)}`),
  ];
  if (k.dsoLowerBound || k.bpdsoLowerBound) lines.push("", shortHistoryNote(report.salesMonthsKnown, report.salesKnownFrom));
  return lines.join("\n");
}
