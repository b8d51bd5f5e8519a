import type { Metadata } from "next";
import { BacktestReportView } from "@/components/scoring/backtest-report";
import { GraceDaysForm } from "@/components/scoring/grace-days-form";
import { RunBacktestButton } from "@/components/scoring/run-backtest-button";
import { ScoreModels } from "@/components/scoring/score-models";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { latestBacktest, listScoreModels } from "@/db/queries/score-backtests";
import { getOption } from "@/db/queries/settings";
import { requireUser } from "@/lib/auth/session";
import { formatDate, formatDateTime } from "@/lib/format/fr";

export const metadata: Metadata = { title: "Scoring" };

export default async function ScoringSettingsPage() {
  const { db } = await requireUser("scoring.manage");
  const [scoring, models, backtest] = await Promise.all([getOption(db, "scoring"), listScoreModels(db), latestBacktest(db)]);
  return (
    <div className="space-y-6">
      <Card>
        <CardHeader>
          <CardTitle>Délai de grâce</CardTitle>
          <CardDescription>
            Une facture compte comme payée en retard quand elle est réglée plus de ce nombre de jours après son échéance, ou pas
            réglée à cette date.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <GraceDaysForm graceDays={scoring.graceDays} />
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Modèle de prédiction</CardTitle>
          <CardDescription>
            Appris chaque nuit sur les factures réglées ; mesuré sur les mois les plus récents, tenus à l&apos;écart de l&apos;apprentissage.
          </CardDescription>
        </CardHeader>
        <CardContent className="p-0 pb-2">
          <ScoreModels models={models} />
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Dernier backtest</CardTitle>
          <CardDescription>
            {backtest
              ? `Mois de ${formatDate(backtest.report.from).slice(3)} à ${formatDate(backtest.report.to).slice(3)}, délai de grâce ${backtest.report.graceDays} j, lancé le ${formatDateTime(backtest.createdAt)}${backtest.createdBy ? ` par ${backtest.createdBy}` : " en ligne de commande"}. Chaque mois, un modèle appris sur ce qui était connu le 1er du mois prédit les factures émises dans le mois.`
              : "Chaque mois, un modèle appris sur ce qui était connu le 1er du mois prédit les factures émises dans le mois ; on compare avec les paiements réels."}
          </CardDescription>
        </CardHeader>
        <CardContent className="space-y-6">
          <RunBacktestButton />
          {backtest ? (
            <BacktestReportView report={backtest.report} />
          ) : (
            <EmptyState
              title="Aucun backtest pour le moment"
              description="Lancez-en un pour mesurer le modèle sur les 12 derniers mois de votre historique, face au taux de retard passé de chaque client."
            />
          )}
        </CardContent>
      </Card>
    </div>
  );
}
