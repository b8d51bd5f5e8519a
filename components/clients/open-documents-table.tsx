import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import Link from "next/link";
import { CloseDisputeDialog, FlagDisputeDialog } from "@/components/clients/dispute-dialogs";
import { DaysLateCell, DocumentNumberCell } from "@/components/documents/document-cells";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { ClientDocumentRow } from "@/db/queries/client-documents";
import { type ClientDocumentSort, type ClientDocumentSortKey, nextClientDocumentSort } from "@/lib/documents/client-sort";
import { formatDate, formatMoney } from "@/lib/format/fr";
import { agingBucketLabel } from "@/lib/settings/options";
import { cn } from "@/lib/utils";

const columns: { key: ClientDocumentSortKey; label: string; numeric?: boolean }[] = [
  { key: "piece", label: "Pièce" },
  { key: "date", label: "Date" },
  { key: "echeance", label: "Échéance" },
  { key: "montant", label: "Montant", numeric: true },
  { key: "reste", label: "Reste dû", numeric: true },
  { key: "retard", label: "Retard", numeric: true },
];

/** A column header that sorts by its column through the URL; the current column shows its direction. */
function SortableHead({ clientId, sort, column }: { clientId: string; sort: ClientDocumentSort; column: (typeof columns)[number] }) {
  const active = sort.key === column.key;
  const next = nextClientDocumentSort(sort, column.key);
  const Icon = !active ? ArrowUpDown : sort.direction === "asc" ? ArrowUp : ArrowDown;
  return (
    <TableHead numeric={column.numeric} aria-sort={active ? (sort.direction === "asc" ? "ascending" : "descending") : undefined}>
      <Link
        href={`/clients/${clientId}?tri=${next.key}&ordre=${next.direction}`}
        scroll={false}
        className={cn("inline-flex items-center gap-1 hover:text-foreground", active && "text-foreground")}
      >
        {column.label}
        <Icon className={cn("size-3", !active && "opacity-40")} aria-hidden="true" />
      </Link>
    </TableHead>
  );
}

export function OpenDocumentsTable({
  clientId,
  documents,
  sort,
  agingLimits,
  canFlag,
}: {
  clientId: string;
  documents: ClientDocumentRow[];
  sort: ClientDocumentSort;
  agingLimits: number[];
  canFlag: boolean;
}) {
  const disputed = documents.filter((d) => d.disputed).length;
  return (
    <Card>
      <CardHeader className="pb-3">
        <CardTitle>Pièces ouvertes</CardTitle>
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
                {columns.map((column) => (
                  <SortableHead key={column.key} clientId={clientId} sort={sort} column={column} />
                ))}
                <TableHead>Tranche</TableHead>
                {canFlag && (
                  <TableHead>
                    <span className="sr-only">Litige</span>
                  </TableHead>
                )}
              </TableRow>
            </TableHeader>
            <TableBody>
              {documents.map((doc) => {
                const owed = Number(doc.openAmount) > 0;
                return (
                  <TableRow key={doc.id}>
                    <DocumentNumberCell doc={doc} className="whitespace-nowrap" />
                    <TableCell className="tabular">{formatDate(doc.issueDate)}</TableCell>
                    <TableCell className="tabular">{formatDate(doc.dueDate)}</TableCell>
                    <TableCell className="tabular text-right whitespace-nowrap">{formatMoney(doc.amount)}</TableCell>
                    <TableCell className="tabular text-right font-medium whitespace-nowrap">{formatMoney(doc.openAmount)}</TableCell>
                    <DaysLateCell days={doc.daysLate} owed={owed} />
                    <TableCell className="text-xs whitespace-nowrap text-muted-foreground">{agingBucketLabel(doc.daysLate, agingLimits)}</TableCell>
                    {canFlag && (
                      <TableCell className="w-10 py-1 text-right">
                        {doc.disputed ? <CloseDisputeDialog clientId={clientId} doc={doc} /> : <FlagDisputeDialog clientId={clientId} doc={doc} />}
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
