import { SortableHead } from "@/components/ui/sortable-head";
import { RowLink } from "@/components/ui/row-link";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { DisputeCaseRow } from "@/db/queries/dispute-cases";
import type { DisputeSort } from "@/lib/disputes/filters";
import { disputeCategoryLabels, disputeOutcomeLabels } from "@/lib/disputes/labels";
import { formatDate, formatInteger, formatMoney } from "@/lib/format/fr";
import { cn } from "@/lib/utils";
import { DisputeStatusBadge } from "./dispute-status-badge";

function Head({ label, sortKey, sort, params, numeric = false }: { label: string; sortKey: DisputeSort["key"]; sort: DisputeSort; params: Record<string, string>; numeric?: boolean }) {
  const active = sort.key === sortKey;
  const order = active ? (sort.order === "asc" ? "desc" : "asc") : numeric ? "desc" : "asc";
  const query = new URLSearchParams({ ...params, sort: sortKey, order });
  query.delete("page");
  return <SortableHead label={label} href={`?${query}`} sorted={active ? sort.order : undefined} numeric={numeric} />;
}

/** The /litiges table: one row per case, its age in days (or, once over, the days it took). */
export function DisputeListTable({ rows, sort, params }: { rows: DisputeCaseRow[]; sort: DisputeSort; params: Record<string, string> }) {
  return (
    <div className="rounded-lg border bg-card">
      <Table>
        <TableHeader>
          <TableRow>
            <Head label="Client" sortKey="client" sort={sort} params={params} />
            <TableHead>Pièces</TableHead>
            <TableHead>Catégorie</TableHead>
            <Head label="Montant" sortKey="montant" sort={sort} params={params} numeric />
            <TableHead>Responsable</TableHead>
            <Head label="Statut" sortKey="statut" sort={sort} params={params} />
            <Head label="Âge" sortKey="age" sort={sort} params={params} numeric />
            <Head label="Date cible" sortKey="cible" sort={sort} params={params} />
            <TableHead>Résultat</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.id}>
              <TableCell>
                <RowLink href={`/litiges/${row.id}`} className="block font-medium hover:underline">
                  {row.clientName}
                </RowLink>
                <span className="text-xs text-muted-foreground">
                  {row.clientCode} · {row.reason}
                </span>
              </TableCell>
              <TableCell className="text-sm whitespace-nowrap">
                {row.documentNumbers.join(", ")}
                {row.documentCount > row.documentNumbers.length && <span className="text-muted-foreground"> +{formatInteger(row.documentCount - row.documentNumbers.length)}</span>}
              </TableCell>
              <TableCell>{disputeCategoryLabels[row.category]}</TableCell>
              <TableCell className="tabular text-right">{row.amount === null ? "—" : formatMoney(row.amount)}</TableCell>
              <TableCell>{row.ownerName ?? <span className="text-muted-foreground">Non attribué</span>}</TableCell>
              <TableCell>
                <DisputeStatusBadge status={row.status} />
              </TableCell>
              <TableCell className="tabular text-right">{formatInteger(row.ageDays)} j</TableCell>
              <TableCell className={cn(row.overdue && "font-medium text-destructive")}>
                {row.targetDate ? formatDate(row.targetDate) : "—"}
                {row.overdue && <span className="sr-only"> (dépassée)</span>}
              </TableCell>
              <TableCell>{row.outcome ? disputeOutcomeLabels[row.outcome] : "—"}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
