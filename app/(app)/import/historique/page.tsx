import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { listImports } from "@/db/queries/imports";
import { requireUser } from "@/lib/auth/session";
import { closeInterruptedImports, isInterrupted } from "@/lib/import/interrupted";
import { formatDateTime, formatDuration, formatInteger } from "@/lib/format/fr";

export const metadata: Metadata = { title: "Historique des imports" };

const kindLabels = { clients: "Clients", documents: "Pièces", fec: "FEC", payments: "Règlements" };
const modeLabels = { snapshot: "Photographie complète", incremental: "Incrémental" };
const statusBadges = {
  pending: <Badge variant="secondary">En attente</Badge>,
  running: <Badge variant="info">En cours</Badge>,
  succeeded: <Badge variant="success">Réussi</Badge>,
  failed: <Badge variant="destructive">Refusé</Badge>,
  interrupted: <Badge variant="destructive">Interrompu</Badge>,
};

export default async function ImportHistoryPage() {
  const { db } = await requireUser("imports.run");
  await closeInterruptedImports(db);
  const rows = await listImports(db, 100);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Historique des imports</h1>
          <p className="text-sm text-muted-foreground">Chaque fichier reçu, ses comptes et ses erreurs.</p>
        </div>
        <Button asChild>
          <Link href="/import">Nouvel import</Link>
        </Button>
      </div>
      {rows.length === 0 ? (
        <EmptyState title="Aucun import pour le moment" description="Les fichiers importés depuis l'assistant ou la ligne de commande apparaîtront ici." />
      ) : (
        <div className="rounded-lg border bg-card">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>Date</TableHead>
                <TableHead sticky>Fichier</TableHead>
                <TableHead>Type</TableHead>
                <TableHead>Statut</TableHead>
                <TableHead className="text-right">Lues</TableHead>
                <TableHead className="text-right">Créées</TableHead>
                <TableHead className="text-right">Mises à jour</TableHead>
                <TableHead className="text-right">Soldées</TableHead>
                <TableHead className="text-right">Rejetées</TableHead>
                <TableHead>Durée</TableHead>
                <TableHead><span className="sr-only">Erreurs</span></TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((row) => (
                <TableRow key={row.id}>
                  <TableCell className="whitespace-nowrap">{formatDateTime(row.createdAt)}</TableCell>
                  <TableCell sticky>
                    <Link href={`/import/${row.id}`} className="font-medium hover:underline">
                      {row.fileName}
                    </Link>
                    {row.mapping && (
                      <p className="max-w-md truncate text-xs text-muted-foreground" title={Object.entries(row.mapping).map(([k, v]) => `${k} → ${v}`).join(", ")}>
                        {Object.entries(row.mapping).map(([k, v]) => `${k} → ${v}`).join(", ")}
                      </p>
                    )}
                  </TableCell>
                  <TableCell>
                    {kindLabels[row.kind]}
                    {row.mode && <span className="block text-xs text-muted-foreground">{modeLabels[row.mode]}</span>}
                  </TableCell>
                  <TableCell>
                    {statusBadges[isInterrupted(row) ? "interrupted" : row.status]}
                    {isInterrupted(row) && <span className="block max-w-48 text-xs text-muted-foreground">{row.message}</span>}
                    {row.warnings.length > 0 && (
                      <Badge variant="warning" className="mt-1" title={row.warnings.map((w) => w.message).join("\n")}>
                        {row.warnings.length} avertissement{row.warnings.length > 1 ? "s" : ""}
                      </Badge>
                    )}
                    {row.clientsWithDifference ? (
                      <Badge variant="destructive" className="mt-1">
                        {formatInteger(row.clientsWithDifference)} écart{row.clientsWithDifference > 1 ? "s" : ""} de solde
                      </Badge>
                    ) : null}
                    {row.status === "running" && row.rowsTotal ? (
                      <span className="block text-xs text-muted-foreground">
                        {Math.min(100, Math.round((row.rowsRead / row.rowsTotal) * 100))} %
                      </span>
                    ) : null}
                  </TableCell>
                  <TableCell className="tabular text-right">{formatInteger(row.rowsRead)}</TableCell>
                  <TableCell className="tabular text-right">{formatInteger(row.rowsInserted)}</TableCell>
                  <TableCell className="tabular text-right">{formatInteger(row.rowsUpdated)}</TableCell>
                  <TableCell className="tabular text-right">{formatInteger(row.rowsSettled)}</TableCell>
                  <TableCell className="tabular text-right">{formatInteger(row.rowsRejected)}</TableCell>
                  <TableCell className="tabular whitespace-nowrap">
                    {formatDuration(row.startedAt, row.finishedAt)}
                  </TableCell>
                  <TableCell>
                    {row.errors.length > 0 && (
                      <a className="text-sm text-primary hover:underline" href={`/api/imports/${row.id}/errors`} download>
                        Erreurs (xlsx)
                      </a>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </div>
  );
}
