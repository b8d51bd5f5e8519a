import { StackedBar } from "@/components/charts/stacked-bar";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatMoney, formatPercent } from "@/lib/format/fr";
import { agingBucketLabels } from "@/lib/settings/options";

const colours = ["bg-emerald-500", "bg-lime-500", "bg-amber-400", "bg-orange-500", "bg-red-500", "bg-red-700", "bg-red-900", "bg-rose-950"];

export function AgedBalanceCard({
  notDue,
  aged,
  agingLimits,
  outstanding,
}: {
  notDue: string;
  aged: string[];
  agingLimits: number[];
  outstanding: string;
}) {
  const labels = ["Non échu", ...(agingLimits.length ? agingBucketLabels(agingLimits) : [])];
  const values = [notDue, ...aged];
  const total = Number(outstanding);
  const rows = labels.map((label, i) => ({
    label,
    amount: values[i] ?? "0",
    className: colours[i] ?? colours[colours.length - 1],
  }));
  return (
    <Card>
      <CardHeader>
        <CardTitle>Balance âgée</CardTitle>
        <CardDescription>Encours par ancienneté de retard</CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        <StackedBar
          segments={rows.map((r) => ({ label: r.label, value: Number(r.amount), className: r.className, formatted: formatMoney(r.amount) }))}
        />
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>Tranche</TableHead>
              <TableHead className="text-right">Montant</TableHead>
              <TableHead className="text-right">Part</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={r.label}>
                <TableCell>{r.label}</TableCell>
                <TableCell className="tabular text-right">{formatMoney(r.amount)}</TableCell>
                <TableCell className="tabular text-right">{formatPercent(total ? Number(r.amount) / total : null)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </CardContent>
    </Card>
  );
}
