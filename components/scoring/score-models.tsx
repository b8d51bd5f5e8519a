import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { listScoreModels } from "@/db/queries/score-backtests";
import { formatDate, formatDateTime, formatDecimal, formatInteger, formatPercent } from "@/lib/format/fr";

type ScoreModelRow = Awaited<ReturnType<typeof listScoreModels>>[number];

const kindLabel = { logistic: "Régression logistique", rules: "Règles transparentes" } as const;

/** The active model first, then the versions it replaced, with the figures measured on invoices held out of training. */
export function ScoreModels({ models }: { models: ScoreModelRow[] }) {
  if (models.length === 0) {
    return (
      <EmptyState
        title="Aucun modèle pour le moment"
        description="Le traitement de nuit apprend le modèle sur l'historique des factures réglées ; en attendant, aucune prédiction n'est affichée."
      />
    );
  }
  return (
    <Table aria-label="Versions du modèle">
      <TableHeader>
        <TableRow>
          <TableHead>Version</TableHead>
          <TableHead>Méthode</TableHead>
          <TableHead numeric>Factures apprises</TableHead>
          <TableHead>Historique jusqu&apos;au</TableHead>
          <TableHead numeric>Grâce</TableHead>
          <TableHead numeric>AUC</TableHead>
          <TableHead numeric>Brier</TableHead>
          <TableHead numeric>Brier taux moyen</TableHead>
          <TableHead numeric>Retard observé</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {models.map((m) => (
          <TableRow key={m.id}>
            <TableCell>
              <span className="flex flex-wrap items-center gap-2">
                {formatDateTime(m.createdAt)}
                {m.active && <Badge variant="success">Actif</Badge>}
              </span>
            </TableCell>
            <TableCell>{kindLabel[m.kind]}</TableCell>
            <TableCell numeric>{formatInteger(m.trainedOn)}</TableCell>
            <TableCell>{formatDate(m.trainedTo)}</TableCell>
            <TableCell numeric>{m.graceDays} j</TableCell>
            <TableCell numeric>{formatDecimal(m.metrics?.auc ?? null, 3)}</TableCell>
            <TableCell numeric>{formatDecimal(m.metrics?.brier ?? null, 3)}</TableCell>
            <TableCell numeric>{formatDecimal(m.metrics?.baseBrier ?? null, 3)}</TableCell>
            <TableCell numeric>{formatPercent(m.metrics?.lateRate ?? null)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
