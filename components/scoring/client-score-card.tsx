import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { Queryable } from "@/db/client";
import { getClientScore, scoreHistoryDays } from "@/db/queries/client-score";
import type { Scope } from "@/lib/auth/scope";
import { formatDate, formatMoney, formatPercent } from "@/lib/format/fr";
import { gradeMeanings } from "@/lib/scoring/grades";
import { GradeBadge } from "./grade-badge";
import { ScoreHistoryChart } from "./score-history-chart";

const methodTexts = {
  model: "Modèle",
  client: "Règles — historique insuffisant : moins de 3 factures réglées",
  company: "Règles — historique de la société encore insuffisant pour le modèle",
};

/** The fiche client's score: its letter, probability, how it was computed, its reasons and its last 90 days. */
export async function ClientScoreCard({ db, scope, clientId, today }: { db: Queryable; scope: Scope; clientId: string; today: string }) {
  const score = await getClientScore(db, scope, clientId, today);
  return (
    <Card data-testid="score-card">
      <CardHeader className="pb-3">
        <CardTitle>Score</CardTitle>
        {score && <CardDescription>Calculé le {formatDate(score.scoredOn)}</CardDescription>}
      </CardHeader>
      <CardContent className="space-y-4 text-sm">
        {!score ? (
          <p className="text-muted-foreground">Score calculé au prochain traitement de nuit.</p>
        ) : (
          <>
            <div className="flex items-center gap-4">
              <GradeBadge grade={score.grade} pLate={score.pLate} size="lg" />
              <div className="min-w-0 space-y-0.5">
                <p>
                  Probabilité de retard <span className="font-semibold tabular">{formatPercent(score.pLate)}</span>
                </p>
                <p className="text-muted-foreground">{gradeMeanings[score.grade].replace(/^./, (c) => c.toUpperCase())}</p>
                {Number(score.expectedLateAmount) > 0 && (
                  <p className="text-muted-foreground">
                    Retard attendu <span className="tabular">{formatMoney(score.expectedLateAmount)}</span>
                  </p>
                )}
              </div>
            </div>
            <p>
              <span className="text-muted-foreground">Méthode : </span>
              {score.method === "model" ? methodTexts.model : score.modelKind === "rules" ? methodTexts.company : methodTexts.client}
            </p>
            {score.reasons.length > 0 && (
              <div className="space-y-1">
                <p className="font-medium">Principales raisons</p>
                <ul className="list-disc space-y-0.5 pl-5">
                  {score.reasons.slice(0, 3).map((r) => (
                    <li key={r.code}>{r.text}</li>
                  ))}
                </ul>
              </div>
            )}
            <div className="space-y-1">
              <p className="font-medium">Sur {scoreHistoryDays} jours</p>
              {score.history.length > 1 ? (
                <ScoreHistoryChart history={score.history} />
              ) : (
                <p className="text-muted-foreground">L&apos;évolution s&apos;affichera après plusieurs traitements de nuit.</p>
              )}
            </div>
          </>
        )}
      </CardContent>
    </Card>
  );
}
