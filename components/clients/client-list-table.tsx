import { BellRing, Scale } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableFooter, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { ClientListRow, ClientSort } from "@/db/queries/clients";
import { standardColumns } from "@/lib/clients/columns";
import { calculatedKey } from "@/lib/formulas/keys";
import { formatCalculated, isNumericType } from "@/lib/formulas/display";
import type { CalculatedField } from "@/lib/groups/criteria";
import { GradeBadge } from "@/components/scoring/grade-badge";
import { formatInteger, formatMoney, formatPercent } from "@/lib/format/fr";
import { cn } from "@/lib/utils";
import { AgedBar } from "./aged-bar";
import { ClientSortableHead } from "./sortable-head";
import { RowLink } from "@/components/ui/row-link";

type Column = { key: string; label: string; sort?: ClientSort["key"]; numeric?: boolean; calc?: CalculatedField };

function cell(row: ClientListRow, column: Column, agingLabels: string[]): React.ReactNode {
  if (column.calc) return formatCalculated(column.calc.type, row.calculated[column.calc.id] ?? null);
  const key = column.key;
  switch (key) {
    case "siren":
      return <span className="font-mono text-xs">{row.siren ?? "—"}</span>;
    case "city":
      return (
        <>
          {row.city ?? "—"}
          {row.department && <span className="whitespace-nowrap text-muted-foreground"> ({row.department})</span>}
        </>
      );
    case "entity":
      return row.entityCode;
    case "collector":
      return row.collectorName ?? <span className="text-muted-foreground">Non attribué</span>;
    case "salesRep":
      return row.salesRepName ?? "—";
    case "group":
      return row.groupName ?? "—";
    case "paymentTerms":
      return `${row.paymentTermsDays} j`;
    case "creditLimit":
      return row.creditLimit ? formatMoney(row.creditLimit) : "—";
    case "outstanding":
      return formatMoney(row.outstanding);
    case "overdue":
      return Number(row.overdue) > 0 ? <span className="text-destructive">{formatMoney(row.overdue)}</span> : "";
    case "aged":
      return <AgedBar outstanding={row.outstanding} aged={row.aged} labels={agingLabels} />;
    case "score":
      return <GradeBadge grade={row.scoreGrade} pLate={row.scorePLate} />;
    case "pLate":
      return formatPercent(row.scorePLate);
    default: {
      const value = row.customFields[key.slice(3)];
      return value === null || value === undefined ? "—" : String(value);
    }
  }
}

/** The clients list with the user's columns, sortable headers and the totals of everything matched. */
export function ClientListTable({
  rows,
  columns,
  sort,
  params,
  totals,
  agingLabels,
  today,
  alerts,
  calculated = [],
}: {
  rows: ClientListRow[];
  columns: string[];
  sort: ClientSort;
  params: Record<string, string>;
  totals: { count: number; outstanding: string; overdue: string };
  agingLabels: string[];
  today: string;
  /** Names of the user's alerts each client meets, by client id. */
  alerts: ReadonlyMap<string, string[]>;
  /** The calculated columns the list may show, with their names and types. */
  calculated?: CalculatedField[];
}) {
  const catalogue = new Map<string, Column>([
    ...standardColumns.map((c) => [c.key, c] as const),
    ...calculated.map((c) => {
      const key = calculatedKey(c.id);
      return [key, { key, label: c.name, sort: key, numeric: isNumericType(c.type), calc: c }] as const;
    }),
  ]);
  const shown: Column[] = columns.map((key) => catalogue.get(key) ?? { key, label: key.slice(3) });
  const head = (column: Column) =>
    column.sort ? (
      <ClientSortableHead key={column.key} label={column.label} sortKey={column.sort} current={sort} params={params} numeric={column.numeric} />
    ) : (
      <TableHead key={column.key} className={cn(column.numeric ? "text-right" : "whitespace-normal")}>
        {column.label}
      </TableHead>
    );

  return (
    <div className="rounded-lg border bg-card">
      <Table>
        <TableHeader>
          <TableRow>
            <ClientSortableHead label="Code" sortKey="code" current={sort} params={params} className="max-sm:hidden" />
            <ClientSortableHead label="Raison sociale" sortKey="name" current={sort} params={params} sticky />
            {shown.map(head)}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.id}>
              <TableCell className="font-mono text-xs max-sm:hidden">{row.code}</TableCell>
              <TableCell sticky className="sm:min-w-56">
                {/* On a phone the code column is left out and read under the name. */}
                <span className="block font-mono text-xs text-muted-foreground sm:hidden">{row.code}</span>
                <div className="flex items-center gap-1.5 max-sm:flex-wrap">
                  <RowLink href={`/clients/${row.id}`} className="font-medium hover:underline">
                    {row.name}
                  </RowLink>
                  {row.hasDispute && (
                    <Badge variant="warning" title="Pièce en litige" className="shrink-0">
                      <Scale className="size-3" aria-hidden="true" /> Litige
                    </Badge>
                  )}
                  {row.pausedUntil && row.pausedUntil >= today && <Badge variant="outline">Relances suspendues</Badge>}
                  {alerts.get(row.id) && (
                    <Badge variant="destructive" title={`Alerte : ${alerts.get(row.id)!.join(", ")}`} className="shrink-0">
                      <BellRing className="size-3" aria-hidden="true" /> Alerte
                    </Badge>
                  )}
                </div>
              </TableCell>
              {shown.map((column) => (
                // Text columns wrap so that the amounts and the balance âgée fit a 1 440 px screen without scrolling.
                <TableCell key={column.key} className={cn(column.numeric ? "tabular text-right whitespace-nowrap" : column.key === "aged" && "whitespace-nowrap")}>
                  {cell(row, column, agingLabels)}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
        <TableFooter>
          <TableRow>
            <TableCell className="max-sm:hidden" />
            <TableCell sticky>Total ({formatInteger(totals.count)} clients)</TableCell>
            {shown.map((column) => (
              <TableCell key={column.key} className="tabular text-right">
                {column.key === "outstanding" ? formatMoney(totals.outstanding) : column.key === "overdue" ? <span className="text-destructive">{formatMoney(totals.overdue)}</span> : null}
              </TableCell>
            ))}
          </TableRow>
        </TableFooter>
      </Table>
    </div>
  );
}
