import { CalibrationChart } from "@/components/charts/calibration-chart";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatDecimal, formatInteger, formatPercent } from "@/lib/format/fr";
import type { BacktestReport } from "@/lib/scoring/backtest";
import type { BacktestEvaluation } from "@/lib/scoring/backtest-evaluate";

const days = (value: number | null) => (value === null ? "—" : `${formatDecimal(value, 1)} j`);
const monthLabel = (isoDate: string) =>
  new Intl.DateTimeFormat("fr-FR", { month: "short", year: "numeric", timeZone: "UTC" }).format(new Date(`${isoDate}T00:00:00Z`));

const rows: { label: string; hint: string; value: (e: BacktestEvaluation) => string }[] = [
  { label: "AUC", hint: "plus haut = mieux ; 0,5 = au hasard", value: (e) => formatDecimal(e.auc, 3) },
  { label: "Score de Brier", hint: "plus bas = mieux", value: (e) => formatDecimal(e.brier, 3) },
  { label: "Brier du taux moyen", hint: "toujours répondre le taux de retard observé", value: (e) => formatDecimal(e.baseBrier, 3) },
  { label: "Écart moyen de la date de paiement", hint: "factures payées", value: (e) => days(e.maeDays) },
];

function MetricsTable({ model, baseline }: { model: BacktestEvaluation; baseline: BacktestEvaluation }) {
  return (
    <Table aria-label="Mesures du modèle et de la référence">
      <TableHeader>
        <TableRow>
          <TableHead>Mesure</TableHead>
          <TableHead numeric>Modèle</TableHead>
          <TableHead numeric>Référence : taux de retard du client</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.label}>
            <TableCell>
              <span className="font-medium">{row.label}</span> <span className="text-xs text-muted-foreground">({row.hint})</span>
            </TableCell>
            <TableCell numeric>{row.value(model)}</TableCell>
            <TableCell numeric>{row.value(baseline)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

export function BacktestReportView({ report }: { report: BacktestReport }) {
  const { model, baseline } = report.overall;
  const points = (e: BacktestEvaluation) => e.calibration.map((c) => ({ decile: c.decile, predicted: c.meanPredicted, observed: c.observedRate }));
  return (
    <div className="space-y-6">
      <p className="text-sm">
        {formatInteger(model.invoices)} factures prédites, dont {formatPercent(model.lateRate)} payées en retard.
        {report.forecast.windows.length > 0 && (
          <>
            {" "}Prévision d&apos;encaissement à 13 semaines : écart hebdomadaire moyen (MAPE) {formatPercent(report.forecast.mape)}, biais{" "}
            {formatPercent(report.forecast.bias)} sur {formatInteger(report.forecast.windows.length)} fenêtre(s).
          </>
        )}
      </p>
      <MetricsTable model={model} baseline={baseline} />
      <div>
        <h3 className="mb-2 text-sm font-medium">Calibration par décile</h3>
        <CalibrationChart
          ariaLabel="Taux de retard observé selon la probabilité prédite, par décile, pour le modèle et la référence ; la diagonale est la calibration parfaite."
          series={[
            { name: "Modèle", points: points(model) },
            { name: "Référence", points: points(baseline) },
          ]}
        />
        <Table aria-label="Calibration du modèle par décile" className="mt-4">
          <TableHeader>
            <TableRow>
              <TableHead>Décile</TableHead>
              <TableHead numeric>Factures</TableHead>
              <TableHead numeric>Retard prédit</TableHead>
              <TableHead numeric>Retard observé</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {model.calibration.map((c) => (
              <TableRow key={c.decile}>
                <TableCell>{c.decile}</TableCell>
                <TableCell numeric>{formatInteger(c.n)}</TableCell>
                <TableCell numeric>{formatPercent(c.meanPredicted)}</TableCell>
                <TableCell numeric>{formatPercent(c.observedRate)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <div>
        <h3 className="mb-2 text-sm font-medium">Mois par mois</h3>
        <Table aria-label="Backtest mois par mois">
          <TableHeader>
            <TableRow>
              <TableHead>Mois</TableHead>
              <TableHead numeric>Apprises</TableHead>
              <TableHead numeric>Prédites</TableHead>
              <TableHead numeric>En retard</TableHead>
              <TableHead numeric>AUC modèle</TableHead>
              <TableHead numeric>AUC référence</TableHead>
              <TableHead numeric>Brier modèle</TableHead>
              <TableHead numeric>Brier référence</TableHead>
              <TableHead numeric>Brier taux moyen</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {report.months.map((m) => (
              <TableRow key={m.month}>
                <TableCell className="whitespace-nowrap">
                  {monthLabel(m.month)}
                  {m.method === "rules" && <span className="text-xs text-muted-foreground"> (règles)</span>}
                </TableCell>
                <TableCell numeric>{formatInteger(m.trainedOn)}</TableCell>
                <TableCell numeric>{formatInteger(m.model.invoices)}</TableCell>
                <TableCell numeric>{formatPercent(m.model.lateRate)}</TableCell>
                <TableCell numeric>{formatDecimal(m.model.auc, 3)}</TableCell>
                <TableCell numeric>{formatDecimal(m.baseline.auc, 3)}</TableCell>
                <TableCell numeric>{formatDecimal(m.model.brier, 3)}</TableCell>
                <TableCell numeric>{formatDecimal(m.baseline.brier, 3)}</TableCell>
                <TableCell numeric>{formatDecimal(m.model.baseBrier, 3)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </div>
  );
}
