import { Download } from "lucide-react";
import Link from "next/link";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { isInterrupted } from "@/lib/import/interrupted";
import type { ImportOutcome } from "@/lib/import/run-import";
import { ImportWarnings } from "./import-warnings";
import { ReconciliationTable } from "./reconciliation-table";

export function ImportResult({ outcome }: { outcome: ImportOutcome }) {
  const { counts } = outcome;
  const figures: [string, number][] = [
    ["Lignes lues", counts.read],
    ["Créées", counts.inserted],
    ["Mises à jour", counts.updated],
    ["Soldées", counts.settled],
    ["Rejetées", counts.rejected],
  ];
  return (
    <div className="space-y-6">
      <Alert variant={outcome.status === "succeeded" ? "success" : "destructive"} role="status">
        <AlertTitle>{outcome.status === "succeeded" ? "Import terminé" : isInterrupted(outcome) ? "Import interrompu" : "Fichier refusé"}</AlertTitle>
        <AlertDescription>{outcome.message}</AlertDescription>
      </Alert>
      <ImportWarnings warnings={outcome.warnings} />
      <div className="grid gap-4 sm:grid-cols-5">
        {figures.map(([label, value]) => (
          <Card key={label}>
            <CardContent className="pt-5">
              <p className="text-sm text-muted-foreground">{label}</p>
              <p className="tabular text-2xl font-semibold">{value.toLocaleString("fr-FR")}</p>
            </CardContent>
          </Card>
        ))}
      </div>
      {outcome.reconciliation && <ReconciliationTable reconciliation={outcome.reconciliation} />}
      {outcome.errors.length > 0 && (
        <Card>
          <CardHeader className="flex-row items-center justify-between">
            <CardTitle>Lignes en erreur</CardTitle>
            <Button asChild variant="outline" size="sm">
              <a href={`/api/imports/${outcome.importId}/errors`} download>
                <Download className="size-4" aria-hidden="true" /> Télécharger les erreurs (xlsx)
              </a>
            </Button>
          </CardHeader>
          <CardContent className="p-0">
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>Ligne</TableHead>
                  <TableHead>Colonne</TableHead>
                  <TableHead>Valeur</TableHead>
                  <TableHead>Motif</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {outcome.errors.map((error, i) => (
                  <TableRow key={i}>
                    <TableCell className="tabular">{error.row}</TableCell>
                    <TableCell>{error.column}</TableCell>
                    <TableCell className="font-mono text-xs">{error.value}</TableCell>
                    <TableCell>{error.reason}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </CardContent>
        </Card>
      )}
      <div className="flex gap-3">
        <Button asChild>
          <Link href="/import">Nouvel import</Link>
        </Button>
        <Button asChild variant="outline">
          <Link href="/import/historique">Historique des imports</Link>
        </Button>
      </div>
    </div>
  );
}
