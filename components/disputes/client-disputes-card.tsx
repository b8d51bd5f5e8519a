import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { RowLink } from "@/components/ui/row-link";
import type { Queryable } from "@/db/client";
import { listClientDisputes } from "@/db/queries/dispute-cases";
import type { Scope } from "@/lib/auth/scope";
import { today as dayOf } from "@/lib/dates";
import { disputeCategoryLabels } from "@/lib/disputes/labels";
import { formatDate, formatInteger, formatMoney } from "@/lib/format/fr";
import { DisputeStatusBadge } from "./dispute-status-badge";

/** The fiche client's disputes, those being worked first, each leading to its case; nothing when there are none. */
export async function ClientDisputesCard({ db, scope, clientId, today }: { db: Queryable; scope: Scope; clientId: string; today: string }) {
  const rows = await listClientDisputes(db, scope, clientId, today);
  if (rows.length === 0) return null;
  return (
    <Card>
      <CardHeader>
        <CardTitle>Litiges</CardTitle>
      </CardHeader>
      <CardContent>
        <ul className="divide-y">
          {rows.map((row) => (
            <li key={row.id} className="space-y-1 py-2 text-sm">
              <div className="flex items-center justify-between gap-3">
                <RowLink href={`/litiges/${row.id}`} className="min-w-0 truncate font-medium hover:underline">
                  {disputeCategoryLabels[row.category]} · {row.documentNumbers.join(", ")}
                  {row.documentCount > row.documentNumbers.length && ` +${formatInteger(row.documentCount - row.documentNumbers.length)}`}
                </RowLink>
                <DisputeStatusBadge status={row.status} />
              </div>
              <p className="text-xs text-muted-foreground">
                {row.amount === null ? "" : `${formatMoney(row.amount)} · `}
                ouvert le {formatDate(dayOf(undefined, row.openedAt))}
                {row.ownerName && ` · ${row.ownerName}`}
              </p>
            </li>
          ))}
        </ul>
      </CardContent>
    </Card>
  );
}
