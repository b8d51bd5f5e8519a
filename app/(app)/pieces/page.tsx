import { Download } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { Pagination } from "@/components/clients/pagination";
import { BulkDisputeForm } from "@/components/documents/bulk-dispute-form";
import { DaysLateCell, DocumentNumberCell } from "@/components/documents/document-cells";
import { DocumentFiltersForm } from "@/components/documents/document-filters-form";
import { DocumentTypeTabs } from "@/components/documents/document-type-tabs";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableFooter, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { getClient } from "@/db/queries/clients";
import { listDocuments } from "@/db/queries/documents";
import { getOption } from "@/db/queries/settings";
import { listEntities } from "@/db/queries/users";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { today } from "@/lib/dates";
import { parseDocumentSearch, toDocumentFilters } from "@/lib/documents/filters";
import { searchToParams } from "@/lib/search-params";
import { formatDate, formatInteger, formatMoney, formatPercent } from "@/lib/format/fr";
import { GradeBadge } from "@/components/scoring/grade-badge";
import { SortableHead } from "@/components/ui/sortable-head";
import { gradeOf } from "@/lib/scoring/grades";
import { OtherCurrenciesNote } from "@/components/documents/other-currencies-note";
import { agingBucketLabels } from "@/lib/settings/options";
import { RowLink } from "@/components/ui/row-link";

export const metadata: Metadata = { title: "Pièces" };

const PAGE_SIZE = 50;

export default async function DocumentsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { db, scope } = await requireUser("documents.read");
  const raw = await searchParams;
  const search = parseDocumentSearch(raw);
  const page = Math.max(1, Number.parseInt(String(raw.page ?? "1"), 10) || 1);
  const [agingLimits, entityOptions, client] = await Promise.all([
    getOption(db, "agingLimits"),
    listEntities(db),
    search.client ? getClient(db, scope, search.client) : null,
  ]);
  const filters = toDocumentFilters(search, agingLimits);
  const { rows, totals } = await listDocuments(db, scope, filters, today(), { page, pageSize: PAGE_SIZE });
  // Only people who work the collection flag disputes; the others read the same list without selection.
  // Listing the disputed documents turns the selection into lifting their disputes. Cash is never disputed.
  const canFlag = can(scope.role, "relance.work") && search.status !== "settled" && search.type !== "payment";
  const mode: "flag" | "close" = search.disputed === "yes" ? "close" : "flag";
  const selectable = (doc: { settledDate: string | null; disputed: boolean }) => doc.settledDate === null && doc.disputed === (mode === "close");
  const params = searchToParams(search);
  const query = new URLSearchParams(params).toString();
  const withoutClient = searchToParams({ ...search, client: undefined });
  // Riskiest first on the first click, then the other way.
  const pLateSort = new URLSearchParams({ ...params, sort: "pLate", order: search.sort === "pLate" && (search.order ?? "desc") === "desc" ? "asc" : "desc" });
  // Payments and credit notes are never late: their lists leave the column out.
  const showLateness = search.type !== "payment" && search.type !== "credit_note";
  const openLabel = search.type === "payment" ? "non affecté" : search.type === "credit_note" ? "reste à imputer" : "reste dû";

  const table = (
    <div className="rounded-lg border bg-card">
      <Table>
        <TableHeader>
          <TableRow>
            {canFlag && (
              <TableHead>
                <span className="sr-only">Sélection</span>
              </TableHead>
            )}
            <TableHead sticky>Pièce</TableHead>
            <TableHead>Client</TableHead>
            <TableHead>Date</TableHead>
            <TableHead>Échéance</TableHead>
            <TableHead className="text-right">Montant</TableHead>
            <TableHead className="text-right">Reste dû</TableHead>
            {showLateness && <TableHead className="text-right">Retard</TableHead>}
            {showLateness && <TableHead className="px-2">Score</TableHead>}
            {showLateness && <SortableHead label="Probabilité de retard" href={`?${pLateSort}`} sorted={search.sort === "pLate" ? (search.order ?? "desc") : undefined} numeric className="px-2 tracking-normal whitespace-normal" />}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((doc) => (
            <TableRow key={doc.id}>
              {canFlag && (
                <TableCell className="w-8">
                  {selectable(doc) && (
                    <input type="checkbox" name="documentIds[]" value={doc.id} aria-label={`Sélectionner ${doc.number}`} className="size-4 accent-primary" />
                  )}
                </TableCell>
              )}
              <DocumentNumberCell doc={doc} className="whitespace-nowrap" />
              <TableCell>
                <RowLink href={`/clients/${doc.clientId}`} className="block hover:underline">
                  {doc.clientName}
                </RowLink>
                <span className="text-xs text-muted-foreground">
                  {doc.clientCode} · {doc.entityCode}
                </span>
              </TableCell>
              <TableCell>{formatDate(doc.issueDate)}</TableCell>
              <TableCell>{formatDate(doc.dueDate)}</TableCell>
              <TableCell className="tabular text-right">{formatMoney(doc.amount, doc.currency)}</TableCell>
              <TableCell className="tabular text-right font-medium">{formatMoney(doc.openAmount, doc.currency)}</TableCell>
              {showLateness && <DaysLateCell doc={doc} />}
              {showLateness && (
                <TableCell className="px-2">
                  <GradeBadge grade={doc.pLate === null ? null : gradeOf(doc.pLate)} pLate={doc.pLate} />
                </TableCell>
              )}
              {showLateness && <TableCell className="tabular px-2 text-right">{formatPercent(doc.pLate)}</TableCell>}
            </TableRow>
          ))}
        </TableBody>
        <TableFooter>
          <TableRow>
            <TableCell colSpan={canFlag ? 5 : 4}>
              Total ({formatInteger(totals.count)} pièces)
              <OtherCurrenciesNote totals={totals.otherCurrencies} className="text-xs font-normal text-muted-foreground" />
            </TableCell>
            <TableCell className="tabular text-right">{formatMoney(totals.amount)}</TableCell>
            <TableCell className="tabular text-right">{formatMoney(totals.openAmount)}</TableCell>
            {showLateness && <TableCell colSpan={3} />}
          </TableRow>
        </TableFooter>
      </Table>
    </div>
  );

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Pièces</h1>
          <p className="text-sm text-muted-foreground">
            {formatInteger(totals.count)} pièce{totals.count > 1 ? "s" : ""} · {openLabel} {formatMoney(totals.openAmount)}
          </p>
          <OtherCurrenciesNote totals={totals.otherCurrencies} />
          {client && (
            <p className="mt-1 text-sm">
              Client :{" "}
              <RowLink href={`/clients/${client.client.id}`} className="font-medium hover:underline">
                {client.client.name}
              </RowLink>{" "}
              <Link href={`?${new URLSearchParams(withoutClient)}`} className="text-muted-foreground underline-offset-2 hover:underline">
                (tous les clients)
              </Link>
            </p>
          )}
        </div>
        <Button asChild variant="outline">
          <a href={`/api/pieces/export${query ? `?${query}` : ""}`} download>
            <Download className="size-4" aria-hidden="true" /> Exporter (xlsx)
          </a>
        </Button>
      </div>
      <DocumentTypeTabs search={search} />
      <DocumentFiltersForm
        search={search}
        agingLabels={agingBucketLabels(agingLimits)}
        entities={entityOptions.filter((e) => scope.role !== "manager" || scope.entityIds.includes(e.id))}
      />
      {rows.length === 0 ? (
        <EmptyState title="Aucune pièce ne correspond à ces filtres" description="Élargissez la recherche ou retirez un filtre." />
      ) : canFlag ? (
        <BulkDisputeForm mode={mode}>{table}</BulkDisputeForm>
      ) : (
        table
      )}
      <Pagination page={page} pageSize={PAGE_SIZE} total={totals.count} params={params} />
    </div>
  );
}
