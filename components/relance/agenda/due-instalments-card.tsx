import Link from "next/link";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { DueInstalment } from "@/db/queries/payment-plans";
import { addDays } from "@/lib/dates";
import { formatDate, formatMoney } from "@/lib/format/fr";
import { cn } from "@/lib/utils";

/**
 * « Échéances à encaisser »: instalments of active échéanciers due within the week or already late, for the
 * clients in the user's scope. Nothing is shown when none is due, so the worklist stays first.
 */
export function DueInstalmentsCard({ rows, today }: { rows: DueInstalment[]; today: string }) {
  if (rows.length === 0) return null;
  const late = rows.filter((r) => r.late).length;
  return (
    <Card data-testid="due-instalments">
      <CardHeader className="pb-2">
        <CardTitle className="text-base">Échéances à encaisser</CardTitle>
        <CardDescription>
          Échéanciers en cours : échéances jusqu&apos;au {formatDate(addDays(today, 7))}
          {late > 0 && <span className="text-destructive"> · {late} en retard</span>}
        </CardDescription>
      </CardHeader>
      <CardContent>
        <ul className="max-h-56 divide-y overflow-y-auto text-sm">
          {rows.map((r) => (
            <li key={`${r.planId}-${r.seq}`} className={cn("flex flex-wrap items-center gap-x-3 gap-y-1 py-1.5", r.late && "text-destructive")}>
              <span className="tabular w-24 shrink-0">{formatDate(r.dueDate)}</span>
              <Link href={`/clients/${r.clientId}`} className="min-w-0 flex-1 truncate font-medium hover:underline">
                {r.clientName}
              </Link>
              <span className="text-xs text-muted-foreground">
                échéance {r.seq}/{r.count}
              </span>
              <span className="tabular w-28 text-right">{formatMoney(r.remaining)}</span>
              {r.late && <span className="rounded-full bg-destructive/10 px-2 py-0.5 text-xs font-medium">En retard</span>}
            </li>
          ))}
        </ul>
      </CardContent>
    </Card>
  );
}

