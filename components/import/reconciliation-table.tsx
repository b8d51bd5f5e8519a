import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { ImportReconciliation } from "@/db/schema";
import { formatInteger, formatMoney } from "@/lib/format/fr";

const SHOWN = 100;

/** Per client, the balance the ledger gives and what Encaisse holds open: they must be equal. */
export function ReconciliationTable({ reconciliation }: { reconciliation: ImportReconciliation }) {
  const { clients, clientsWithDifference } = reconciliation;
  const rows = reconciliation.rows.slice(0, SHOWN);
  return (
    <Card>
      <CardHeader>
        <CardTitle className="flex items-center gap-3">
          Rapprochement des soldes
          {clientsWithDifference === 0 ? (
            <Badge variant="success">Aucun écart</Badge>
          ) : (
            <Badge variant="destructive">
              {formatInteger(clientsWithDifference)} écart{clientsWithDifference > 1 ? "s" : ""}
            </Badge>
          )}
        </CardTitle>
        <CardDescription>
          {formatInteger(clients)} compte{clients > 1 ? "s" : ""} client : solde du fichier{" "}
          {formatMoney(reconciliation.fileBalance)}, pièces ouvertes dans Encaisse {formatMoney(reconciliation.openInApp)}.
          {rows.length < clients && ` Les ${formatInteger(rows.length)} premiers sont listés, écarts d'abord.`}
        </CardDescription>
      </CardHeader>
      <CardContent className="p-0">
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>Client</TableHead>
              <TableHead className="text-right">Solde du fichier</TableHead>
              <TableHead className="text-right">Ouvert dans Encaisse</TableHead>
              <TableHead className="text-right">Écart</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((row) => (
              <TableRow key={row.clientCode} data-difference={row.difference}>
                <TableCell>
                  <span className="font-mono text-xs">{row.clientCode}</span> {row.clientName}
                </TableCell>
                <TableCell className="tabular text-right">{formatMoney(row.fileBalance)}</TableCell>
                <TableCell className="tabular text-right">{formatMoney(row.openInApp)}</TableCell>
                <TableCell className={`tabular text-right ${/[1-9]/.test(row.difference) ? "font-semibold text-destructive" : ""}`}>
                  {formatMoney(row.difference)}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </CardContent>
    </Card>
  );
}
