/** The backtest report as the command line prints it: aligned French tables, fr-FR numbers. */
import { formatDate, formatDecimal, formatInteger, formatPercent } from "@/lib/format/fr";
import type { BacktestEvaluation } from "./backtest-evaluate";
import type { BacktestReport } from "./backtest";

function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  return [line(head), ...rows.map(line)].join("\n");
}

const days = (value: number | null) => (value === null ? "—" : `${formatDecimal(value, 1)} j`);
const month = (isoDate: string) => formatDate(isoDate).slice(3);

const measureHead = ["Factures", "En retard", "AUC modèle", "AUC base", "Brier modèle", "Brier base", "Brier taux moyen", "Écart date modèle", "Écart date base"];

function measures(model: BacktestEvaluation, baseline: BacktestEvaluation): string[] {
  return [
    formatInteger(model.invoices),
    formatPercent(model.lateRate),
    formatDecimal(model.auc, 3),
    formatDecimal(baseline.auc, 3),
    formatDecimal(model.brier, 3),
    formatDecimal(baseline.brier, 3),
    formatDecimal(model.baseBrier, 3),
    days(model.maeDays),
    days(baseline.maeDays),
  ];
}

export function backtestText(report: BacktestReport): string {
  const { overall, forecast } = report;
  const parts = [
    `Backtest du scoring, mois ${month(report.from)} à ${month(report.to)}, délai de grâce ${report.graceDays} j, calculé le ${formatDate(report.computedOn)}.`,
    "Chaque mois : apprentissage sur les factures dont l'issue était connue le 1er du mois, prédiction des factures émises dans le mois.",
    "Base = taux de retard passé du client ; Brier taux moyen = toujours répondre le taux de retard observé ; écart date = erreur absolue moyenne de la date de paiement prévue (factures payées).",
    "",
    table(
      ["Mois", "Appris", "Méthode", ...measureHead],
      [
        ...report.months.map((m) => [month(m.month), formatInteger(m.trainedOn), m.method === "logistic" ? "modèle" : "règles", ...measures(m.model, m.baseline)]),
        ["Ensemble", "", "", ...measures(overall.model, overall.baseline)],
      ],
    ),
    "",
    "Calibration par décile (ensemble des mois) : probabilité prédite moyenne et taux de retard observé",
    table(
      ["Décile", "Factures", "Prédit modèle", "Observé modèle", "Prédit base", "Observé base"],
      overall.model.calibration.map((row, i) => {
        const base = overall.baseline.calibration[i];
        return [
          String(row.decile),
          formatInteger(row.n),
          formatPercent(row.meanPredicted),
          formatPercent(row.observedRate),
          formatPercent(base?.meanPredicted ?? null),
          formatPercent(base?.observedRate ?? null),
        ];
      }),
    ),
    "",
  ];
  if (forecast.windows.length === 0) {
    parts.push("Prévision d'encaissement : aucune fenêtre de 13 semaines entièrement passée dans la période.");
  } else {
    parts.push(
      "Prévision d'encaissement à 13 semaines depuis chaque 1er du mois (factures alors ouvertes) : écart hebdomadaire",
      table(
        ["Début", "Factures ouvertes", "Prévu", "Encaissé", "MAPE", "Biais"],
        forecast.windows.map((w) => {
          const expected = w.weeks.reduce((sum, x) => sum + x.expected, 0);
          const actual = w.weeks.reduce((sum, x) => sum + x.actual, 0);
          return [formatDate(w.start), formatInteger(w.openInvoices), `${formatInteger(expected)} €`, `${formatInteger(actual)} €`, formatPercent(w.mape), formatPercent(w.bias)];
        }),
      ),
      `Ensemble : MAPE ${formatPercent(forecast.mape)} (semaines sans encaissement exclues), biais ${formatPercent(forecast.bias)} (positif = prévision au-dessus de l'encaissé).`,
    );
  }
  return parts.join("\n");
}
