import { Plus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { ColumnRowActions } from "@/components/calculated/column-row-actions";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { listCalculatedColumns } from "@/db/queries/calculated-columns";
import { loadReadyColumns } from "@/db/queries/calculated-values";
import { requireUser } from "@/lib/auth/session";
import { calculatedTypeLabels } from "@/lib/formulas/display";
import { formatDateTime } from "@/lib/format/fr";

export const metadata: Metadata = { title: "Colonnes calculées" };

const newButton = (
  <Button asChild>
    <Link href="/parametrage/colonnes/nouvelle">
      <Plus aria-hidden="true" /> Nouvelle colonne
    </Link>
  </Button>
);

export default async function CalculatedColumnsPage() {
  const { db } = await requireUser("calculated.manage");
  const [columns, ready] = await Promise.all([listCalculatedColumns(db), loadReadyColumns(db)]);
  const materialised = new Map(ready.columns.map((c) => [c.id, c.materialised]));
  const broken = new Map(ready.broken.map((b) => [b.id, b.error]));

  if (columns.length === 0) {
    return (
      <EmptyState
        title="Aucune colonne calculée"
        description="Créez vos propres indicateurs par formule — taux d'échu sur 90 jours, encours moyen, DSO — pour les afficher, les trier et les filtrer dans la liste des clients, ou en faire des critères de groupes et d'alertes."
        action={newButton}
      />
    );
  }

  return (
    <div className="space-y-4">
      <div className="flex items-center justify-between gap-4">
        <p className="text-sm text-muted-foreground">
          Vos indicateurs par formule, disponibles comme colonnes, filtres et critères de groupes et d&apos;alertes.
        </p>
        {newButton}
      </div>
      <div className="rounded-lg border bg-card">
        <Table aria-label="Colonnes calculées">
          <TableHeader>
            <TableRow>
              <TableHead>Nom</TableHead>
              <TableHead>Type</TableHead>
              <TableHead>Formule</TableHead>
              <TableHead>Description</TableHead>
              <TableHead>Valeurs</TableHead>
              <TableHead className="text-right">
                <span className="sr-only">Actions</span>
              </TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {columns.map((column) => (
              <TableRow key={column.id}>
                <TableCell className="font-medium">{column.name}</TableCell>
                <TableCell>{calculatedTypeLabels[column.type]}</TableCell>
                <TableCell className="max-w-sm">
                  <code className="font-mono text-xs break-words whitespace-pre-wrap">{column.formula}</code>
                </TableCell>
                <TableCell className="max-w-xs text-sm text-muted-foreground">{column.description || "—"}</TableCell>
                <TableCell className="text-sm">
                  {broken.has(column.id) ? (
                    <span className="text-destructive">Formule invalide : {broken.get(column.id)}</span>
                  ) : !materialised.get(column.id) ? (
                    <span className="text-muted-foreground">Calculée à la volée</span>
                  ) : column.materialisedAt ? (
                    `Calculée le ${formatDateTime(column.materialisedAt)}`
                  ) : (
                    <span className="text-muted-foreground">Pas encore calculée</span>
                  )}
                </TableCell>
                <TableCell className="text-right whitespace-nowrap">
                  <ColumnRowActions id={column.id} name={column.name} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </div>
  );
}
