import { Download } from "lucide-react";
import { StackedBar } from "@/components/charts/stacked-bar";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableFooter, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { AgedBucket } from "@/db/queries/aged-balance";
import { formatDate, formatInteger, formatMoney, formatPercent } from "@/lib/format/fr";
import { agingBucketLabels } from "@/lib/settings/options";
import { RowLink } from "@/components/ui/row-link";

const colours = ["bg-emerald-500", "bg-lime-500", "bg-amber-400", "bg-orange-500", "bg-red-500", "bg-red-700", "bg-red-900", "bg-rose-950"];

/** The open documents of a bucket on the Pièces list: bucket 0 is « non échu », bucket i the (i − 1)th overdue range. */
export function bucketHref(index: number, entityId?: string): string {
  const entity = entityId ? `&entity=${entityId}` : "";
  // The balance âgée nets every type of pièce: the list shows them all so that its total is the bucket's.
  return (index === 0 ? "/pieces?status=open&due=not_due" : `/pieces?status=open&age=${index - 1}`) + "&type=all" + entity;
}

export function AgedBalanceCard({
  buckets,
  agingLimits,
  clients,
  entityId,
  pastDay,
}: {
  buckets: AgedBucket[];
  agingLimits: number[];
  clients: number;
  entityId?: string;
  /** A past day's balance: its pièces and the per-client export are today's, so neither is offered. */
  pastDay?: string;
}) {
  const labels = ["Non échu", ...(agingLimits.length ? agingBucketLabels(agingLimits) : [])];
  const total = buckets.reduce((sum, b) => sum + Number(b.amount), 0);
  const rows = buckets.map((bucket, i) => ({
    ...bucket,
    label: labels[i] ?? `Tranche ${i}`,
    href: bucketHref(i, entityId),
    className: colours[i] ?? colours[colours.length - 1],
  }));
  return (
    <Card data-testid="aged-balance-card">
      <CardHeader className="flex flex-row flex-wrap items-start justify-between gap-2">
        <div className="space-y-1.5">
          <CardTitle>Balance âgée</CardTitle>
          <CardDescription>
            {pastDay ? `Encours par ancienneté de retard au ${formatDate(pastDay)}` : "Encours par ancienneté de retard ; chaque tranche ouvre ses pièces"}
          </CardDescription>
        </div>
        {!pastDay && (
          <Button asChild variant="outline" size="sm">
            <a href={`/api/balance-agee/export${entityId ? `?societe=${entityId}` : ""}`} download>
              <Download className="size-4" aria-hidden="true" /> Exporter (xlsx)
            </a>
          </Button>
        )}
      </CardHeader>
      <CardContent className="space-y-4">
        {rows.length === 0 ? (
          <p className="text-sm text-muted-foreground">La balance âgée sera calculée lors du prochain traitement de nuit.</p>
        ) : (
          <>
            <StackedBar
              segments={rows.map((r) => ({ label: r.label, value: Number(r.amount), className: r.className, formatted: formatMoney(r.amount) }))}
            />
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>Tranche</TableHead>
                  <TableHead className="text-right">Clients</TableHead>
                  <TableHead className="text-right">Montant</TableHead>
                  <TableHead className="text-right">Part</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {rows.map((r) => (
                  <TableRow key={r.label} data-testid="aged-bucket">
                    <TableCell>
                      {pastDay ? (
                        <span className="flex items-center gap-2 font-medium">{bucketName(r)}</span>
                      ) : (
                        <RowLink href={r.href} className="flex items-center gap-2 font-medium hover:underline">
                          {bucketName(r)}
                        </RowLink>
                      )}
                    </TableCell>
                    <TableCell className="tabular text-right">{formatInteger(r.clients)}</TableCell>
                    <TableCell className="tabular text-right">{formatMoney(r.amount)}</TableCell>
                    <TableCell className="tabular text-right">{formatPercent(total ? Number(r.amount) / total : null)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
              <TableFooter>
                <TableRow>
                  <TableCell>Total</TableCell>
                  <TableCell className="tabular text-right">{formatInteger(clients)}</TableCell>
                  <TableCell className="tabular text-right" data-testid="aged-total">
                    {formatMoney(total)}
                  </TableCell>
                  <TableCell />
                </TableRow>
              </TableFooter>
            </Table>
          </>
        )}
      </CardContent>
    </Card>
  );
}

function bucketName({ label, className }: { label: string; className: string }) {
  return (
    <>
      <span className={`size-2.5 rounded-sm ${className}`} aria-hidden="true" />
      {label}
    </>
  );
}
