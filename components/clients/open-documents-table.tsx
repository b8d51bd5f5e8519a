import Link from "next/link";
import { DisputeDialog } from "@/components/clients/dispute-dialogs";
import { DaysLateCell, DocumentNumberCell } from "@/components/documents/document-cells";
import { ThreadsButton } from "@/components/threads/threads-button";
import { canBeLate } from "@/lib/documents/lateness";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { SortableHead } from "@/components/ui/sortable-head";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { ClientDocumentRow } from "@/db/queries/client-documents";
import { type ClientDocumentSort, type ClientDocumentSortKey, nextClientDocumentSort } from "@/lib/documents/client-sort";
import { formatDate, formatMoney } from "@/lib/format/fr";
import { agingBucketLabel } from "@/lib/settings/options";

const columns: { key: ClientDocumentSortKey; label: string; numeric?: boolean }[] = [
  { key: "piece", label: "Pièce" },
  { key: "date", label: "Date" },
  { key: "echeance", label: "Échéance" },
  { key: "montant", label: "Montant", numeric: true },
  { key: "reste", label: "Reste dû", numeric: true },
  { key: "retard", label: "Retard", numeric: true },
];

export function OpenDocumentsTable({
  clientId,
  documents,
  sort,
  agingLimits,
  canFlag,
  threadCounts,
}: {
  clientId: string;
  documents: ClientDocumentRow[];
  sort: ClientDocumentSort;
  agingLimits: number[];
  canFlag: boolean;
  /** Discussions per pièce; the row's « Discussions » button shows when given. */
  threadCounts?: Record<number, number>;
}) {
  const disputed = documents.filter((d) => d.disputed).length;
  return (
    <Card>
      <CardHeader className="pb-3">
        <div className="flex items-baseline justify-between gap-3">
          <CardTitle>Pièces ouvertes</CardTitle>
          <Link href={`/pieces?client=${clientId}&status=settled&type=all`} className="text-sm text-muted-foreground hover:text-foreground hover:underline">
            Pièces soldées
          </Link>
        </div>
        {documents.length > 0 && (
          <CardDescription>
            {documents.length} pièce{documents.length > 1 ? "s" : ""}
            {disputed > 0 && ` · ${disputed} en litige`}
          </CardDescription>
        )}
      </CardHeader>
      <CardContent className="p-0">
        {documents.length === 0 ? (
          <p className="px-5 pb-5 text-sm text-muted-foreground">Aucune pièce ouverte : ce client est à jour.</p>
        ) : (
          <Table>
            <TableHeader>
              <TableRow>
                {columns.map((column) => {
                  const next = nextClientDocumentSort(sort, column.key);
                  return (
                    <SortableHead
                      key={column.key}
                      label={column.label}
                      href={`/clients/${clientId}?tri=${next.key}&ordre=${next.direction}`}
                      sorted={sort.key === column.key ? sort.direction : undefined}
                      numeric={column.numeric}
                      sticky={column === columns[0]}
                    />
                  );
                })}
                <TableHead>Tranche</TableHead>
                {threadCounts && (
                  <TableHead>
                    <span className="sr-only">Discussions</span>
                  </TableHead>
                )}
                {canFlag && (
                  <TableHead>
                    <span className="sr-only">Litige</span>
                  </TableHead>
                )}
              </TableRow>
            </TableHeader>
            <TableBody>
              {documents.map((doc) => {
                return (
                  <TableRow key={doc.id}>
                    <DocumentNumberCell doc={doc} className="whitespace-nowrap" />
                    <TableCell className="tabular">{formatDate(doc.issueDate)}</TableCell>
                    <TableCell className="tabular">{formatDate(doc.dueDate)}</TableCell>
                    <TableCell className="tabular text-right whitespace-nowrap">{formatMoney(doc.amount, doc.currency)}</TableCell>
                    <TableCell className="tabular text-right font-medium whitespace-nowrap">{formatMoney(doc.openAmount, doc.currency)}</TableCell>
                    <DaysLateCell doc={doc} />
                    <TableCell className="text-xs whitespace-nowrap text-muted-foreground">{canBeLate(doc.type) ? agingBucketLabel(doc.daysLate, agingLimits) : "—"}</TableCell>
                    {threadCounts && (
                      <TableCell className="w-10 py-1 text-right">
                        <ThreadsButton variant="icon" target={{ clientId, documentId: doc.id }} count={threadCounts[doc.id]} label={`Pièce ${doc.number}`} />
                      </TableCell>
                    )}
                    {canFlag && (
                      <TableCell className="w-10 py-1 text-right">
                        <DisputeDialog clientId={clientId} doc={doc} />
                      </TableCell>
                    )}
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}
