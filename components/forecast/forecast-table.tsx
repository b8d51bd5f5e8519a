import { Table, TableBody, TableCell, TableFooter, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { CashForecastWeek } from "@/db/queries/cash-forecast";
import { addDays } from "@/lib/dates";
import { formatDate, formatMoney } from "@/lib/format/fr";
import { forecastTotal, withCumulative } from "@/lib/scoring/forecast-weeks";

/** The weeks of the forecast: expected cash-in, its 80 % interval and the running total. */
export function ForecastTable({ weeks }: { weeks: CashForecastWeek[] }) {
  return (
    <Table data-testid="cash-forecast-table">
      <TableHeader>
        <TableRow>
          <TableHead>Semaine</TableHead>
          <TableHead className="text-right">Prévu</TableHead>
          <TableHead className="text-right">Bas (80 %)</TableHead>
          <TableHead className="text-right">Haut (80 %)</TableHead>
          <TableHead className="text-right">Cumul</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {withCumulative(weeks).map((w) => (
          <TableRow key={w.weekStart}>
            <TableCell className="whitespace-nowrap">
              du {formatDate(w.weekStart)} au {formatDate(addDays(w.weekStart, 6))}
            </TableCell>
            <TableCell className="tabular text-right font-medium">{formatMoney(w.expected)}</TableCell>
            <TableCell className="tabular text-right text-muted-foreground">{formatMoney(w.low)}</TableCell>
            <TableCell className="tabular text-right text-muted-foreground">{formatMoney(w.high)}</TableCell>
            <TableCell className="tabular text-right">{formatMoney(w.cumulative)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
      <TableFooter>
        <TableRow>
          <TableCell>Total sur 13 semaines</TableCell>
          <TableCell className="tabular text-right font-semibold">{formatMoney(forecastTotal(weeks))}</TableCell>
          <TableCell colSpan={3} />
        </TableRow>
      </TableFooter>
    </Table>
  );
}
